package org.regulens.gia

import org.regulens.seq.OneHot
import spock.lang.Specification

import java.util.SplittableRandom

/**
 * The multiplicity, GC-content, flank and strand experiments against scorers written by hand (a one-"filter"
 * model: the logit counts exact matches of a k-mer, or its GC bases), so every effect is known in advance.
 */
class GiaExperimentsSpec extends Specification {

    static List<String> decode(float[] rows, int n, int length) {
        (0..<n).collect { new String(OneHot.decode(rows, it * 4 * length, length), 'US-ASCII') }
    }

    /** Logit = number of (possibly overlapping) forward-strand occurrences of {@code kmer}. */
    static GlobalImportance.Scorer counter(String kmer, int length) {
        { float[] rows, int n ->
            decode(rows, n, length).collect { seq ->
                int count = 0
                for (int i = 0; i + kmer.length() <= seq.length(); i++) {
                    if (seq.startsWith(kmer, i)) count++
                }
                [count as float] as float[]
            } as float[][]
        } as GlobalImportance.Scorer
    }

    def "copies: non-overlapping, inside the sequence, every start reachable; refused when they cannot fit"() {
        given:
        def random = new SplittableRandom(7)
        def draws = (1..600).collect { CopyPlacement.draw(30, 6, 4, random) }
        def seen = [] as Set

        expect: 'four 6-base copies in 30 bases: sorted starts at least 6 apart, the last at most 24'
        draws.every { int[] starts ->
            def sorted = (starts as List).sort()
            seen.addAll(sorted)
            sorted[0] >= 0 && sorted[3] <= 24 && (0..2).every { sorted[it + 1] - sorted[it] >= 6 }
        }
        seen == (0..24) as Set

        and: 'five copies (30 bases) fit exactly, touching; six do not'
        (CopyPlacement.draw(30, 6, 5, new SplittableRandom(1)) as List).sort() == [0, 6, 12, 18, 24]

        when:
        CopyPlacement.draw(30, 6, 6, new SplittableRandom(1))
        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('do not fit in 30 bases')
    }

    def "multiplicity: with a counting model the effect of k copies is exactly k on the motif's strand, 0 on the other"() {
        given: 'backgrounds of T (no GATAAG, no CTTATC); copies drawn per sample, the first k used for count k'
        int length = 60
        int n = 4
        def backgrounds = (1..n).collect { ('T' * length).bytes }
        def instances = (1..n).collect { 'GATAAG'.bytes }
        def random = new SplittableRandom(2)
        def starts = (1..n).collect { CopyPlacement.draw(length, 6, 5, random) }
        def conditions = Experiments.copies('GATAAG', instances, starts, 5, [false, true])

        when:
        def rows = new GlobalImportance(counter('GATAAG', length), ['t'], 4, 20, 1).run(backgrounds, conditions)

        then: 'series per strand; x = copies; forward: +k logits every time (SD 0); reverse complement: 0'
        rows*.condition()*.label() == (1..5).collect { "copies=$it" } * 2
        rows*.condition()*.series() == ['GATAAG'] * 5 + ['GATAAG (-)'] * 5
        rows.take(5).every { r -> r.logit().mean() == r.condition().x() && r.logit().sd() == 0 && r.logit().n() == n }
        rows.drop(5).every { it.logit().mean() == 0 && it.logit().ciHigh() == 0 }

        and: 'the reverse-strand copies are CTTATC, counted by a model of that k-mer'
        new GlobalImportance(counter('CTTATC', length), ['t'], 4, 0, 1).run(backgrounds, conditions)
                .collect { it.logit().mean() } == [0d] * 5 + (1..5).collect { it as double }
    }

    def "GC content: baseline rows give the backgrounds' own prediction; the motif's effect is its GC minus the GC it replaced"() {
        given: 'logit = number of G and C bases; GGCC at the centre of 200-base backgrounds'
        int length = 200
        int n = 400
        def scorer = { float[] rows, int count ->
            decode(rows, count, length).collect { seq -> [seq.count('G') + seq.count('C') as float] as float[] } as float[][]
        } as GlobalImportance.Scorer
        def instances = (1..n).collect { 'GGCC'.bytes }
        def levels = Experiments.gc('GGCC', instances, 98, Experiments.parseGc('0.2:0.8:0.3'), [false], length, n,
                new SplittableRandom(4))

        when:
        def rows = new GlobalImportance(scorer, ['t'], 64, 0, 1).run(levels)

        then: 'per fraction g: background ~ 200 g (binomial mean of n draws, within 5 SD); GGCC adds 4 (1 - g) on average'
        rows*.condition()*.series() == ['background', 'GGCC'] * 3
        rows*.condition()*.x() == [20, 20, 50, 50, 80, 80]
        rows*.condition()*.label() == ['gc=0.2', 'gc=0.2', 'gc=0.5', 'gc=0.5', 'gc=0.8', 'gc=0.8']
        (0..2).every { int k ->
            double g = [0.2, 0.5, 0.8][k]
            def background = rows[2 * k].logit()
            def motif = rows[2 * k + 1].logit()
            Math.abs(background.mean() - 200 * g) < 5 * Math.sqrt(200 * g * (1 - g) / n) &&
                    Math.abs(motif.mean() - 4 * (1 - g)) < 5 * Math.sqrt(4 * g * (1 - g) / n) &&
                    background.n() == n && motif.n() == n
        }

        and: 'the baseline probability rows are the sigmoid of the prediction, not a change'
        rows[0].probability().mean() > 0.99

        and: 'the same seed gives the same backgrounds'
        Experiments.gc('GGCC', instances, 98, [0.5d], [false], length, 3, new SplittableRandom(9))[0].backgrounds()
                .collect { new String(it) } ==
                Experiments.gc('GGCC', instances, 98, [0.5d], [false], length, 3, new SplittableRandom(9))[0].backgrounds()
                        .collect { new String(it) }
    }

    def "flanks: the flank pair the model prefers stands out; K = 1 gives all 16 pairs in A, C, G, T order"() {
        given: 'logit 3 for CGATAAGG (C before, G after the motif), 1 for GATAAG with any other flanks'
        int length = 30
        def scorer = { float[] rows, int n ->
            decode(rows, n, length).collect { seq ->
                [seq.contains('CGATAAGG') ? 3f : seq.contains('GATAAG') ? 1f : 0f] as float[] } as float[][]
        } as GlobalImportance.Scorer
        def backgrounds = (1..4).collect { ('T' * length).bytes }
        def pairs = Experiments.parseFlanks('1')
        def conditions = Experiments.flanks('GATAAG', (1..4).collect { 'GATAAG'.bytes }, 12, pairs, [false])

        when:
        def rows = new GlobalImportance(scorer, ['t'], 8, 0, 1).run(backgrounds, conditions)

        then:
        pairs.size() == 16
        pairs*.join('/').take(5) == ['A/A', 'A/C', 'A/G', 'A/T', 'C/A']
        rows*.condition()*.x() == (0..15)
        rows.find { it.condition().label() == 'flank=C/G' }.logit().mean() == 3
        rows.findAll { it.condition().label() != 'flank=C/G' }.every { it.logit().mean() == 1 }

        and: 'the flanks are written just beside the motif, on the forward strand whatever the motif strand'
        new String(conditions[6].embed().apply(0, ('T' * length).bytes)) == 'T' * 11 + 'CGATAAGG' + 'T' * 11
        new String(Experiments.flanks('GATAAG', ['GATAAG'.bytes], 12, [['AC', 'T'] as String[]], [true])[0]
                .embed().apply(0, ('.' * length).bytes)) == '.' * 10 + 'AC' + 'CTTATC' + 'T' + '.' * 11
    }

    def "option parsing: strands, flank lists, GC ranges; nonsense refused: #bad"() {
        expect:
        Experiments.parseStrand('+') == [false]
        Experiments.parseStrand('-') == [true]
        Experiments.parseStrand('both') == [false, true]
        Experiments.parseFlanks('AA/TT, GC/') *.toList() == [['AA', 'TT'], ['GC', '']]
        Experiments.parseFlanks('2').size() == 256
        Experiments.parseGc('0.3:0.7:0.1') == [0.3d, 0.4d, 0.5d, 0.6d, 0.7d]
        Experiments.parseGc('0.25,0.5') == [0.25d, 0.5d]

        when:
        parse()
        then:
        thrown(IllegalArgumentException)

        where:
        bad                     | parse
        'strand plus'           | { Experiments.parseStrand('plus') }
        'flanks K = 3'          | { Experiments.parseFlanks('3') }
        'flank AN/T'            | { Experiments.parseFlanks('AN/T') }
        'flank without a slash' | { Experiments.parseFlanks('AC') }
        'GC above 1'            | { Experiments.parseGc('0.2:1.2:0.5') }
        'GC range backwards'    | { Experiments.parseGc('0.5:0.2:0.1') }
        'GC not a number'       | { Experiments.parseGc('x') }
    }
}
