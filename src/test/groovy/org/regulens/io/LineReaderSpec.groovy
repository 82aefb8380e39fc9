package org.regulens.io

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** Splitting the lines of delimited tables, with errors that name the file and line. */
class LineReaderSpec extends Specification {

    @TempDir
    Path dir

    def "fields of TSV and CSV lines; the CSV test looks for commas without tabs"() {
        expect:
        Delimited.isCsv('a,b,c')
        !Delimited.isCsv('a\tb,c')
        !Delimited.isCsv('abc')

        when:
        def file = dir.resolve('t.csv')
        file.text = 'a,b\n"x, y",2\n'
        def reader = new LineReader(file)
        reader.next()
        def fields = reader.fields(reader.next(), true)
        reader.close()

        then:
        fields == ['x, y', '2']
    }

    def "an unterminated quoted CSV field is an error naming the file and line"() {
        given:
        def file = dir.resolve('bad.csv')
        file.text = 'a,b\n"x,2\n'
        def reader = new LineReader(file)
        reader.next()

        when:
        reader.fields(reader.next(), true)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith(file.toString() + ':2: ')

        cleanup:
        reader.close()
    }
}
