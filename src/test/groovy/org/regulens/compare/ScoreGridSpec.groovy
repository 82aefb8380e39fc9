package org.regulens.compare

import org.regulens.motif.MotifDatabase
import spock.lang.Specification

class ScoreGridSpec extends Specification {

    def "binAll gives bin()'s bins, exact halves and scores off the grid included, and counts them"() {
        given: 'scores at, near and between grid points of a grid from -1.3 to 0.2 in 100 steps, and outside it'
        def grid = new ScoreGrid(-1.3, 0.2, 100)
        def random = new Random(13)
        def scores = []
        (0..100).each { k ->
            double point = grid.value(k)
            double half = point + grid.step() / 2
            scores.addAll([point, half, Math.nextUp(half), Math.nextDown(half), point + random.nextDouble() * grid.step()])
        }
        scores.addAll([-2d, 1d, -1.3d, 0.2d])
        double[] values = scores as double[]
        int[] binned = new int[values.length]
        int[] counts = new int[101]

        when:
        grid.binAll(values, 0, values.length, binned, counts)

        then:
        (0..<values.length).every { binned[it] == grid.bin(values[it]) }
        int[] expected = new int[101]
        binned.each { expected[it]++ }
        counts == expected
    }

    def "the repeated pool weight is what adding 1/poolSize once per column gives"() {
        given:
        def pool = new TargetColumns(MotifDatabase.jaspar2024().take(40), ColumnSimilarity.EUCLIDEAN)
        double weight = 1d / pool.poolSize()
        double sum = 0

        expect:
        (1..pool.poolSize()).every { n -> sum += weight; pool.repeatedWeight(n) == sum }
        pool.repeatedWeight(0) == 0d
    }
}
