package org.regulens.motif

import spock.lang.Specification

/** The matrix arithmetic of {@link Motif}, against values worked out by hand. */
class MotifSpec extends Specification {

    static final double EPS = 1e-12

    static Motif counts(double[][] rows) {
        Motif.fromCounts('M1', 'test', rows)
    }

    static double log2(double x) {
        Math.log(x) / Math.log(2)
    }

    static double sumPLog2P(List<Double> p) {
        double total = 0
        for (double x : p) {
            if (x > 0) {
                total += x * log2(x)
            }
        }
        total
    }

    static void close(double[] actual, List<Double> expected, double eps = EPS) {
        assert actual.length == expected.size()
        expected.eachWithIndex { e, i -> assert Math.abs(actual[i] - e) < eps: "index $i: ${actual[i]} vs $e" }
    }

    def "fromCounts keeps counts as given and takes nsites from the largest row sum"() {
        when:
        def m = counts([[1, 2, 3, 4], [5, 5, 5, 6]] as double[][])

        then:
        m.id() == 'M1'
        m.name() == 'test'
        m.width() == 2
        m.nsites() == 21d
        m.count(1, 3) == 6d
        m.counts() == [[1, 2, 3, 4], [5, 5, 5, 6]] as double[][]
    }

    def "fromProbabilities stores probability times nsites"() {
        when:
        def m = Motif.fromProbabilities('P', '', [[0.1, 0.2, 0.3, 0.4]] as double[][], 10)

        then:
        close(m.counts()[0], [1d, 2d, 3d, 4d], 1e-12)
        m.nsites() == 10d
        m.label() == 'P'
    }

    def "the matrix cannot be changed from outside"() {
        given:
        double[][] input = [[1, 2, 3, 4]]
        def m = counts(input)

        when:
        input[0][0] = 100
        m.counts()[0][1] = 100

        then:
        m.count(0, 0) == 1d
        m.count(0, 1) == 2d
    }

    def "probabilities() normalises rows and makes an all-zero row uniform"() {
        when:
        def p = counts([[2, 6, 0, 2], [0, 0, 0, 0]] as double[][]).probabilities()

        then:
        close(p[0], [0.2d, 0.6d, 0d, 0.2d])
        close(p[1], [0.25d, 0.25d, 0.25d, 0.25d])
    }

    def "the pseudocount is a total spread over the bases by background"() {
        given: 'counts 8,0,2,0 (sum 10), pseudocount 1, background .3 .2 .2 .3: p = (c + 1*bg) / 11'
        def m = counts([[8, 0, 2, 0]] as double[][])

        when:
        def p = m.probabilities(1, [0.3, 0.2, 0.2, 0.3] as double[])

        then:
        close(p[0], [8.3d / 11, 0.2d / 11, 2.2d / 11, 0.3d / 11])
    }

    def "logOdds is log2(p / bg) of the pseudocounted probabilities"() {
        expect: 'counts 4,2,1,1 give p = 1/2, 1/4, 1/8, 1/8: against 1/4 each that is 1, 0, -1, -1 bits'
        close(counts([[4, 2, 1, 1]] as double[][]).logOdds(0, Background.uniform())[0], [1d, 0d, -1d, -1d])

        and: 'with pseudocount 1 and background .3 .2 .2 .3'
        close(counts([[8, 0, 2, 0]] as double[][]).logOdds(1, [0.3, 0.2, 0.2, 0.3] as double[])[0],
                [log2(8.3d / 11 / 0.3d), log2(0.2d / 11 / 0.2d), log2(2.2d / 11 / 0.2d), log2(0.3d / 11 / 0.3d)])

        and: 'a zero probability without pseudocount is minus infinity'
        counts([[1, 0, 0, 0]] as double[][]).logOdds(0, Background.uniform())[0][1] == Double.NEGATIVE_INFINITY
    }

    def "information content per position in bits"() {
        given:
        def m = counts([[5, 5, 0, 0], [1, 1, 1, 1], [0, 0, 7, 0], [0, 0, 0, 0]] as double[][])

        expect: 'half A half C = 1 bit, uniform = 0, one-hot = 2, empty (uniform) = 0'
        close(m.informationContent(Background.uniform()), [1d, 0d, 2d, 0d])
        close(m.informationContent(), [1d, 0d, 2d, 0d])
        Math.abs(m.totalInformation(Background.uniform()) - 3) < EPS

        and: 'one-hot G against a 40% GC background (G = 0.2): log2(1 / 0.2)'
        Math.abs(m.informationContent(Background.fromGc(0.4))[2] - log2(5)) < EPS
    }

    def "with a uniform background the information content is 2 + sum p log2 p"() {
        given:
        def row = [3, 1, 0, 4] as double[]
        double plogp = sumPLog2P(row.collect { it / 8 })

        expect:
        Math.abs(counts([row] as double[][]).informationContent()[0] - (2 + plogp)) < EPS
    }

    def "reverse complement reverses positions and swaps A-T and C-G"() {
        given:
        def m = counts([[1, 2, 3, 4], [5, 6, 7, 8], [9, 0, 0, 1]] as double[][])

        when:
        def rc = m.reverseComplement()

        then:
        rc.counts() == [[1, 0, 0, 9], [8, 7, 6, 5], [4, 3, 2, 1]] as double[][]
        rc.id() == 'M1'
        rc.name() == 'test'
        rc.reverseComplement() == m
        rc != m
    }

    def "consensus of hand examples"() {
        expect:
        counts(rows as double[][]).consensus() == expected

        where:
        rows                                         || expected
        [[10, 0, 0, 0]]                              || 'A'
        [[6, 3, 1, 0]]                               || 'A'   // 0.6 >= 0.5 and 0.6 >= 2 * 0.3
        [[5, 4, 1, 0]]                               || 'M'   // 0.5 < 2 * 0.4; A+C = 0.9
        [[0, 4, 0, 5]]                               || 'Y'
        [[0, 0, 5, 5]]                               || 'K'
        [[5, 0, 5, 0]]                               || 'R'
        [[0, 5, 5, 0]]                               || 'S'
        [[5, 0, 0, 5]]                               || 'W'
        [[45, 0, 30, 25]]                            || 'R'   // 0.45 + 0.30 = 0.75 exactly
        [[3, 3, 2, 2]]                               || 'N'   // top two 0.6
        [[1, 1, 1, 1]]                               || 'N'
        [[0, 0, 0, 0]]                               || 'N'   // no data: uniform
        // JASPAR MA0004.1 Arnt: the E-box
        [[4, 16, 0, 0], [19, 0, 1, 0], [0, 20, 0, 0],
         [0, 0, 20, 0], [0, 0, 0, 20], [0, 0, 20, 0]] || 'CACGTG'
    }

    def "trimmed drops low-information flanks and keeps at least one column"() {
        given:
        def flat = [1, 1, 1, 1]
        def m = counts([flat, [10, 0, 0, 0], flat, [0, 10, 0, 0], flat] as double[][])

        when:
        def t = m.trimmed(0.5, Background.uniform())

        then:
        t.counts() == [[10, 0, 0, 0], flat, [0, 10, 0, 0]] as double[][]
        t.id() == 'M1'

        and: 'all flat: the single best column is kept'
        counts([flat, [2, 1, 1, 1], flat] as double[][]).trimmed(1, Background.uniform()).counts() == [[2, 1, 1, 1]] as double[][]

        and: 'nothing to trim: the same motif'
        counts([[10, 0, 0, 0]] as double[][]).trimmed(0.5, Background.uniform()).counts() == [[10, 0, 0, 0]] as double[][]
    }

    def "equality is by id, name and counts"() {
        given:
        double[][] rows = [[1, 2, 3, 4]]

        expect:
        counts(rows) == counts(rows)
        counts(rows).hashCode() == counts(rows).hashCode()
        counts(rows) != counts(rows).withName('other')
        counts(rows) != counts(rows).withId('M2')
        counts(rows) != counts([[1, 2, 3, 5]] as double[][])
        counts(rows).withName('x').name() == 'x'
    }

    def "backgrounds"() {
        expect:
        Background.uniform() == [0.25, 0.25, 0.25, 0.25] as double[]
        close(Background.fromGc(0.4), [0.3d, 0.2d, 0.2d, 0.3d])

        when:
        Background.fromGc(1)

        then:
        thrown(IllegalArgumentException)
    }

    def "invalid matrices are refused: #why"() {
        when:
        Motif.fromCounts(id, '', rows as double[][])

        then:
        thrown(IllegalArgumentException)

        where:
        why              | id     | rows
        'negative count' | 'M'    | [[1, -1, 0, 0]]
        'three columns'  | 'M'    | [[1, 1, 0]]
        'no positions'   | 'M'    | []
        'blank id'       | ''     | [[1, 1, 0, 0]]
        'id with space'  | 'M 1'  | [[1, 1, 0, 0]]
    }
}
