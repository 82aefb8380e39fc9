package org.regulens.core

import spock.lang.Specification

class FalseDiscoverySpec extends Specification {

    def "Benjamini-Hochberg by hand"() {
        // sorted 0.01, 0.03, 0.04, 0.5 times m/rank = 0.04, 0.06, 0.0533, 0.5; then running minimum from the top
        when:
        def q = FalseDiscovery.benjaminiHochberg([0.01, 0.04, 0.03, 0.5] as double[])

        then:
        [q.toList(), [0.04d, 0.16d / 3, 0.16d / 3, 0.5d]].transpose().every { a, b -> Math.abs(a - b) < 1e-12 }
    }

    def "counted p-values give what listing every test one by one gives"() {
        given:
        def random = new Random(5)
        double[] levels = (0..<30).collect { random.nextDouble() * 0.2 } as double[]
        long[] counts = (0..<30).collect { 1 + random.nextInt(5) } as long[]
        double[] expanded = (0..<30).collectMany { i -> [levels[i]] * counts[i] } as double[]

        when:
        def grouped = FalseDiscovery.benjaminiHochberg(levels, counts)
        def single = FalseDiscovery.benjaminiHochberg(expanded)
        def byLevel = [expanded.toList(), single.toList()].transpose().collectEntries { it }

        then:
        (0..<30).every { Math.abs(grouped[it] - byLevel[levels[it]]) < 1e-12 }
    }
}
