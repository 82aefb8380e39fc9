package org.regulens.compare

import org.regulens.motif.Motif
import org.regulens.motif.MotifDatabase
import spock.lang.Shared
import spock.lang.Specification

/**
 * The streamed table against the writer it replaced: String.format per row over Match records, kept here as the
 * reference, with the old selection (a stream filter and sort over all of a query's matches).
 */
class MatchTableSpec extends Specification {

    @Shared List<Motif> jaspar = MotifDatabase.jaspar2024()

    /** The former MatchTable.write and Comparison.reported, verbatim in effect. */
    static String reference(Comparison comparison, double threshold, boolean byEValue, Integer maxMatches) {
        def out = new StringBuilder(MatchTable.HEADER + '\n')
        comparison.queries().eachWithIndex { Motif query, int q ->
            def reported = comparison.matches(q)
                    .findAll { m -> (byEValue ? comparison.eValue(m) : comparison.qValue(m)) <= threshold }
                    .sort(false, Comparator.comparingDouble { Match m -> m.pValue() }
                            .thenComparing({ Match m -> m.completeScore() } as java.util.function.Function,
                                    Comparator.reverseOrder())
                            .thenComparingInt { Match m -> m.target() })
            if (maxMatches != null) {
                reported = reported.take(maxMatches)
            }
            reported.each { Match m ->
                Motif target = comparison.targets()[m.target()]
                Motif oriented = m.reverse() ? target.reverseComplement() : target
                out.append(String.format(Locale.ROOT, '%s\t%s\t%d\t%.3e\t%.3e\t%.3e\t%d\t%s\t%s\t%s\t%s%n',
                        query.id(), target.id(), m.offset(), m.pValue(), comparison.eValue(m), comparison.qValue(m),
                        m.overlap(), query.consensus(), oriented.consensus(), m.orientation(), target.name()))
            }
        }
        out.toString()
    }

    def "streamed rows equal the String.format writer's, all pairs and with thresholds"() {
        given: 'every 25th JASPAR motif against every 9th (36 x 98 pairs), Euclidean'
        def queries = (0..<jaspar.size()).step(25).collect { jaspar[it] }
        def targets = (0..<jaspar.size()).step(9).collect { jaspar[it] }
        def comparison = Comparison.run(queries, targets, ColumnSimilarity.EUCLIDEAN, 5, 100, 2)

        when:
        def written = new StringWriter()
        int rows = MatchTable.write(written, comparison, threshold, byEValue, maxMatches)
        def expected = reference(comparison, threshold, byEValue, maxMatches)

        then:
        written.toString() == expected
        rows == expected.readLines().size() - 1
        rows > 0
        expectedRows == null || rows == expectedRows

        where:
        threshold | byEValue | maxMatches || expectedRows
        1.0       | false    | null       || 36 * 98
        0.5       | false    | null       || null
        1.0       | true     | 3          || null
        0.05      | false    | 1          || null
    }
}
