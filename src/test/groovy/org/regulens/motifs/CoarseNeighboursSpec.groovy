package org.regulens.motifs

import spock.lang.Specification

class CoarseNeighboursSpec extends Specification {

    def "top-k equals a brute-force sort (ties by index), without the row itself"() {
        given:
        def random = new Random(9)
        float[] values = (0..<200).collect { (random.nextInt(20) as float) } as float[]

        when:
        int[] top = CoarseNeighbours.top(values, 0, 200, 5, 12)
        def expected = (0..<200).findAll { it != 5 }.sort { a, b -> values[b] <=> values[a] ?: a <=> b }.take(12)

        then:
        top as List == expected
    }

    def "the k-mer embedding does not depend on the strand"() {
        given:
        def random = new Random(3)
        int length = 31
        float[] x = new float[length * 4]
        float[] actual = new float[length * 4]
        (0..<length).each { p -> int b = random.nextInt(4); x[p * 4 + b] = 1; actual[p * 4 + b] = random.nextFloat() }
        float[] forward = new float[CoarseNeighbours.DIMENSIONS]
        float[] reverse = new float[CoarseNeighbours.DIMENSIONS]

        when:
        CoarseNeighbours.embed(actual, x, forward, 0)
        CoarseNeighbours.embed(SeqletTracks.reverseComplement(actual), SeqletTracks.reverseComplement(x), reverse, 0)

        then:
        CoarseNeighbours.DIMENSIONS == 512
        (0..<512).every { Math.abs(forward[it] - reverse[it]) < 1e-5 }
        Math.abs((0..<512).sum { forward[it] * forward[it] } - 1) < 1e-4
    }

    def "5-mer reverse complement codes: AAAAC <-> GTTTT"() {
        expect:
        CoarseNeighbours.reverseComplement(0b0000000001) == 0b1011111111
    }
}
