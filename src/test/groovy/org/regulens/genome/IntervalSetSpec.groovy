package org.regulens.genome

import spock.lang.Specification

import java.util.SplittableRandom

class IntervalSetSpec extends Specification {

    def "point and range queries agree with a brute-force scan of random intervals"() {
        given:
        def random = new SplittableRandom(5)
        def intervals = (1..200).collect {
            long s = random.nextInt(10_000)
            [s, s + 1 + random.nextInt(300)]
        }
        def builder = IntervalSet.builder()
        intervals.each { builder.add('chr1', it[0], it[1]) }
        def set = builder.build()

        expect:
        (0..<2000).every {
            long p = random.nextInt(10_500)
            set.contains('chr1', p) == intervals.any { it[0] <= p && p < it[1] }
        }
        (0..<2000).every {
            long s = random.nextInt(10_500)
            long e = s + 1 + random.nextInt(500)
            set.overlaps('chr1', s, e) == intervals.any { it[0] < e && s < it[1] }
        }
        !set.contains('chr2', 100)
    }

    def "touching intervals merge; half-open ends are excluded"() {
        given:
        def set = IntervalSet.builder().add('c', 10, 20).add('c', 20, 30).add('c', 40, 50).build()
        expect:
        set.coveredBases('c') == 30
        set.contains('c', 10) && set.contains('c', 29) && !set.contains('c', 30) && !set.contains('c', 9)
        !set.overlaps('c', 30, 40)
        set.overlaps('c', 30, 41)
    }
}
