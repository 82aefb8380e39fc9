package org.regulens.motifs

import java.nio.file.Files
import java.nio.file.Path
import org.regulens.io.OutputDirectory
import org.regulens.motif.Motif
import org.regulens.motif.MotifDatabase
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The rules that keep real-score patterns motif-like: trimming that keeps informative flanks, the information
 * floor, seqlet reassignment to the final patterns, strand-blind merging, and the report of every
 * candidate in patterns.tsv / summary.tsv. Expectations are hand-computed or planted.
 */
class PatternQualitySpec extends Specification {

    @TempDir Path tmp

    /** A column of n counts with fraction p on base b, the rest spread evenly. */
    static double[] column(int b, double p, double n = 100) {
        double[] c = new double[4]
        (0..<4).each { c[it] = it == b ? p * n : (1 - p) * n / 3 }
        c
    }

    /** A CWM row with summed |value| v on base b. */
    static double[] weight(int b, double v) {
        double[] c = new double[4]
        c[b] = v
        c
    }

    def "trimming keeps flanks that carry sequence information though their contributions are low"() {
        given: 'frame of 20: core 6..11 (contribution 1, p=0.97), flanks 3..5 and 12..14 (contribution 0.05, p=0.7, 0.64 bits), rest uniform with contribution 0.02'
        double[][] cwm = (0..<20).collect { f -> weight(f % 4, f in 6..11 ? 1.0 : (f in 3..5 || f in 12..14) ? 0.05 : 0.02) } as double[][]
        double[][] counts = (0..<20).collect { f ->
            f in 6..11 ? column(f % 4, 0.97) : (f in 3..5 || f in 12..14) ? column(f % 4, 0.7) : column(0, 0.25)
        } as double[][]

        expect: 'the core alone would be [6, 12); the flanks make it [3, 15)'
        PatternTrimmer.span(cwm, counts, 0.3) == [3, 15] as int[]
    }

    def "one uninformative position between core and flank is stepped over, two are not"() {
        given:
        double[][] cwm = (0..<20).collect { f -> weight(0, f in 8..11 ? 1.0 : 0.02) } as double[][]
        double[][] counts = (0..<20).collect { f -> f in 8..11 || f in informativeFlank ? column(1, 0.9) : column(0, 0.25) } as double[][]

        expect:
        PatternTrimmer.span(cwm, counts, 0.3) == expected as int[]

        where:
        informativeFlank | expected
        [13, 14]         | [7, 15]          // gap at 12 stepped over: [8, 15), then widened to 8 (tie: left first)
        [14, 15]         | [6, 14]          // gap of two: flank not reached; 4-wide core widened to 8, evenly on ties
    }

    def "width floor: a 3-position core widens to 8 on the side of more contribution; uncovered edges are not used"() {
        given: 'core 1..3 near the left edge; position 0 is covered by few seqlets (frame edge)'
        double[][] cwm = (0..<12).collect { f -> weight(0, f in 1..3 ? 1.0 : f == 4 ? 0.1 : 0.02) } as double[][]
        double[][] counts = (0..<12).collect { f -> f == 0 ? column(2, 1.0, 10) : f in 1..3 ? column(0, 0.95) : column(0, 0.25) } as double[][]

        expect: 'position 0 (all G, but 10 of 100 seqlets) is neither a flank nor used by the floor'
        PatternTrimmer.span(cwm, counts, 0.3) == [1, 9] as int[]
    }

    def "planted TAL1 site scored mostly on its CAGATG core: the pattern keeps the planted 16 bp"() {
        given: 'CTGAACAGATGGTCGG, core CAGATG (p 0.97), flanks p 0.7; flank contributions scaled to a quarter'
        String consensus = 'CTGAACAGATGGTCGG'
        double[][] p = (0..<16).collect { j -> column('ACGT'.indexOf(consensus[j]), j in 5..10 ? 0.97 : 0.7, 1) } as double[][]
        def tal1 = Motif.fromProbabilities('TAL1', 'TAL1', p, 20)
        def data = new PlantedContributions(400, 100, [tal1], [1], [0.8], 0.01, 21)
        data.instances.each { inst ->
            (0..<16).findAll { !(it in 5..10) }.each { j ->
                int at = inst.start + (inst.minus ? 15 - j : j)
                (0..<4).each { b -> data.hyp[(inst.example * 4 + b) * data.length + at] *= 0.25f }
            }
        }

        when:
        def result = new MotifDiscovery(DiscoverySettings.defaults()).run(data.scores())

        then:
        result.patterns().size() == 1
        def found = MotifDiscoverySpec.ppm(result.patterns()[0])
        found.width() == 16
        found.consensus() == consensus || found.reverseComplement().consensus() == consensus
    }

    def "information floor: hand-computed values and the reason patterns.tsv gives"() {
        given:
        def member = new Pattern.Member(new Seqlet(0, 0, 10, 1f), 0, 10, false, 0.5)
        double[][] cwm = (0..<10).collect { [0.1, 0, 0, 0] as double[] } as double[][]
        def pattern = { double[][] counts -> new Pattern(1, cwm, cwm, counts, [member] * 20) }
        double[][] three = (0..<3).collect { column(it % 4, 0.97) } + (0..<7).collect { column(0, 0.25) } as double[][]
        double[][] four = (0..<4).collect { column(it % 4, 1.0) } + (0..<6).collect { column(0, 0.25) } as double[][]

        double log2 = Math.log(2)
        double bits = 3 * (2 + 0.97 * Math.log(0.97) / log2 + 0.03 * Math.log(0.01) / log2)

        expect: 'three positions at p = 0.97 (others 0.01): 3 x 1.758 = 5.27 bits; four certain ones: 8 bits'
        Math.abs(PatternFilter.information(pattern(three)) - bits) < 1e-9
        PatternFilter.rejection(pattern(three)) == 'information 5.3 < 6 bits'
        Math.abs(PatternFilter.information(pattern(four)) - 8) < 0.01
        PatternFilter.rejection(pattern(four)) == null
    }

    def "reassignment: seqlets built into the wrong pattern move to their own motif's; noise is dropped"() {
        given: 'two planted motifs; pattern 0 is built from motif-0 seqlets plus 15 of motif 1'
        def motifs = ['MA0139.2', 'MA0035.5'].collect { MotifDatabase.byId(MotifDatabase.jaspar2024(), it, 'JASPAR2024') }
        def data = new PlantedContributions(300, 100, motifs, [1, 1], [0.6, 0.6], 0.01, 3)
        def settings = DiscoverySettings.defaults()
        def caller = new SeqletCaller(settings)
        def scores = data.scores()
        def seqlets = caller.call(scores, caller.thresholds(scores)).findAll { it.sign() > 0 }
        def tracks = new SeqletTracks(scores, seqlets, settings.flank(), 1)
        def builder = new PatternBuilder(tracks, settings, 1)
        int[] label = (0..<seqlets.size()).collect { s -> plantedMotif(data, seqlets[s], settings.flank()) } as int[]
        def of = { int k -> (0..<seqlets.size()).findAll { label[it] == k } }
        def wrong = of(1).take(15)
        def patterns = [builder.build(of(0) + wrong, of(0)[0]), builder.build(of(1) - wrong, (of(1) - wrong)[0])]

        when:
        def assignment = new SeqletReassigner(tracks, builder).assign(patterns)
        def rebuilt = new SeqletReassigner(tracks, builder).reassign(patterns)

        then: 'every seqlet of a planted motif goes to that motif pattern'
        (0..<seqlets.size()).findAll { label[it] >= 0 }.every { assignment.pattern()[it] == label[it] }
        wrong.every { assignment.pattern()[it] == 1 }

        and: 'the rebuilt patterns hold only their own motif seqlets'
        rebuilt.size() == 2
        (0..1).every { k -> rebuilt[k].members().every { label[it] == k || label[it] == -2 } }

        and: 'seqlets holding no planted instance are dropped (similarity below the floor)'
        (0..<seqlets.size()).findAll { label[it] == -1 }.every { assignment.pattern()[it] == -1 }
    }

    def "merging is strand-blind: a pattern and its reverse complement, one trimmed 2 bp shorter, merge"() {
        given:
        def motifs = [MotifDatabase.byId(MotifDatabase.jaspar2024(), 'MA0139.2', 'JASPAR2024')]
        def data = new PlantedContributions(200, 100, motifs, [1], [0.8], 0.01, 5)
        def pattern = new MotifDiscovery(DiscoverySettings.defaults()).run(data.scores()).patterns()[0].pattern()
        def rc = { double[][] m -> (0..<m.length).collect { i -> (0..<4).collect { b -> m[m.length - 1 - i][3 - b] } as double[] } as double[][] }
        def cut = { double[][] m -> m[0..<(m.length - 2)] as double[][] }
        def reversed = new Pattern(1, rc(pattern.cwm()), rc(pattern.hypothetical()), rc(pattern.counts()), pattern.members())
        def shorter = new Pattern(1, cut(rc(pattern.cwm())), cut(rc(pattern.hypothetical())), cut(rc(pattern.counts())), pattern.members())

        expect:
        Math.abs(PatternMerger.similarity(pattern, reversed) - 1) < 1e-5
        PatternMerger.similarity(pattern, shorter) >= DiscoverySettings.defaults().mergeSimilarity()
    }

    def "patterns.tsv lists every candidate with passed and reason; summary.tsv counts; the other files only passed ones"() {
        given:
        def member = new Pattern.Member(new Seqlet(0, 2, 6, 1f), 2, 8, false, 0.5)
        double[][] m = (0..<6).collect { column(it % 4, 1.0, 1) } as double[][]
        def p = new Pattern(1, m, m, m, [member])
        def result = new MotifDiscovery.Result(new SeqletCaller.Thresholds(1, -1, 10),
                [new Seqlet(0, 2, 6, 1f), new Seqlet(0, 20, 6, 2f), new Seqlet(0, 30, 6, -1f)],
                [new MotifDiscovery.NamedPattern('pos_pattern_0', p)],
                [new MotifDiscovery.RejectedPattern('neg_rejected_0', new Pattern(-1, m, m, m, [member]), 'information 2.1 < 6 bits')])
        def scores = new ContributionScores(1, 40, new float[160], new float[160], [0L] as long[])

        when:
        def out = tmp.resolve('motifs')
        OutputDirectory.create(out).withCloseable { dir ->
            PatternWriter.write(dir, scores, result, null)
            dir.commit()
        }
        def table = out.resolve('patterns.tsv').readLines()*.split('\t')

        then:
        table[0].toList().takeRight(3) == ['information_bits', 'passed', 'reason']
        table[1][0] == 'pos_pattern_0' && table[1][-2] == 'yes' && table[1][-1] == '-'
        table[2][0] == 'neg_rejected_0' && table[2][-2] == 'no' && table[2][-1] == 'information 2.1 < 6 bits'
        out.resolve('summary.tsv').text ==
                'key\tvalue\nseqlets_positive\t2\nseqlets_negative\t1\npatterns_passed\t1\npatterns_rejected\t1\n'
        !out.resolve('patterns.meme').text.contains('neg_rejected_0')
        out.resolve('seqlets.tsv').readLines().size() == 2
    }

    /**
     * The planted motif a seqlet holds: k when its core covers at least half of an instance of motif k and its
     * window (core and flanks) touches no instance of another motif; -1 when its window touches no instance at all
     * (noise); -2 otherwise (ambiguous: not checked).
     */
    static int plantedMotif(PlantedContributions data, Seqlet s, int flank) {
        def touching = data.instances.findAll {
            it.example == s.example() && it.start < s.start() + s.width() + flank && it.start + it.width > s.start() - flank
        }
        if (touching.isEmpty()) {
            return -1
        }
        def covered = touching.findAll {
            Math.min(it.start + it.width, s.start() + s.width()) - Math.max(it.start, s.start()) >= it.width / 2
        }
        def motifs = touching*.motif.toSet()
        covered && motifs.size() == 1 ? motifs[0] : -2
    }
}
