package org.regulens.compare

import org.regulens.motif.MotifSimilarity
import spock.lang.Specification

class ColumnSimilaritySpec extends Specification {

    static final double[] X = [0.7, 0.1, 0.1, 0.1] as double[]
    static final double[] Y = [0.4, 0.4, 0.1, 0.1] as double[]

    def "hand-computed scores of two columns"() {
        // centred: x = (.45, -.15, -.15, -.15), y = (.15, .15, -.15, -.15); Σxy = .09, Σx² = .27, Σy² = .09
        // so r = .09 / √(.27 · .09) = 1/√3. Squared distance: .3² + .3² = .18.
        expect:
        Math.abs(ColumnSimilarity.PEARSON.score(X, Y) - 1 / Math.sqrt(3)) < 1e-12
        Math.abs(ColumnSimilarity.EUCLIDEAN.score(X, Y) + Math.sqrt(0.18)) < 1e-12
        Math.abs(ColumnSimilarity.SW.score(X, Y) - 1.82) < 1e-12
    }

    def "Pearson agrees with MotifSimilarity's column correlation, flat columns included"() {
        given:
        def random = new Random(7)
        def columns = (1..50).collect {
            def v = (0..3).collect { random.nextDouble() }
            v.collect { it / v.sum() } as double[]
        } + [[0.25, 0.25, 0.25, 0.25] as double[]]

        expect:
        columns.every { a ->
            columns.every { b -> Math.abs(ColumnSimilarity.PEARSON.score(a, b) - MotifSimilarity.pearson(a, b)) < 1e-12 }
        }
    }

    def "a column scores highest against itself, within each measure's range"() {
        expect:
        Math.abs(measure.score(X, X) - measure.highest()) < 1e-12
        measure.score(X, Y) < measure.highest()
        measure.score([1, 0, 0, 0] as double[], [0, 1, 0, 0] as double[]) >= measure.lowest() - 1e-12

        where:
        measure << ColumnSimilarity.values()
    }

    def "scoreColumns over a base-by-base pool gives scorePrepared's numbers exactly"() {
        given:
        def random = new Random(3)
        def columns = (1..200).collect {
            def v = (0..3).collect { random.nextDouble() }
            measure.prepare(v.collect { it / v.sum() } as double[])
        }
        def x = columns[0]
        double[] out = new double[columns.size() + 3]

        when:
        measure.scoreColumns(x, MotifColumns.byBase(columns as double[][]), out, 3)

        then:
        (0..<columns.size()).every { j -> out[3 + j] == measure.scorePrepared(x, columns[j]) }

        where:
        measure << ColumnSimilarity.values()
    }
}
