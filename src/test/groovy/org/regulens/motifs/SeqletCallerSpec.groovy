package org.regulens.motifs

import spock.lang.Specification

class SeqletCallerSpec extends Specification {

    static ContributionScores scores(int n, int length, Closure<Double> contribution) {
        float[] x = new float[n * 4 * length]
        float[] hyp = new float[n * 4 * length]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < length; j++) {
                x[(i * 4) * length + j] = 1f // all A: the actual contribution is the A channel
                hyp[(i * 4) * length + j] = contribution(i, j) as float
            }
        }
        new ContributionScores(n, length, x, hyp, (0L..<(long) n) as long[])
    }

    static DiscoverySettings settings(Map changes = [:]) {
        def d = DiscoverySettings.defaults()
        new DiscoverySettings(changes.window ?: d.window(), d.flank(), changes.fdr ?: d.fdr(), d.minPassingFraction(),
                d.maxPassingFraction(), changes.maxSeqlets ?: d.maxSeqlets(), d.maxShift(), d.candidates(),
                d.neighbours(), d.louvainRuns(), d.minSeqlets(), d.trimThreshold(), d.mergeSimilarity(), 5, 1)
    }

    def "window sums equal brute-force sums"() {
        given:
        def random = new Random(1)
        float[] track = (0..<50).collect { random.nextGaussian() as float } as float[]
        float[] sums = new float[50 - 7 + 1]

        when:
        SeqletCaller.windowSums(track, 7, sums, 0)

        then:
        (0..<sums.length).every { j -> Math.abs(sums[j] - (j..<(j + 7)).sum { track[it] }) < 1e-4 }
    }

    def "planted blocks of contribution are called, one seqlet each, on the right sign; noise is not"() {
        given: 'noise everywhere; examples 0..99 hold +0.5 × 10 bases at 40..49, examples 100..149 hold -0.5 × 10 at 120..129'
        def random = new Random(2)
        def s = scores(300, 200) { int i, int j ->
            double v = 0.05 * random.nextGaussian()
            if (i < 100 && j >= 40 && j < 50) v += 0.5
            if (i >= 100 && i < 150 && j >= 120 && j < 130) v -= 0.5
            v
        }
        def caller = new SeqletCaller(settings())

        when:
        def t = caller.thresholds(s)
        def seqlets = caller.call(s, t)
        def positive = seqlets.findAll { it.score() > 0 }
        def negative = seqlets.findAll { it.score() < 0 }

        then:
        positive.collect { it.example() } as Set == (0..<100) as Set
        negative.collect { it.example() } as Set == (100..<150) as Set
        positive.every { it.start() <= 40 && it.start() + 21 >= 50 }
        negative.every { it.start() <= 120 && it.start() + 21 >= 130 }
        seqlets.size() == 150
    }

    def "pure noise gives almost no seqlets at FDR 0.2"() {
        given:
        def random = new Random(4)
        def s = scores(300, 200) { int i, int j -> double v = 0.1 * random.nextGaussian(); v }
        def caller = new SeqletCaller(settings())

        expect:
        caller.call(s, caller.thresholds(s)).size() < 15
    }

    def "cores never overlap, and the cap keeps the strongest seqlets"() {
        given: 'every example has blocks of different strength at 20..29 and 35..44 (cores of 21 would overlap)'
        def s = scores(50, 100) { int i, int j -> (j >= 20 && j < 30) ? 0.3 + 0.01 * i : (j >= 35 && j < 45) ? 0.2 : 0 }
        def capped = new SeqletCaller(settings(maxSeqlets: 10))

        when:
        def seqlets = new SeqletCaller(settings()).call(s, new SeqletCaller.Thresholds(1, 1, 0))
        def top = capped.call(s, new SeqletCaller.Thresholds(1, 1, 0))

        then:
        seqlets.groupBy { it.example() }.values().every { list ->
            list.every { a -> list.every { b -> a.is(b) || Math.abs(a.start() - b.start()) >= 21 } } }
        top.size() == 10
        top.collect { it.example() } as Set == (40..49) as Set
    }
}
