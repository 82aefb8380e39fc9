package org.regulens.motifs

import spock.lang.Specification

class TrackAlignmentSpec extends Specification {

    /** A [position·4 + base] track of `length` positions with the given (position, base, value) entries. */
    static float[] track(int length, List<List<Number>> entries) {
        float[] t = new float[length * 4]
        entries.each { t[(int) it[0] * 4 + (int) it[1]] = (float) it[2] }
        t
    }

    static TrackAlignment.Alignment align(float[] a, float[] b, int min, int max) {
        float[] zeros = new float[b.length]
        TrackAlignment.best(a, new float[a.length], [b, SeqletTracks.reverseComplement(b)] as float[][],
                [zeros, zeros] as float[][], min, max)
    }

    def "hand-computed continuous Jaccard of one column: signed minima over maxima"() {
        given: 'a = (0.6, -0.4, 0, 0), b = (0.2, 0.3, 0.5, 0): minima 0.2 (same sign) and 0.3 (opposite), maxima 0.6+0.4+0.5'
        float[] a = track(1, [[0, 0, 0.6], [0, 1, -0.4]])
        float[] b = track(1, [[0, 0, 0.2], [0, 1, 0.3], [0, 2, 0.5]])
        float[] none = new float[4]

        expect:
        Math.abs(TrackAlignment.similarity(a, none, b, none, 0, 2d) - (0.2 - 0.3) / 1.5) < 1e-6
    }

    def "mass left outside the overlap counts in the denominator (hand-computed 1/3)"() {
        given: 'two bases of 0.5 each; shifted by one, only one pair overlaps: min 0.5, union 2 - 0.5'
        float[] a = track(2, [[0, 0, 0.5], [1, 1, 0.5]])
        float[] b = track(2, [[0, 1, 0.5], [1, 2, 0.5]])
        float[] none = new float[8]

        expect:
        Math.abs(TrackAlignment.similarity(a, none, b, none, 1, 2d) - 0.5 / 1.5) < 1e-6
    }

    def "a shifted copy is found at its shift, a reverse complement on strand 1, both with similarity 1"() {
        given:
        float[] a = SeqletTracks.l1Normalised(track(12, [[3, 0, 1], [4, 2, 2], [5, 3, 1], [6, 1, 0.5]]))
        float[] shifted = SeqletTracks.l1Normalised(track(12, [[6, 0, 1], [7, 2, 2], [8, 3, 1], [9, 1, 0.5]]))
        float[] rc = SeqletTracks.reverseComplement(a)

        when:
        def s = align(a, shifted, -5, 5)
        def r = align(a, rc, -5, 5)

        then: "b's position 6 sits at a's position 3"
        s.shift() == -3 && s.strand() == 0 && Math.abs(s.similarity() - 1) < 1e-6
        r.shift() == 0 && r.strand() == 1 && Math.abs(r.similarity() - 1) < 1e-6
    }

    def "reverse complement of a track: positions reversed, A<->T and C<->G"() {
        expect:
        SeqletTracks.reverseComplement(track(2, [[0, 0, 1], [1, 1, 2]])) == track(2, [[0, 2, 2], [1, 3, 1]])
    }
}
