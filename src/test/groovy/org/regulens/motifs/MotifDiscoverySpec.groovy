package org.regulens.motifs

import org.regulens.motif.MotifDatabase
import org.regulens.motif.MotifSimilarity
import org.regulens.motif.Motif
import spock.lang.Shared
import spock.lang.Specification

/** Motif discovery recovers planted motifs from synthetic contributions (ground truth known by construction). */
class MotifDiscoverySpec extends Specification {

    @Shared List<Motif> planted = ['MA0139.2', 'MA0035.5', 'MA0079.5'].collect {
        MotifDatabase.byId(MotifDatabase.jaspar2024(), it, 'JASPAR2024')
    }
    @Shared PlantedContributions data = new PlantedContributions(800, 100, planted, [1, 1, -1], [0.5, 0.4, 0.3], 0.01, 7)
    @Shared MotifDiscovery.Result result = new MotifDiscovery(DiscoverySettings.defaults()).run(data.scores())

    def "each planted motif comes out as one pattern of its sign whose PPM matches it"() {
        expect:
        def pos = result.patterns().findAll { it.name().startsWith('pos_') }
        def neg = result.patterns().findAll { it.name().startsWith('neg_') }
        pos.size() == 2
        neg.size() == 1
        [0, 1].every { k -> pos.count { MotifSimilarity.best(planted[k], ppm(it), 5) > 0.8 } == 1 }
        MotifSimilarity.best(planted[2], ppm(neg[0]), 5) > 0.8
    }

    def "the same sequences given twice, the copy shifted by 1-5 bases, give the same patterns (noisy scores)"() {
        given: 'three positive motifs per example and noise 5x stronger: the negative metacluster is noise seqlets only'
        def noisy = new PlantedContributions(500, 200, planted, [1, 1, 1], [1.0, 1.0, 1.0], 0.05, 11)
        def d = DiscoverySettings.defaults()
        def settings = new DiscoverySettings(d.window(), d.flank(), d.fdr(), d.minPassingFraction(),
                d.maxPassingFraction(), 100_000, d.maxShift(), d.candidates(), d.neighbours(), d.louvainRuns(),
                d.minSeqlets(), d.trimThreshold(), d.mergeSimilarity(), d.seed(), d.threads())

        when:
        def once = new MotifDiscovery(settings).run(noisy.scores())
        def twice = new MotifDiscovery(settings).run(doubledWithJitter(noisy, 5, 3))

        then: 'both: one pattern per planted motif (none merged into another), none made of noise or of the few seqlets holding two motifs side by side'
        twice.seqlets().size() > 1.8 * once.seqlets().size()
        [once, twice].every { r ->
            r.patterns().size() == 3 && r.patterns().every { it.name().startsWith('pos_') } &&
                    r.patterns().collect { closest(it) }.toSet() == [0, 1, 2].toSet()
        }
    }

    def "pattern filter: hand-computed window information; a pattern of the other sign is rejected"() {
        given: 'one position all A (2 bits minus the pseudocount), five uniform (0 bits)'
        double[][] counts = [[10, 0, 0, 0]] + (1..5).collect { [5, 5, 5, 5] as double[] } as double[][]
        double p = 10.001 / 10.004, q = 0.001 / 10.004
        double bits = p * Math.log(p / 0.25) / Math.log(2) + 3 * q * Math.log(q / 0.25) / Math.log(2)
        def member = new Pattern.Member(new Seqlet(0, 0, 6, 1f), 0, 6, false, 0.5)
        double[][] cwm = (0..<6).collect { [0.1, 0, 0, 0] as double[] } as double[][]
        double[][] acgtac = (0..<6).collect { k -> (0..<4).collect { it == k % 4 ? 10d : 0d } as double[] } as double[][]

        expect:
        Math.abs(PatternFilter.bestWindowBits(counts) - bits) < 1e-9
        PatternFilter.rejection(new Pattern(1, cwm, cwm, acgtac, [member] * 20)) == null
        PatternFilter.rejection(new Pattern(-1, cwm, cwm, acgtac, [member] * 20)) == 'contributions of the other sign'
        PatternFilter.rejection(new Pattern(1, cwm, cwm, counts, [member] * 20)) == 'information 2.0 < 6 bits'
    }

    def "support counts different sequences: the same locus given twice (shifted) counts once, either strand"() {
        given: 'example 1 is example 0 rolled by 2 bases; example 2 is the reverse complement of example 0'
        def random = new Random(5)
        int l = 40
        int[] bases = (0..<l).collect { random.nextInt(4) } as int[]
        float[] x = new float[3 * 4 * l]
        (0..<l).each { j ->
            x[bases[j] * l + j] = 1
            x[(4 + bases[j]) * l + (j + 2) % l] = 1
            x[(8 + 3 - bases[j]) * l + l - 1 - j] = 1
        }
        def scores = new ContributionScores(3, l, x, new float[x.length], [0L, 1L, 2L] as long[])
        def member = { int example, int start, boolean minus ->
            new Pattern.Member(new Seqlet(example, start, 6, 1f), start, start + 6, minus, 0.5)
        }
        def pattern = { List members -> new Pattern(1, new double[6][4], new double[6][4], new double[6][4], members) }

        expect: 'core [12, 18) of example 0 = [14, 20) of example 1 = [22, 28) of example 2 read on its minus strand'
        PatternFilter.distinctSequences(pattern([member(0, 12, false), member(1, 14, false), member(2, 22, true)]), scores) == 1
        PatternFilter.distinctSequences(pattern([member(0, 12, false), member(1, 15, false)]), scores) == 2
    }

    /** The examples followed by a copy of each rolled by 1..maxShift bases (either way), one-hot and scores alike. */
    static ContributionScores doubledWithJitter(PlantedContributions d, int maxShift, long seed) {
        def random = new Random(seed)
        int n = d.examples, l = d.length
        float[] x = Arrays.copyOf(d.x, 2 * n * 4 * l)
        float[] hyp = Arrays.copyOf(d.hyp, 2 * n * 4 * l)
        for (int i = 0; i < n; i++) {
            int shift = (1 + random.nextInt(maxShift)) * (random.nextBoolean() ? 1 : -1)
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < l; j++) {
                    int from = (i * 4 + b) * l + Math.floorMod(j - shift, l)
                    int to = ((n + i) * 4 + b) * l + j
                    x[to] = d.x[from]
                    hyp[to] = d.hyp[from]
                }
            }
        }
        new ContributionScores(2 * n, l, x, hyp, (0L..<(long) (2 * n)) as long[])
    }

    /** The planted motif the pattern's PPM matches best. */
    int closest(MotifDiscovery.NamedPattern p) {
        (0..<planted.size()).max { k -> MotifSimilarity.best(planted[k], ppm(p), 5) }
    }

    static Motif ppm(MotifDiscovery.NamedPattern p) {
        Motif.fromCounts(p.name(), p.name(), p.pattern().counts())
    }
}
