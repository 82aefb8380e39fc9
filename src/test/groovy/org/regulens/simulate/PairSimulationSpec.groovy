package org.regulens.simulate

import org.regulens.motif.Motif
import org.regulens.seq.Dna
import spock.lang.Specification

/** sequences mode with a cooperative pair and a decoy: planted truth read back from the sequences themselves. */
class PairSimulationSpec extends Specification {

    // deterministic one-letter-per-column motifs, so instances are known exactly
    static Motif fixed(String id, String bases) {
        double[][] counts = new double[bases.length()][4]
        bases.eachWithIndex { String b, int i -> counts[i][Dna.index((byte) b.charAt(0))] = 10 }
        Motif.fromCounts(id, id, counts)
    }

    def "positives carry A, GAP bases, then B on the given strands; negatives never do; the decoy ignores labels"() {
        given:
        def a = fixed('A1', 'GGGGAC')
        def b = fixed('B1', 'TTACCC')
        def decoy = fixed('D1', 'CGCGCG')
        def pool = [fixed('P1', 'AAAAAT')]
        def pair = new PairSpec('coop', a, b, 9, '+-')
        def simulator = new SequenceSimulator(new SequenceSimulator.Settings(400, 80, 1, 2, 0.5, 0.5, 7))

        when:
        def result = simulator.run([], [pair], pool, decoy)
        def rcB = new String(Dna.reverseComplement('TTACCC'.bytes), 'US-ASCII')
        def exact = ~('GGGGAC.{9}' + rcB)
        Map<String, List> sitesOf = result.sites().groupBy { it.sequence() }.withDefault { [] }

        then: 'every positive carries the exact arrangement at a planted site'
        def positives = (0..<400).findAll { result.labels()[it][0] == 1f }
        positives.size() > 130 && positives.size() < 270
        positives.every { i ->
            def site = sitesOf["seq_$i".toString()].find { it.role() == 'pair' && it.motif().id() == 'A1' }
            def seq = new String(result.sequences()[i], 'US-ASCII')
            site != null && seq.substring(site.start(), site.start() + 6 + 9 + 6) ==~ exact
        }

        and: 'negatives: no pair site; when both motifs are planted, their gap is at least 3 off and within 0..28'
        def negatives = (0..<400) - positives
        negatives.every { i -> !sitesOf["seq_$i".toString()].any { it.role() == 'pair' } }
        def bothElsewhere = negatives.findAll { i -> sitesOf["seq_$i".toString()].count { it.role() == 'unpaired' } == 2 }
        bothElsewhere.size() > 25
        bothElsewhere.every { i ->
            def s = sitesOf["seq_$i".toString()].findAll { it.role() == 'unpaired' }.sort { it.start() }
            int gap = s[1].start() - s[0].end()
            Math.abs(gap - 9) >= 3 && gap >= 0 && gap <= 28
        }

        and: 'truth marks the positives pair bases only'
        positives.every { i -> (result.truth()[i] as List).sum() == 12 }
        negatives.every { i -> (result.truth()[i] as List).sum() == 0 }

        and: 'the decoy sits in about half of positives and half of negatives alike'
        def withDecoy = result.sites().findAll { it.role() == 'decoy' }*.sequence().toSet()
        def rate = { List<Integer> rows -> rows.count { "seq_$it".toString() in withDecoy } / rows.size() }
        Math.abs(rate(positives) - 0.5) < 0.1
        Math.abs(rate(negatives) - 0.5) < 0.1
    }

    def "--pair parses NAME=A+B@GAP[/OO] and refuses what it cannot read"() {
        given:
        def db = [fixed('A1', 'GGGGAC'), fixed('B1', 'TTACCC')]

        expect:
        PairSpec.parse('coop=A1+B1@12', db, 'db') == new PairSpec('coop', db[0], db[1], 12, '++')
        PairSpec.parse('x=A1+B1@0/-+', db, 'db').orientation() == '-+'

        when:
        PairSpec.parse(bad, db, 'db')
        then:
        thrown(IllegalArgumentException)

        where:
        bad << ['coop=A1@12', 'coop=A1+B1', 'coop=A1+B1@x', 'coop=A1+B1@-1', 'coop=A1+B1@4/+*', 'co op=A1+B1@4']
    }
}
