package org.regulens.compare

import org.regulens.motif.Motif
import org.regulens.motif.MotifDatabase
import spock.lang.Shared
import spock.lang.Specification

class ComparisonSpec extends Specification {

    @Shared List<Motif> jaspar = MotifDatabase.jaspar2024()

    def "JASPAR 2024 against itself: every motif's best hit is itself or a motif with the same matrix"() {
        when:
        def run = Comparison.run(jaspar, jaspar, ColumnSimilarity.PEARSON, 5, 100, 2)
        def wrong = (0..<jaspar.size()).findAll { q ->
            def best = run.reported(q, 1, false, 1)[0]
            best.target() != q && jaspar[best.target()].counts() != jaspar[q].counts()
        }

        then:
        jaspar.size() == 879
        wrong.isEmpty()
    }

    def "the alignment of a motif with a piece of itself: offset, orientation and overlap as Tomtom reports them"() {
        given: 'the target is CTCF; the query is its columns 3..10, reverse-complemented'
        def ctcf = MotifDatabase.byId(jaspar, 'MA0139.2', 'JASPAR2024')
        def piece = Motif.fromCounts('piece', '', ctcf.counts()[3..10] as double[][]).reverseComplement()

        when:
        def match = Comparison.run([piece], jaspar, ColumnSimilarity.PEARSON, 5, 100, 1).reported(0, 1, false, 1)[0]

        then: 'on the reverse strand the piece sits at 15 - 11 = 4 columns from the start'
        jaspar[match.target()].id() == 'MA0139.2'
        match.orientation() == '-'
        match.offset() == 4
        match.overlap() == 8
    }

    def "calibration: real motifs against column-shuffled decoys give about 5% of p-values below 0.05"() {
        given: 'every JASPAR motif with its columns permuted (seeded), and every 40th JASPAR motif as a query'
        def random = new Random(20240611)
        def decoys = jaspar.collect { m ->
            def rows = m.counts().toList()
            Collections.shuffle(rows, random)
            Motif.fromCounts(m.id() + '_shuffled', m.name(), rows as double[][])
        }
        def queries = (0..<jaspar.size()).step(40).collect { jaspar[it] }

        when:
        def run = Comparison.run(queries, decoys, ColumnSimilarity.PEARSON, 5, 100, 2)
        def p = (0..<queries.size()).collectMany { q -> run.matches(q)*.pValue() }
        int pairs = p.size()
        double below = p.count { it < 0.05 } / pairs
        double belowOnePercent = p.count { it < 0.01 } / pairs
        println String.format('calibration: %d pairs, %.2f%% of p-values below 0.05, %.2f%% below 0.01', pairs,
                100 * below, 100 * belowOnePercent)

        then: 'measured: 19,338 pairs, 4.75% below 0.05 and 0.92% below 0.01'
        pairs == 22 * 879
        belowOnePercent < 0.03
        below > 0.02
        below < 0.09
    }
}
