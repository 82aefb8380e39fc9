package org.regulens.scan

import org.regulens.motif.Motif
import spock.lang.Specification

/** Exact p-values from the DP against brute force over all 4^w words. */
class ScoreMatrixSpec extends Specification {

    static final double[] SKEWED = [0.35, 0.15, 0.2, 0.3] as double[]

    static Motif randomMotif(int width, long seed) {
        def random = new Random(seed)
        double[][] counts = (0..<width).collect { (0..<4).collect { random.nextInt(20) as double } as double[] } as double[][]
        Motif.fromCounts('m' + seed, '', counts)
    }

    /** Every word of the given width with its background probability. */
    static List<List> words(int width, double[] bg) {
        def result = []
        int n = 1 << (2 * width)
        for (int code = 0; code < n; code++) {
            def text = new StringBuilder()
            double weight = 1
            for (int i = 0; i < width; i++) {
                int b = (code >> (2 * (width - 1 - i))) & 3
                text.append('ACGT'.charAt(b))
                weight *= bg[b]
            }
            result << [text.toString(), weight]
        }
        result
    }

    def "the DP tail equals brute force over the same integer matrix (width #width)"() {
        given:
        def motif = randomMotif(width, seed)
        def matrix = ScoreMatrix.of(motif.logOdds(0.1, SKEWED), SKEWED)
        def all = words(width, SKEWED)
        def scores = all.collect { matrix.score(it[0] as String) }

        expect: 'P(S >= s) for every score a word reaches, and the extremes'
        scores.toSet().every { int s ->
            double brute = 0
            all.eachWithIndex { w, i -> if (scores[i] >= s) brute += (w[1] as double) }
            Math.abs(matrix.pValue(s) - brute) <= 1e-12 * Math.max(brute, 1e-300) + 1e-15
        }
        matrix.pValue(matrix.minScore()) == 1d
        matrix.pValue(matrix.maxScore() + 1) == 0d
        scores.max() == matrix.maxScore()
        scores.min() == matrix.minScore()

        where:
        width | seed
        1     | 1
        3     | 2
        5     | 3
        6     | 4
    }

    def "the DP p-value brackets the real-valued tail within the rounding bound (width #width)"() {
        given: 'rounding moves a score by at most delta = w / (2 * 100) bits'
        def motif = randomMotif(width, seed)
        double[][] logOdds = motif.logOdds(0.1, SKEWED)
        def matrix = ScoreMatrix.of(logOdds, SKEWED)
        def all = words(width, SKEWED)
        double delta = width / (2.0 * ScoreMatrix.UNITS_PER_BIT)
        def real = all.collect { w -> matrix.realScore(ScoreMatrix.indices(w[0] as String), 0) }
                def realTail = { double t -> double p = 0; all.indices.each { if (real[it] >= t) p += (all[it][1] as double) }; p }

        expect: 'P_real(S >= r + 2 delta) <= p_DP(word) <= P_real(S >= r - 2 delta) for a sample of words'
        (0..<all.size()).step(37).every { int i ->
            double p = matrix.pValue(matrix.score(all[i][0] as String))
            realTail(real[i] + 2 * delta) - 1e-12 <= p && p <= realTail(real[i] - 2 * delta) + 1e-12
        }
        'and the integer score is within delta of the real one'
        (0..<all.size()).every { int i ->
            Math.abs(matrix.score(all[i][0] as String) / (double) ScoreMatrix.UNITS_PER_BIT - real[i]) <= delta + 1e-9
        }

        where:
        width | seed
        4     | 5
        6     | 6
    }

    def "thresholdScore is the smallest score at or under the p-value"() {
        given:
        def matrix = ScoreMatrix.of(randomMotif(8, 7).logOdds(0.1, SKEWED), SKEWED)

        expect:
        [1e-1, 1e-2, 1e-3, 1e-4, 1e-5].every { double p ->
            int t = matrix.thresholdScore(p)
            matrix.pValue(t) <= p && matrix.pValue(t - 1) > p
        }
        matrix.thresholdScore(1e-30) == matrix.maxScore() + 1
    }

    def "with a complement-symmetric background both strands have the same null distribution"() {
        given:
        double[] bg = ScanBackground.symmetric(SKEWED)
        def plus = ScoreMatrix.of(randomMotif(7, 8).logOdds(0.1, bg), bg)
        def minus = plus.reverseComplement(bg)

        expect:
        minus.minScore() == plus.minScore()
        minus.maxScore() == plus.maxScore()
        (plus.minScore()..plus.maxScore()).every { Math.abs(plus.pValue(it) - minus.pValue(it)) <= 1e-12 * plus.pValue(it) + 1e-300 }
        minus.score('ACGTTGA') == plus.score('TCAACGT')
    }

    def "a zero probability without pseudocount is refused"() {
        when:
        ScoreMatrix.of(Motif.fromCounts('z', '', [[1, 0, 0, 0]] as double[][]).logOdds(0, SKEWED), SKEWED)

        then:
        thrown(IllegalArgumentException)
    }
}
