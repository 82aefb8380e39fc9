package org.regulens.mirna

import spock.lang.Specification

import java.util.SplittableRandom

class SiteRefinerSpec extends Specification {

    def "the densest stretch: a hand-worked case"() {
        given: 'positive mass 10: half is 5; [2, 4) holds 3 + 2 = 5'
        float[] v = [1, -4, 3, 2, 0, 1, 2, 1] as float[]

        expect:
        SiteRefiner.densest(v, 0.5) == [2, 4] as int[]
        SiteRefiner.densest(v, 1.0) == [0, 8] as int[]
        SiteRefiner.densest([-1, 0, -2] as float[], 0.5) == [0, 3] as int[]
    }

    def "the densest stretch is the shortest (then leftmost) one found by trying every stretch"() {
        given:
        def random = new SplittableRandom(3)

        expect:
        (0..<500).every {
            int n = 1 + random.nextInt(20)
            float[] v = (0..<n).collect { (random.nextInt(9) - 3) as float } as float[]
            double fraction = [0.3, 0.5, 0.8][random.nextInt(3)]
            SiteRefiner.densest(v, fraction) == brute(v, fraction)
        }
    }

    static int[] brute(float[] v, double fraction) {
        double total = (v as List<Float>).sum { Math.max(0, it) }
        if (total == 0) {
            return [0, v.length] as int[]
        }
        for (int width = 1; width <= v.length; width++) {
            for (int s = 0; s + width <= v.length; s++) {
                if ((s..<s + width).sum { Math.max(0, v[it]) } >= fraction * total) {
                    return [s, s + width] as int[]
                }
            }
        }
        [0, v.length] as int[]
    }
}
