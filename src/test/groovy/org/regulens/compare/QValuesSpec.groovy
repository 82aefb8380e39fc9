package org.regulens.compare

import spock.lang.Specification

class QValuesSpec extends Specification {

    def "Benjamini-Hochberg by hand"() {
        // sorted 0.01, 0.03, 0.04, 0.5 times m/rank = 0.04, 0.06, 0.0533, 0.5; then running minimum from the top
        when:
        def q = QValues.benjaminiHochberg([0.01, 0.04, 0.03, 0.5] as double[])

        then:
        [q.toList(), [0.04d, 0.16d / 3, 0.16d / 3, 0.5d]].transpose().every { a, b -> Math.abs(a - b) < 1e-12 }
    }

    def "offset correction 1 - (1 - p)^n, exact for small p"() {
        expect:
        MotifComparer.corrected(0.5, 2) == 0.75d
        Math.abs(MotifComparer.corrected(1e-12, 30) - 3e-11) < 1e-20
        MotifComparer.corrected(1, 4) == 1d
    }
}
