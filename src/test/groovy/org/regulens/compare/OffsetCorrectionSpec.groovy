package org.regulens.compare

import spock.lang.Specification

class OffsetCorrectionSpec extends Specification {

    def "offset correction 1 - (1 - p)^n, exact for small p"() {
        expect:
        MotifComparer.corrected(0.5, 2) == 0.75d
        Math.abs(MotifComparer.corrected(1e-12, 30) - 3e-11) < 1e-20
        MotifComparer.corrected(1, 4) == 1d
    }
}
