package org.regulens.train

import spock.lang.Specification

/** The range test's rule on synthetic loss curves, whose minimum is known. */
class LearningRateFinderSpec extends Specification {

    def "the sweep's rates rise geometrically from 1e-5 to 1"() {
        expect:
        Math.abs(LearningRateFinder.rate(0, 11) - 1e-5) < 1e-15
        Math.abs(LearningRateFinder.rate(5, 11) - Math.sqrt(1e-5)) < 1e-12
        Math.abs(LearningRateFinder.rate(10, 11) - 1) < 1e-12
    }

    /** A loss that falls as the rate grows, bottoms out at rate m and blows up beyond it (in log10 rate). */
    static double loss(double rate, double m) {
        double d = Math.log10(rate) - Math.log10(m)
        d < 0 ? 0.7 - 0.4 * Math.exp(-d * d) : 0.3 + 5 * d * d
    }

    def "the chosen rate is a tenth of the rate at the smoothed minimum: minimum at #m chooses about #expected"() {
        when:
        def result = LearningRateFinder.sweep(100) { rate -> loss(rate, m) }
        double[] s = result.smoothed()

        then: 'smoothing lags the raw curve by a few steps (of 10^0.05 each), so the minimum is within a factor 2'
        result.atMinimum() >= m && result.atMinimum() < 2 * m
        result.chosen() == Math.max(1e-4, Math.min(0.03, result.atMinimum() / 10))
        Math.abs(Math.log10(result.chosen()) - Math.log10(expected)) < 0.31

        and: 'the sweep stopped once the loss had blown up to 4× its minimum, before the last rate'
        result.rates().length < 100
        s[s.length - 1] > 4 * result.minimumLoss() || !Double.isFinite(s[s.length - 1])

        where:
        m    | expected
        1e-2 | 1e-3
        3e-2 | 3e-3
        1e-1 | 1e-2
    }

    def "the choice stays within [1e-4, 0.03]"() {
        expect:
        LearningRateFinder.sweep(100) { rate -> loss(rate, 2e-5) }.chosen() == 1e-4
        LearningRateFinder.sweep(100) { rate -> loss(rate, 0.9) }.chosen() == 0.03
    }

    def "a loss that is NaN from some rate on ends the sweep; the rule uses the finite part"() {
        when:
        def result = LearningRateFinder.sweep(100) { rate -> rate > 0.05 ? Double.NaN : loss(rate, 1) }

        then:
        result.atMinimum() <= 0.05
        result.chosen() == Math.min(0.03, result.atMinimum() / 10)
    }
}
