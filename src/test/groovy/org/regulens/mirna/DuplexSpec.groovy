package org.regulens.mirna

import spock.lang.Specification

import java.util.SplittableRandom

/** Duplex alignment, pairing classes and the text view, on hand-worked miR-21 sites and against brute force. */
class DuplexSpec extends Specification {

    // miR-21-5p, UAGCUUAUCAGACUGAUGUUGA, written with T
    static final String MIR21 = 'TAGCTTATCAGACTGATGTTGA'

    static String rc(String s) {
        s.reverse().collect { [A: 'T', C: 'G', G: 'C', T: 'A'][it] }.join()
    }

    static String site(int before, String core, int length = 50) {
        ('C' * before) + core + ('C' * (length - before - core.length()))
    }

    def "a seed-only site: miRNA positions 2-8 pair the planted 7mer, one diagonal, class seed"() {
        given: 'the complement of miR-21 nt 2-8 (AGCUUAU) is AUAAGCU, planted at 20..26 in poly-C'
        def target = site(20, rc(MIR21.substring(1, 8)))
        assert target.substring(20, 27) == 'ATAAGCT'

        when:
        def duplex = new DuplexAligner().align(MIR21, target)
        def partners = duplex.partners()
        def pattern = PairingPattern.of(duplex)

        then: 'position p (1-based) faces target index 28 - p, and nothing else pairs'
        (2..8).every { p -> partners[p - 1] == 28 - p }
        (1..22).findAll { partners[it - 1] >= 0 } == (2..8).toList()
        pattern.seedMatch() == '2-8'
        pattern.seedPairs() == 7
        pattern.threePrimePairs() == 0
        pattern.kind() == InteractionClass.SEED
        duplex.targetSpan() == [20, 26] as int[]
        duplex.score() == 2 * (2 + 3 + 3 + 2 + 2 + 2 + 2) // A:U G:C C:G U:A U:A A:U U:A, seed pairs counted twice
    }

    def "the full complement pairs every position: seed 2-8 plus a 9-pair 3' run, class seed+3'"() {
        given:
        def target = site(14, rc(MIR21))

        when:
        def duplex = new DuplexAligner().align(MIR21, target)
        def pattern = PairingPattern.of(duplex)

        then:
        duplex.partners().toList() == (0..<22).collect { 14 + 21 - it }
        pattern.seedMatch() == '2-8'
        pattern.threePrimePairs() == 9
        pattern.kind() == InteractionClass.SEED_AND_THREE_PRIME
    }

    def "pairing of positions 12-20 without the seed is 3'-compensatory"() {
        given: 'the complement of nt 12-20 (ACUGAUGUU), the seed facing C'
        def target = site(10, rc(MIR21.substring(11, 20)))

        when:
        def pattern = PairingPattern.of(new DuplexAligner().align(MIR21, target))

        then:
        pattern.seedMatch() == 'none'
        pattern.threePrimePairs() == 9
        pattern.kind() == InteractionClass.THREE_PRIME_COMPENSATORY
    }

    def "a G:U wobble at position 5 still pairs (':') but breaks every Watson-Crick seed match"() {
        given: 'target base facing miRNA U5 changed from A to G'
        def full = site(14, rc(MIR21))
        int facing5 = 14 + 21 - 4
        assert full[facing5] == 'A'
        def target = full.substring(0, facing5) + 'G' + full.substring(facing5 + 1)

        when:
        def duplex = new DuplexAligner().align(MIR21, target)
        def pattern = PairingPattern.of(duplex)

        then:
        duplex.bonds()[4] == (':' as char)
        duplex.partners()[4] == facing5
        pattern.seedPairs() == 7
        pattern.seedMatch() == 'none'
        pattern.kind() == InteractionClass.THREE_PRIME_COMPENSATORY
    }

    def "an extra target nucleotide between the seed and the 3' pairing is a target bulge, not a new duplex"() {
        given: 'A inserted between the bases facing miRNA positions 9 and 10'
        def comp = rc(MIR21)                       // comp[21 - i] faces miRNA index i
        def bulged = comp.substring(0, 12) + 'A' + comp.substring(12)
        def target = site(12, bulged)

        when:
        def duplex = new DuplexAligner().align(MIR21, target)
        def pattern = PairingPattern.of(duplex)

        then:
        duplex.columns().count { it.mirna() < 0 } == 1
        duplex.columns().count { it.target() < 0 } == 0
        (1..22).every { duplex.partners()[it - 1] >= 0 }
        pattern.kind() == InteractionClass.SEED_AND_THREE_PRIME
        duplex.score() == fullScore() - DuplexAligner.GAP_OPEN
    }

    def "the duplex lies on non-empty cells of the interaction map (row = miRNA position, column = 49 - target index)"() {
        given:
        def target = site(14, rc(MIR21))
        def map = new InteractionMap(0.5f).encode(MIR21, target)
        def partners = new DuplexAligner().align(MIR21, target).partners()

        expect:
        (0..<20).every { p -> map[p * 50 + 49 - partners[p]] == 1f }
    }

    def "the text view: target 3'->5' over miRNA 5'->3' in RNA letters, bonds only between pairing bases"() {
        given:
        def target = site(20, rc(MIR21.substring(1, 8)))
        def duplex = new DuplexAligner().align(MIR21, target)
        def importance = new PairImportance(new float[20], new float[50])
        importance.mirna()[3] = 2f
        importance.mirna()[4] = 1f
        importance.mirna()[5] = 0.5f

        when:
        def lines = DuplexText.render(duplex, importance).split('\n')
        def top = lines[1].substring(10)
        def bottom = lines[3].substring(10)

        then:
        lines[1].startsWith("target 3' ") && lines[1].endsWith(" 5'")
        lines[3].startsWith("miRNA  5' ") && lines[3].endsWith(" 3'")
        top.replace(' ', '').replace("5'", '') == target.reverse().replace('T', 'U')
        bottom.replace(' ', '').replace("3'", '') == MIR21.replace('T', 'U')
        lines[2].count('|') == 7
        (0..<lines[2].length()).findAll { lines[2][it] == '|' }.every { k ->
            def pair = lines[1][k] + lines[3][k]
            pair in ['AU', 'UA', 'GC', 'CG']
        }
        // positions 4 and 5 (importance 2 and 1 >= half of 2) are marked, 6 (0.5) is not
        lines[4].indexOf('*') == lines[3].indexOf('CUUAU')
        lines[4].count('*') == 2
    }

    def "the aligner's score is the best local duplex score found by enumerating every alignment"() {
        given:
        def random = new SplittableRandom(11)
        def seq = { int n -> (0..<n).collect { 'ACGT'[random.nextInt(4)] }.join() }

        expect:
        (0..<300).every {
            def m = seq(2 + random.nextInt(9))
            def t = seq(2 + random.nextInt(7))
            new DuplexAligner().align(m, t).score() == brute(m, t)
        }
    }

    def "no pairing at all gives an empty duplex, class other, and the text view still shows both molecules"() {
        when:
        def duplex = new DuplexAligner().align('AAAAAAAAAAAAAAAAAAAA', 'A' * 50)
        def text = DuplexText.render(duplex, null)

        then:
        duplex.columns().isEmpty()
        PairingPattern.of(duplex).kind() == InteractionClass.OTHER
        text.contains('A' * 50) && text.contains("miRNA  5' " + 'A' * 20)
    }

    static int fullScore() {
        (0..<MIR21.length()).sum { i -> (MIR21[i] in ['G', 'C'] ? 3 : 2) * (i in 1..7 ? 2 : 1) } as int
    }

    /** Every local alignment starting and ending with facing bases, gaps of k nt costing 3 + (k - 1), seed pairs twice. */
    static int brute(String m, String t) {
        def rev = t.reverse()
        int best = 0
        Closure walk
        walk = { int i, int j, int score ->
            best = Math.max(best, score)
            if (i + 1 < m.length() && j + 1 < rev.length()) {
                walk(i + 1, j + 1, score + DuplexAligner.score(i + 1, m[i + 1] as char, rev[j + 1] as char))
            }
            for (int k = 1; i + 1 < m.length() && j + 1 + k < rev.length(); k++) {
                walk(i + 1, j + 1 + k, score - (3 + k - 1) + DuplexAligner.score(i + 1, m[i + 1] as char, rev[j + 1 + k] as char))
            }
            for (int k = 1; i + 1 + k < m.length() && j + 1 < rev.length(); k++) {
                walk(i + 1 + k, j + 1, score - (3 + k - 1) + DuplexAligner.score(i + 1 + k, m[i + 1 + k] as char, rev[j + 1] as char))
            }
        }
        for (int i = 0; i < m.length(); i++) {
            for (int j = 0; j < rev.length(); j++) {
                walk(i, j, DuplexAligner.score(i, m[i] as char, rev[j] as char))
            }
        }
        best
    }
}
