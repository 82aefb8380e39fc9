package org.regulens.options

import picocli.CommandLine
import spock.lang.Specification

class TimeLimitSpec extends Specification {

    def "durations as schedulers write them are read as seconds: #text"() {
        expect:
        TimeLimit.seconds(text) == seconds

        where:
        text       || seconds
        '45'       || 45
        '2.5'      || 2.5
        '45s'      || 45
        '90m'      || 5400
        '2h'       || 7200
        '1h30m'    || 5400
        '1h 30m'   || 5400
        '1d2h'     || 93600
        '0.5h'     || 1800
        ' 10M '    || 600
    }

    def "anything else is refused with the value and the forms accepted: '#text'"() {
        when:
        TimeLimit.seconds(text)

        then:
        def e = thrown(CommandLine.TypeConversionException)
        e.message.contains("'$text'")
        e.message.contains('90m')

        where:
        text << ['', 'abc', '10x', 'h', '0', '0m', '-5', '10m abc', '1h-30m']
    }
}
