package org.regulens.mirna

import spock.lang.Specification

/** The interaction map against hand-worked pairs: orientation, diagonals, G:U, lengths. */
class InteractionMapSpec extends Specification {

    static final int L = 50
    // miR-21-5p, first 20 nt (DNA alphabet)
    static final String MIR21 = 'TAGCTTATCAGACTGATGTT'

    static String complement(String s) {
        s.collect { [A: 'T', C: 'G', G: 'C', T: 'A'][it] }.join()
    }

    static String reverseComplement(String s) {
        complement(s).reverse()
    }

    static float cell(float[] map, int row, int column) {
        map[row * L + column]
    }

    def "columns read the target 3'->5': a single T at 5' position 10 faces every miRNA A in column 40"() {
        given: 'a poly-A miRNA against a poly-C target with one T; A:C is no pair, A:T (A:U) is Watson-Crick'
        def target = 'C' * 9 + 'T' + 'C' * 40
        def map = new InteractionMap(0.5f).encode('A' * 20, target)

        expect:
        (0..<20).every { row -> cell(map, row, 40) == 1f }
        map.findAll { it != 0f }.size() == 20
    }

    def "a perfect 20-nt duplex is one full diagonal: miRNA position i meets column i + 15 when the site starts at 5' position 16"() {
        given: 'the reverse complement of the miRNA at target indices 15..34, flanked by A'
        def target = 'A' * 15 + reverseComplement(MIR21) + 'A' * 15
        assert target.length() == L
        def map = new InteractionMap(0.5f).encode(MIR21, target)

        expect: 'target index 34 - i pairs with miRNA position i, and column = 49 - (34 - i) = i + 15'
        (0..<20).every { i -> cell(map, i, i + 15) == 1f }
        and: 'the neighbouring diagonals are not all pairs'
        !(0..<20).every { i -> cell(map, i, i + 16) == 1f }
        !(0..<19).every { i -> cell(map, i, i + 14) == 1f }
    }

    def "a seed match (positions 2-8) at target 5' position 31 lights exactly rows 1..7 of diagonal column = row + 12"() {
        given: 'seed of miR-21 = AGCTTAT (positions 2-8); its site ATAAGCT at target indices 30..36, rest G-free'
        def seed = MIR21.substring(1, 8)
        def site = reverseComplement(seed)
        // C faces miRNA G only; the miR-21 rows 1..7 are A G C T T A T, so a C background lights row 2 (G) alone
        def target = 'C' * 30 + site + 'C' * 13
        def map = new InteractionMap(0.5f).encode(MIR21, target)

        expect: 'miRNA position i (0-based 1..7) meets target index 37 - i, column 49 - 37 + i = i + 12'
        site == 'ATAAGCT'
        (1..7).every { i -> cell(map, i, i + 12) == 1f }
        cell(map, 0, 12) == 0f   // miRNA position 1 (T) faces C just 3' of the site
        cell(map, 8, 20) == 0f   // position 9 (C) faces C: no pair
    }

    def "G:U wobble: miRNA G facing target U, and miRNA U facing target G, take the configured value"() {
        given:
        def mirna = 'G' * 10 + 'T' * 10
        def target = 'T' * 25 + 'G' * 25     // columns 0..24 face target G (3' half), 25..49 face T
        def map = new InteractionMap(wobble).encode(mirna, target)

        expect:
        cell(map, 0, 30) == wobble    // G : U
        cell(map, 0, 10) == 0f        // G : G
        cell(map, 15, 10) == wobble   // U : G
        cell(map, 15, 30) == 0f       // U : U

        where:
        wobble << [0.5f, 0.25f, 0f]
    }

    def "the pairing table: Watson-Crick 1, wobble, nothing else"() {
        given:
        def encoding = new InteractionMap(0.4f)

        expect:
        encoding.pairing(m as char, t as char) == value

        where:
        m   | t   || value
        'A' | 'T' || 1f
        'T' | 'A' || 1f
        'C' | 'G' || 1f
        'G' | 'C' || 1f
        'G' | 'T' || 0.4f
        'T' | 'G' || 0.4f
        'A' | 'A' || 0f
        'A' | 'C' || 0f
        'A' | 'G' || 0f
        'C' | 'T' || 0f
        'C' | 'A' || 0f
        'G' | 'A' || 0f
    }

    def "a 17-nt miRNA leaves rows 17-19 empty; a 22-nt miRNA gives the map of its first 20 nt"() {
        given:
        def target = 'ACGT' * 12 + 'AC'
        def encoding = new InteractionMap(0.5f)
        def full = encoding.encode(MIR21, target)

        when:
        def shorter = encoding.encode(MIR21.substring(0, 17), target)
        def longer = encoding.encode(MIR21 + 'GA', target)

        then:
        (0..<17 * L).every { shorter[it] == full[it] }
        (17 * L..<20 * L).every { shorter[it] == 0f }
        longer == full
    }

    def "wobble values outside [0, 1] are refused"() {
        when:
        new InteractionMap(1.5f)

        then:
        thrown(IllegalArgumentException)
    }
}
