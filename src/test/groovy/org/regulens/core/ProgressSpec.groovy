package org.regulens.core

import spock.lang.Specification

class ProgressSpec extends Specification {

    ByteArrayOutputStream captured = new ByteArrayOutputStream()

    def setup() {
        Log.setStream(new PrintStream(captured, true))
        Log.setQuiet(false) // a CLI spec that ran -q in this JVM leaves the switch on
    }

    def cleanup() {
        Log.setStream(System.err)
        Log.setQuiet(false)
    }

    def "without a terminal the final state is one log line with counts and percentage"() {
        when:
        new Progress('encode', 1000, 'bp', false).withCloseable { p -> 4.times { p.advance(250) } }

        then:
        def lines = captured.toString().readLines()
        lines.size() == 1
        lines[0] ==~ /\[\d\d:\d\d:\d\d\] encode: 1,000\/1,000 bp \(100%, [\d,]+ bp\/s\)/
    }

    def "on a terminal a bar is redrawn in place"() {
        when:
        new Progress('train', 10, 'batches', true).withCloseable { p -> p.advance(5) }

        then:
        def text = captured.toString()
        text.startsWith('\rtrain [' + '#' * 15 + ' ' * 15 + '] 5/10 batches')
        text.endsWith('\n')
    }

    def "quiet mode prints nothing; unknown totals print counts only"() {
        when:
        Log.setQuiet(true)
        new Progress('a', 10, 'x', false).withCloseable { it.advance(3) }
        Log.setQuiet(false)
        new Progress('b', 0, 'records', false).withCloseable { it.advance(7) }

        then:
        def lines = captured.toString().readLines()
        lines.size() == 1
        lines[0].contains('b: 7 records (')
    }
}
