package org.regulens.scan

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class ScanBackgroundSpec extends Specification {

    @TempDir
    Path dir

    static boolean close(double[] actual, List<Double> expected) {
        (0..<4).every { Math.abs(actual[it] - expected[it]) < 1e-12 }
    }

    def "motif, uniform, four numbers and a MEME background file (higher orders ignored), normalised"() {
        given:
        def file = dir.resolve('bg.txt')
        file.text = '# order 0\nA 0.3\nC 0.2\nG 0.2\nT 0.3\n# order 1\nAA 0.09\nAC 0.06\n'
        double[] fromMotifFile = [0.2, 0.3, 0.3, 0.2] as double[]

        expect:
        ScanBackground.resolve('motif', fromMotifFile) == [0.2, 0.3, 0.3, 0.2] as double[]
        ScanBackground.resolve('uniform', fromMotifFile) == [0.25d] * 4 as double[]
        ScanBackground.resolve('0.2, 0.3,0.3,0.2', fromMotifFile) == [0.2, 0.3, 0.3, 0.2] as double[]
        ScanBackground.resolve(file.toString(), fromMotifFile) == [0.3, 0.2, 0.2, 0.3] as double[]
        close(ScanBackground.symmetric([0.4, 0.1, 0.2, 0.3] as double[]), [0.35, 0.15, 0.15, 0.35])
    }

    def "a bad background file names its line"() {
        given:
        def file = dir.resolve('bad.txt')
        file.text = 'A 0.3\nC x\n'

        when:
        ScanBackground.resolve(file.toString(), [0.25d] * 4 as double[])

        then:
        def e = thrown(RegulensException)
        e.message == "${file}:2: frequency 'x' is not a number"
    }

    def "four numbers that are not a distribution are a usage error"() {
        when:
        ScanBackground.resolve('0.5,0.5,0.5,0.5', [0.25d] * 4 as double[])

        then:
        thrown(IllegalArgumentException)
    }
}
