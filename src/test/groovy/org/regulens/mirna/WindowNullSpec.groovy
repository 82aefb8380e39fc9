package org.regulens.mirna

import spock.lang.Specification

class WindowNullSpec extends Specification {

    static double[] exponentials(int n, long seed) {
        def random = new SplittableRandom(seed)
        (0..<n).collect { -Math.log(1 - random.nextDouble()) } as double[]
    }

    def "inside the null, p is the share of null scores at or above the score (plus one), counted by brute force"() {
        given:
        double[] scores = exponentials(5000, 3)
        def nullScores = new WindowNull(scores)

        expect:
        [0.0d, 0.1d, 0.5d, 1.0d, 2.0d, 3.0d, 4.0d, scores[17], scores[42]].every { s ->
            int atOrAbove = scores.count { it >= s } as int
            atOrAbove < WindowNull.MIN_EXCEEDANCES ||
                    Math.abs(nullScores.pValue(s) - (atOrAbove + 1) / 5001d) < 1e-12
        }
    }

    def "beyond the null's last scores the fitted tail follows the true tail of an exponential null (within a factor of 2)"() {
        given: '20,000 scores of a standard exponential: P(S >= s) = exp(-s)'
        def nullScores = new WindowNull(exponentials(20000, 5))

        expect: 'the largest of 20,000 is near ln(20000) = 9.9; p at 12, 15, 20 is below any empirical 1/20001'
        [12d, 15d, 20d].every { s ->
            double ratio = nullScores.pValue(s) / Math.exp(-s)
            ratio > 0.5 && ratio < 2
        }
    }

    def "p never rises with the score, and stays in (0, 1]"() {
        given:
        def nullScores = new WindowNull(exponentials(3000, 7))
        def grid = (-20..300).collect { it / 10d }
        def p = grid.collect { nullScores.pValue(it) }

        expect:
        (1..<p.size()).every { p[it] <= p[it - 1] }
        p.every { it > 0 && it <= 1 }
        p[0] == 1d
    }

    def "the null scores dinucleotide shuffles of windows of the targets, the same for the same seed"() {
        given: 'targets whose windows have one dinucleotide path each (runs of one letter): shuffles return them unchanged'
        def targets = ['A' * 40 + 'C' * 40, 'G' * 30 + 'T' * 30]
        def seen = []
        SiteScanner.WindowScorer scorer = { String mirna, List<String> windows ->
            seen.addAll(windows)
            windows.collect { it.count('A') + 2 * it.count('G') as float } as float[]
        }

        when:
        def a = WindowNull.sample('UGAGGUAGUAGGUUGUAUAG', targets, 20, 600, 64, scorer, new SplittableRandom(9))
        def drawn = new ArrayList(seen)
        seen.clear()
        def b = WindowNull.sample('UGAGGUAGUAGGUUGUAUAG', targets, 20, 600, 64, scorer, new SplittableRandom(9))

        then: 'every window is a 20-nt window of a target; both targets are drawn from'
        drawn.size() == 600
        drawn.every { w -> w.length() == 20 && targets.any { it.contains(w) } }
        drawn.any { it.contains('A') } && drawn.any { it.contains('T') }
        and: 'windows span the junctions (mixed windows)'
        drawn.any { it.contains('A') && it.contains('C') }
        and: 'deterministic'
        seen == drawn
        (0..50).every { a.pValue(it) == b.pValue(it) }
    }

    def "a shuffled window keeps the window's dinucleotide counts"() {
        given:
        String target = 'ACGTTGCAAGCTTAGGCATCGATCGGATTACAGATTACAGGGCCCATATAT'
        def seen = []
        SiteScanner.WindowScorer scorer = { String m, List<String> windows -> seen.addAll(windows); new float[windows.size()] }

        when:
        WindowNull.sample('UGAGGUAGUAGGUUGUAUAG', [target], 25, 300, 50, scorer, new SplittableRandom(1))

        then: 'each drawn window has the dinucleotide counts of some 25-nt window of the target'
        def counts = { String s -> (0..<s.length() - 1).collect { s.substring(it, it + 2) }.countBy { it } }
        def originals = (0..target.length() - 25).collect { counts(target.substring(it, it + 25)) }
        seen.every { w -> originals.contains(counts(w)) }
        seen.any { w -> !target.contains(w) }
    }
}
