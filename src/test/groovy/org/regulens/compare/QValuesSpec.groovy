package org.regulens.compare

import org.regulens.core.FalseDiscovery
import spock.lang.Specification

class QValuesSpec extends Specification {

    def "the same q-values as FalseDiscovery.benjaminiHochberg, bit for bit, ties and ones included"() {
        given: 'seeded p-values: uniform, tiny, repeated (ties) and exactly 1'
        def random = new Random(5)
        double[] p = (0..<5000).collect { i ->
            switch (i % 5) {
                case 0: return random.nextDouble()
                case 1: return Math.pow(random.nextDouble(), 30)
                case 2: return (random.nextInt(20) + 1) / 1000d
                case 3: return 1d
                default: return random.nextDouble() * 1e-3
            }
        } as double[]

        when:
        double[] expected = FalseDiscovery.benjaminiHochberg(p)
        def q = new QValues(p)

        then:
        (0..<p.length).every { i -> q.of(p[i]) == expected[i] }
    }

    def "hand-computed: p = 0.01, 0.04, 0.03, 0.04 gives 0.04, 0.04, 0.04, 0.04; 0.5 alone gives 0.5"() {
        expect:
        [0.01d, 0.04d, 0.03d].every { new QValues([0.01d, 0.04d, 0.03d, 0.04d] as double[]).of(it) == 0.04d }
        new QValues([0.5d] as double[]).of(0.5d) == 0.5d
    }

    def "a p-value passes a q-value threshold exactly when it is at most largestPassing(threshold)"() {
        given:
        def random = new Random(9)
        double[] p = (0..<2000).collect { (random.nextInt(400) + 1) / 4000d * (random.nextBoolean() ? 1 : 1e-3) } as double[]
        def q = new QValues(p)

        expect:
        [0, 1e-4, 0.01, 0.05, 0.2, 0.5, 0.999, 1].every { double threshold ->
            double cut = q.largestPassing(threshold)
            p.every { (q.of(it) <= threshold) == (it <= cut) }
        }
        q.largestPassing(1) == p.max()
        q.largestPassing(-1) == Double.NEGATIVE_INFINITY
    }

    def "a p-value that was not given is refused"() {
        when:
        new QValues([0.1d, 0.2d] as double[]).of(0.15d)

        then:
        thrown(IllegalArgumentException)
    }
}
