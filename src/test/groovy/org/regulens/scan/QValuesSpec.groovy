package org.regulens.scan

import spock.lang.Specification

/** Benjamini–Hochberg from score counts agrees with BH over the explicit list of p-values. */
class QValuesSpec extends Specification {

    static List<Double> bh(List<Double> p) {
        int m = p.size()
        def order = (0..<m).toList().sort { p[it] }
        def q = new double[m]
        double running = 1
        for (int r = m - 1; r >= 0; r--) {
            running = Math.min(running, m * p[order[r]] / (r + 1))
            q[order[r]] = running
        }
        q as List<Double>
    }

    def "q-values from counts equal BH over every test, both strands together"() {
        given:
        double[] bg = [0.3, 0.2, 0.2, 0.3] as double[]
        def motif = ScoreMatrixSpec.randomMotif(4, 11)
        def plus = ScoreMatrix.of(motif.logOdds(0.1, bg), bg)
        def minus = plus.reverseComplement(bg)
        def random = new Random(5)
        def tests = []  // [matrix index, score]
        long[] plusCounts = new long[plus.maxScore() - plus.minScore() + 1]
        long[] minusCounts = new long[minus.maxScore() - minus.minScore() + 1]
        3000.times {
            def word = (0..<4).collect { 'ACGT'.charAt(random.nextInt(4)) }.join()
            int s = plus.score(word)
            int r = minus.score(word)
            plusCounts[s - plus.minScore()]++
            minusCounts[r - minus.minScore()]++
            tests << [0, s] << [1, r]
        }
        def q = QValues.of([plus, minus], [plusCounts, minusCounts])
        def matrices = [plus, minus]
        def expected = bh(tests.collect { t -> matrices[t[0] as int].pValue(t[1] as int) })

        expect:
        tests.indices.every { int i -> Math.abs(q.of(tests[i][0] as int, tests[i][1] as int) - expected[i]) <= 1e-9 }
    }
}
