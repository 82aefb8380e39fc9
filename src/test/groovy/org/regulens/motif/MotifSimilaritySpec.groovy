package org.regulens.motif

import spock.lang.Specification

class MotifSimilaritySpec extends Specification {

    static Motif oneHot(String id, String consensus) {
        Motif.fromCounts(id, id, consensus.collect { c -> (0..3).collect { 'ACGT'[it] == c ? 10d : 0d } as double[] } as double[][])
    }

    def "identical, shifted and reverse-complement motifs score 1"() {
        expect:
        MotifSimilarity.best(oneHot('a', 'ACGTAC'), oneHot('b', 'ACGTAC'), 4) == 1d
        MotifSimilarity.best(oneHot('a', 'TTACGTACTT'), oneHot('b', 'GTAC'), 4) == 1d
        Math.abs(MotifSimilarity.best(oneHot('a', 'AACCGT'), oneHot('b', 'ACGGTT'), 6) - 1d) < 1e-12
    }

    def "two different one-hot columns correlate at -1/3 (hand-computed), flat columns at 0"() {
        expect:
        Math.abs(MotifSimilarity.pearson([1, 0, 0, 0] as double[], [0, 1, 0, 0] as double[]) + 1 / 3d) < 1e-12
        MotifSimilarity.pearson([0.25, 0.25, 0.25, 0.25] as double[], [1, 0, 0, 0] as double[]) == 0d
        and: 'AAAA against CCCC: every alignment and strand mixes -1/3 and, on the minus strand, GGGG: still -1/3'
        Math.abs(MotifSimilarity.best(oneHot('a', 'AAAA'), oneHot('b', 'CCCC'), 4) + 1 / 3d) < 1e-12
    }

    def "in JASPAR, GATA1 resembles GATA1::TAL1 more than CTCF"() {
        given:
        def db = MotifDatabase.jaspar2024()
        def gata = MotifDatabase.byId(db, 'MA0035.5', 'JASPAR2024')
        expect:
        MotifSimilarity.best(gata, MotifDatabase.byId(db, 'MA0140.3', 'JASPAR2024'), 5) >
                MotifSimilarity.best(gata, MotifDatabase.byId(db, 'MA0139.2', 'JASPAR2024'), 5)
    }
}
