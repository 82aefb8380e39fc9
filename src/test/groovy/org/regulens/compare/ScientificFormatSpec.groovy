package org.regulens.compare

import groovy.transform.CompileStatic
import spock.lang.Specification

/** The fast %.3e formatter against String.format itself, the reference it must equal character for character. */
class ScientificFormatSpec extends Specification {

    @CompileStatic
    static String fast(ScientificFormat format, double value) {
        def out = new StringBuilder()
        format.append(out, value)
        out.toString()
    }

    @CompileStatic
    static String reference(int digits, double value) {
        String.format(Locale.ROOT, '%.' + digits + 'e', value)
    }

    def "edge values: zeros, NaN, infinities, the ends of the double range, powers of ten and their neighbours"() {
        given:
        def format = new ScientificFormat(3)
        List<Double> values = [0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                               Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e-290, 1e290, 1e-300, 1e300,
                               1.0005d, 9.9995d, 9.99996d, 0.00012345d, 1.2345e-21d, 2.5e-5d, 879d, 0.5d, 1d]
        (-320..308).each { k ->
            double power = Double.parseDouble("1e$k")
            values.addAll([power, Math.nextUp(power), Math.nextDown(power), 9.9995 * power, 9.99949999 * power])
        }
        def wrong = values.findAll { fast(format, it) != reference(3, it) }

        expect:
        wrong.isEmpty()
    }

    def "random magnitudes and signs (seeded): identical to String.format for 1 to 6 fraction digits"() {
        given:
        def random = new Random(20261202)
        def format = new ScientificFormat(digits)
        def wrong = []
        4_000.times {
            double value = Math.pow(10, random.nextDouble() * 80 - 60) * (random.nextBoolean() ? 1 : -1)
            if (fast(format, value) != reference(digits, value)) {
                wrong << value
            }
        }

        expect:
        wrong.isEmpty()

        where:
        digits << [1, 2, 3, 4, 5, 6]
    }

    def "decimal halves (a tie in decimal, not in binary) round as String.format rounds them"() {
        given: 'numbers written with one digit more than kept, that digit 5: where Java rounds the decimal form half up'
        def random = new Random(7)
        def format = new ScientificFormat(3)
        def wrong = []
        10_000.times {
            int mantissa = 10_000 + random.nextInt(90_000)
            mantissa = mantissa - mantissa % 10 + 5
            double value = Double.parseDouble("${mantissa}e${random.nextInt(60) - 40}")
            if (fast(format, value) != reference(3, value)) {
                wrong << value
            }
        }

        expect:
        wrong.isEmpty()
    }

    def "p-value-like numbers: uniform in [0, 1], their squares and 879 times them (E-values)"() {
        given:
        def random = new Random(11)
        def format = new ScientificFormat(3)
        def wrong = []
        5_000.times {
            double u = random.nextDouble()
            [u, u * u * u * u, u * 879, Math.pow(u, 40)].each { value ->
                if (fast(format, value) != reference(3, value)) {
                    wrong << value
                }
            }
        }

        expect:
        wrong.isEmpty()
    }

    def "fraction digits outside 1..6 are refused"() {
        when:
        new ScientificFormat(digits)

        then:
        thrown(IllegalArgumentException)

        where:
        digits << [0, 7]
    }
}
