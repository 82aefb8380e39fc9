package org.regulens.gia

import spock.lang.Specification

import java.util.SplittableRandom

class EffectSummarySpec extends Specification {

    def "mean, median and SD as computed by hand"() {
        when:
        def s = EffectSummary.of([2, 4, 4, 4, 5, 5, 7, 9] as double[], 0, new SplittableRandom(1))

        then: 'mean 40/8 = 5; median (4 + 5) / 2; squares 9+1+1+1+0+0+4+16 = 32, SD = sqrt(32 / 7)'
        s.n() == 8
        s.mean() == 5d
        s.median() == 4.5d
        Math.abs(s.sd() - Math.sqrt(32 / 7d)) < 1e-12
        Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh())

        and: 'an odd count has its middle value as median'
        EffectSummary.of([3, -1, 10] as double[], 0, new SplittableRandom(1)).median() == 3d
    }

    def "the bootstrap CI equals one computed from the same draws by brute force"() {
        given:
        double[] values = [0.3, -1.2, 2.5, 0.0, 4.1, -0.7, 1.9]
        int resamples = 500

        when:
        def s = EffectSummary.of(values, resamples, new SplittableRandom(42))

        and: 'the same draws replayed: resample r takes n indices in order; its mean; sorted; type-7 quantiles'
        def random = new SplittableRandom(42)
        def means = (1..resamples).collect { (1..values.length).sum { values[random.nextInt(values.length)] } / values.length }.sort()
        def q = { double p -> double h = (resamples - 1) * p; int lo = Math.floor(h) as int
            means[lo] + (h - lo) * (means[lo + 1] - means[lo]) }

        then:
        Math.abs(s.ciLow() - q(0.025)) < 1e-12
        Math.abs(s.ciHigh() - q(0.975)) < 1e-12
        s.ciLow() < s.mean() && s.mean() < s.ciHigh()
    }

    def "with many resamples the CI approaches the exact bootstrap distribution's quantiles (all n^n resamples enumerated)"() {
        given: '4 values: 256 equally likely resamples'
        double[] values = [0, 1, 3, 10]
        def exact = []
        for (a in 0..3) for (b in 0..3) for (c in 0..3) for (d in 0..3) {
            exact << (values[a] + values[b] + values[c] + values[d]) / 4
        }
        exact.sort()
        // the 2.5% and 97.5% points of the discrete distribution: the 7th and 250th of 256 (cumulative 6.4 and 249.6)
        def low = exact[6]
        def high = exact[249]

        when:
        def s = EffectSummary.of(values, 40000, new SplittableRandom(5))

        then: 'within one step of the discrete distribution (0.25 apart at the tails)'
        Math.abs(s.ciLow() - low) <= 0.25
        Math.abs(s.ciHigh() - high) <= 0.25
    }

    def "a constant sample has SD 0 and a CI of that constant; the same seed gives the same CI"() {
        expect:
        with(EffectSummary.of([1.5, 1.5, 1.5] as double[], 100, new SplittableRandom(3))) {
            sd() == 0d && ciLow() == 1.5d && ciHigh() == 1.5d
        }
        EffectSummary.of([1, 2, 7] as double[], 200, new SplittableRandom(9)) ==
                EffectSummary.of([1, 2, 7] as double[], 200, new SplittableRandom(9))
    }
}
