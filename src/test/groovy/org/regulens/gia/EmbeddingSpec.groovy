package org.regulens.gia

import spock.lang.Specification

import java.util.SplittableRandom

class EmbeddingSpec extends Specification {

    static String s(byte[] b) { new String(b, 'US-ASCII') }

    def "a single motif lands at its position; minus writes its reverse complement; the background is not changed"() {
        given:
        byte[] background = ('N' * 12).bytes

        expect:
        s(Embedding.single(background, 'GATTC'.bytes, 3, false)) == 'NNNGATTCNNNN'
        s(Embedding.single(background, 'GATTC'.bytes, 7, true)) == 'NNNNNNNGAATC'
        s(background) == 'N' * 12
    }

    def "a pair: first, gap bases, second; centred; orientation signs reverse-complement each motif"() {
        given: '20 bases, motifs of 3 and 4, gap 5: span 12, start (20 - 12) / 2 = 4'
        byte[] background = ('.' * 20).bytes

        expect:
        Embedding.pairStart(20, 3, 4, 5) == 4
        s(Embedding.pair(background, 'AAC'.bytes, 'GGGT'.bytes, 5, '++')) == '....AAC.....GGGT....'
        s(Embedding.pair(background, 'AAC'.bytes, 'GGGT'.bytes, 5, '+-')) == '....AAC.....ACCC....'
        s(Embedding.pair(background, 'AAC'.bytes, 'GGGT'.bytes, 5, '-+')) == '....GTT.....GGGT....'
        s(Embedding.pair(background, 'AAC'.bytes, 'GGGT'.bytes, 0, '--')) == '......GTTACCC.......'
    }

    def "a motif that does not fit is refused"() {
        when:
        Embedding.single(('A' * 5).bytes, 'CCC'.bytes, 3, false)
        then:
        thrown(IllegalArgumentException)
    }

    def "positions: center, all, a list; each checked to fit"() {
        expect:
        Experiments.parsePositions('center', 20, 5) == [7]
        Experiments.parsePositions('all', 8, 5) == [0, 1, 2, 3]
        Experiments.parsePositions('0, 15', 20, 5) == [0, 15]

        when:
        Experiments.parsePositions('16', 20, 5)
        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('0..15')
    }

    def "distances: FROM:TO:STEP inclusive, or one gap; nonsense refused"() {
        expect:
        Experiments.parseRange('0:10:4') == [0, 4, 8]
        Experiments.parseRange('0:60:2').size() == 31
        Experiments.parseRange('7') == [7]

        when:
        Experiments.parseRange(bad)
        then:
        thrown(IllegalArgumentException)

        where:
        bad << ['5:1:1', '0:10:0', 'a:b:c', '1:2']
    }

    def "literal IUPAC patterns: consensus picks the first allowed base, samples stay within the allowed bases"() {
        given:
        def pattern = EmbedPattern.parse('GATNRY', [], 'none')
        def random = new SplittableRandom(1)
        def samples = (1..2000).collect { s(pattern.sample(random)) }

        expect:
        EmbedPattern.isLiteral('GATNRY') && !EmbedPattern.isLiteral('MA0139.2') && !EmbedPattern.isLiteral('gata')
        s(pattern.consensus()) == 'GATAAC'
        samples.every { it ==~ /GAT[ACGT][AG][CT]/ }
        samples.collect { it[3] }.toSet() == ['A', 'C', 'G', 'T'] as Set
        // each of the four bases at N about a quarter of the time
        ['A', 'C', 'G', 'T'].every { b -> Math.abs(samples.count { it[3] == b } / 2000 - 0.25) < 0.04 }
    }
}
