package org.regulens.motifs

import spock.lang.Specification

class LouvainSpec extends Specification {

    /** An undirected graph from weighted edges i-j. */
    static AffinityGraph graph(int n, List<List<Number>> edges) {
        int[][] kept = new int[n][]
        double[][] w = new double[n][]
        def lists = (0..<n).collect { [] }
        edges.each { lists[(int) it[0]] << it }
        for (int i = 0; i < n; i++) {
            kept[i] = lists[i].collect { (int) it[1] } as int[]
            w[i] = lists[i].collect { (double) it[2] } as double[]
        }
        AffinityGraph.symmetric(kept, w)
    }

    static List<List<Number>> clique(List<Integer> nodes, double weight) {
        [nodes, nodes].combinations().findAll { it[0] < it[1] }.collect { [it[0], it[1], weight] }
    }

    def "two 5-cliques joined by a weak edge are two communities, with the hand-computed modularity"() {
        given:
        def g = graph(10, clique(0..4, 1) + clique(5..9, 1) + [[4, 5, 0.1]])

        when:
        int[] c = Louvain.cluster(g, 3, 7)

        then:
        (0..4).every { c[it] == c[0] } && (5..9).every { c[it] == c[5] } && c[0] != c[5]
        and: 'Q = 2 × (20/40.2 − (20.1/40.2)²): internal weight 10 per clique counted both ways, degree sums 20.1'
        Math.abs(Louvain.modularity(g, c) - 2 * (20 / 40.2 - Math.pow(20.1 / 40.2, 2))) < 1e-9
    }

    def "a ring of six 4-cliques: every clique is recovered, whatever the seed (modularity resolution allows it)"() {
        given:
        def edges = []
        (0..5).each { k -> edges += clique((4 * k)..(4 * k + 3), 1) }
        (0..5).each { k -> edges << [4 * k + 3, (4 * (k + 1)) % 24, 1] }
        def g = graph(24, edges)

        expect:
        [1L, 2L, 3L].every { seed ->
            int[] c = Louvain.cluster(g, 2, seed)
            (0..5).every { k -> (1..3).every { c[4 * k + it] == c[4 * k] } } && (0..5).collect { c[4 * it] }.toSet().size() == 6
        }
    }

    def "the same seed gives the same partition"() {
        given:
        def random = new Random(3)
        def edges = (0..<300).collect { [random.nextInt(60), random.nextInt(60), random.nextDouble()] }.findAll { it[0] != it[1] }
        def g = graph(60, edges)

        expect:
        Louvain.cluster(g, 3, 11) == Louvain.cluster(g, 3, 11)
    }
}
