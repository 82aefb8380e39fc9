package org.regulens.scan

import org.regulens.motif.Background
import org.regulens.motif.Motif
import org.regulens.motif.MotifDatabase
import org.regulens.seq.Dna
import spock.lang.Specification

import java.nio.file.Path

/** Planted CTCF sites are found where they were put; random sequence gives about the expected false hits. */
class MotifScannerSpec extends Specification {

    static final Motif CTCF = MotifDatabase.byId(MotifDatabase.jaspar2024(), 'MA0139', 'JASPAR2024')

    /** The most probable word of a motif (its best-scoring site). */
    static String bestWord(Motif motif) {
        motif.probabilities().collect { row -> 'ACGT'.charAt((0..<4).max { row[it] }) }.join()
    }

    static byte[] randomSequence(Random random, int length, double[] bg) {
        byte[] s = new byte[length]
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble()
            int b = 0
            while (b < 3 && u >= bg[b]) {
                u -= bg[b]
                b++
            }
            s[i] = Dna.letter(b)
        }
        s
    }

    def "planted CTCF sites on both strands are hits at exactly their positions and strands"() {
        given: '50 random sequences of 500 bp, each with one site on + at 100 and one on - at 300'
        def random = new Random(42)
        double[] bg = Background.uniform()
        def word = bestWord(CTCF)
        int w = word.length()
        def rc = new String(Dna.reverseComplement(word.bytes))
        int n = 50, length = 500
        def scanner = new MotifScanner([CTCF], Path.of('ctcf'), bg, 0.1, 1e-4, true, false)
        def planted = [] as Set
        def found = [] as Set
        def extra = []
        def overlapping = []

        when:
        n.times { seq ->
            byte[] s = randomSequence(random, length, bg)
            System.arraycopy(word.bytes, 0, s, 100, w)
            System.arraycopy(rc.bytes, 0, s, 300, w)
            planted << [seq, 100, '+' as char] << [seq, 300, '-' as char]
            scanner.scan(s).each { hit ->
                def key = [seq, hit.start(), hit.strand()]
                if (key in planted) {
                    found << key
                    assert hit.matched() == word
                } else if ((hit.start() - 100).abs() < w || (hit.start() - 300).abs() < w) {
                    overlapping << key // a shifted window over a planted site (CTCF reads partly both ways)
                } else {
                    extra << key
                }
            }
        }
        double expectedFalse = 2.0 * length * n * 1e-4

        then:
        found == planted
        // away from the planted sites: Poisson with mean about 5 (fewer windows fit), P(X > 15) < 1e-4
        extra.size() <= 3 * expectedFalse
        // shifted windows over the sites are hits too, but at most a few per site
        overlapping.size() <= 2 * planted.size()
    }

    def "on i.i.d. background sequence the fraction of windows with p <= 0.01 is about the nominal rate"() {
        given:
        double[] bg = [0.3, 0.2, 0.2, 0.3] as double[]
        def random = new Random(7)
        def scanner = new MotifScanner([CTCF], Path.of('ctcf'), bg, 0.1, 0.01, true, true)
        def target = scanner.targets()[0]
        long hits = 0

        when:
        200.times { hits += scanner.scan(randomSequence(random, 1000, bg)).size() }
        long tests = target.tests()
        double rate = target.plus.pValue(target.plusThreshold)  // the attainable level at or under 0.01
        double sd = Math.sqrt(rate * (1 - rate) / tests)

        then:
        tests == 200L * (1000 - CTCF.width() + 1) * 2
        rate <= 0.01 && rate > 0.009
        Math.abs(hits / (double) tests - rate) < 5 * sd * 2 // windows overlap, so allow twice the binomial spread
    }

    def "windows with N are not scored and not counted as tests"() {
        given:
        def scanner = new MotifScanner([CTCF], Path.of('ctcf'), Background.uniform(), 0.1, 1, true, true)
        def word = bestWord(CTCF)
        byte[] s = ('AC' + word + 'N' + word).bytes

        when:
        def hits = scanner.scan(s)

        then: 'three windows before the N, one after, each on two strands'
        scanner.targets()[0].tests() == 8
        hits.size() == 8
        hits.every { h -> h.start() + h.width() <= 2 + word.length() || h.start() > 2 + word.length() }
    }
}
