package org.regulens.seq

import spock.lang.Specification

class DnaSpec extends Specification {

    def "reverse complement handles case and IUPAC letters"() {
        expect:
        new String(Dna.reverseComplement('ACGTNacgtRY'.bytes)) == 'RYacgtNACGT'
        new String(Dna.reverseComplement(Dna.reverseComplement('GATTACA'.bytes))) == 'GATTACA'
    }

    def "GC fraction counts only A/C/G/T bases"() {
        expect:
        Dna.gcFraction('GGCCAATT'.bytes, 0, 8) == 0.5d
        Dna.gcFraction('GCNNNNNN'.bytes, 0, 8) == 1.0d
        Double.isNaN(Dna.gcFraction('NNNN'.bytes, 0, 4))
        Dna.gcFraction('ggcaNN'.bytes, 0, 6) == 0.75d
        Dna.countNonAcgt('ACNRgt'.bytes, 0, 6) == 2
    }

    def "normalise upper-cases soft-masked bases and reads U as T"() {
        given:
        byte[] s = 'acgUuN'.bytes
        when:
        Dna.normalise(s, 0, s.length)
        then:
        new String(s) == 'ACGTTN'
    }

    def "one-hot puts A, C, G, T in rows 0-3 and N as an all-zero column"() {
        when:
        byte[] x = OneHot.encode('ACGTN'.bytes)
        then: 'row b, column j is x[b * L + j]'
        x.toList() == [1, 0, 0, 0, 0,
                       0, 1, 0, 0, 0,
                       0, 0, 1, 0, 0,
                       0, 0, 0, 1, 0].collect { it as byte }
        new String(OneHot.decode(x.collect { it as float } as float[], 0, 5)) == 'ACGTN'
    }
}
