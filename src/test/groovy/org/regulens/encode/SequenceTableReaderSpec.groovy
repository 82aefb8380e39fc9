package org.regulens.encode

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class SequenceTableReaderSpec extends Specification {

    @TempDir
    Path dir

    Path write(String name, String text) {
        def f = dir.resolve(name)
        f.text = text
        f
    }

    def "a TSV with name, split and two tasks; U, lower case and IUPAC letters are normalised"() {
        when:
        def table = SequenceTableReader.read(write('t.tsv', 'name\tsequence\tA\tsplit\tB\ns1\tacgu\t1\ttest\tNA\ns2\tRYNA\t0\tvalid\t1.0\n'))

        then:
        table.tasks() == ['A', 'B']
        table.records()*.name() == ['s1', 's2']
        table.records().collect { new String(it.sequence()) } == ['ACGT', 'NNNA']
        table.records()[0].labels()[0] == 1f
        Float.isNaN(table.records()[0].labels()[1])
        table.records()[1].labels() as List == [0f, 1f]
        table.records()*.split() == [Split.TEST, Split.VALID]
    }

    def "a label other than 0, 1 or missing is refused with file and line: #value"() {
        given:
        def file = write('bad.tsv', "sequence\tA\nACGT\t1\nACGA\t${value}\n")

        when:
        SequenceTableReader.read(file)

        then:
        def e = thrown(RegulensException)
        e.message == "${file}:3: label '${value}' for task A is not 0, 1 or missing (empty, NA, NaN)"

        where:
        value << ['2', '-1', '0.5', '1e3', '-0.0001']
    }

    def "0, 1, 0.0, 1e0 and the missing spellings are labels"() {
        when:
        def table = SequenceTableReader.read(write('ok.tsv', 'sequence\tA\nACGT\t0.0\nACGA\t1e0\nACGG\t\nACGC\tNA\nACCC\tnan\n'))

        then:
        table.records().collect { it.labels()[0] }.subList(0, 2) == [0f, 1f]
        table.records().subList(2, 5).every { Float.isNaN(it.labels()[0]) }
    }

    def "a CSV with quoted fields and no name column"() {
        when:
        def table = SequenceTableReader.read(write('t.csv', 'sequence,"task, one"\nACGT,"1"\n'))
        then:
        table.tasks() == ['task, one']
        table.records()[0].name() == 'row1'
        table.records()[0].split() == null
    }

    def "labelled FASTA: TASK=VALUE headers, or a bare value for a task named after the file"() {
        when:
        def multi = SequenceTableReader.read(write('m.fa', '>s1 ctcf=1 rest=0\nACG\nT\n>s2 ctcf=0 rest=1\nGGGG\n'))
        def single = SequenceTableReader.read(write('bound.fa', '>a 1\nACGT\n>b 0\nTTTT\n'))

        then:
        multi.tasks() == ['ctcf', 'rest']
        multi.records().collect { new String(it.sequence()) } == ['ACGT', 'GGGG']
        multi.records()[1].labels() as List == [0f, 1f]
        single.tasks() == ['bound']
        single.records()*.labels()*.getAt(0) == [1f, 0f]
    }

    def "labelled FASTA whose records disagree on the tasks fails at the header line"() {
        when:
        SequenceTableReader.read(write('bad.fa', '>s1 a=1\nACGT\n>s2 b=1\nACGT\n'))
        then:
        def e = thrown(RegulensException)
        e.message.contains('bad.fa:3: labels [b] differ')
    }

    def "positive-only files (no label column, bare FASTA names) are one task of positives when negatives are made"() {
        when:
        def tsv = SequenceTableReader.read(write('selex.tsv', 'name\tsequence\nr1\tACGT\nr2\tACGA\n'), true)
        def fa = SequenceTableReader.read(write('bound.fa', '>a\nACGT\n>b\nAC\nGG\n'), true)

        then:
        tsv.unlabelled() && tsv.tasks() == ['selex'] && tsv.records().every { it.labels() as List == [1f] }
        fa.unlabelled() && fa.tasks() == ['bound'] && fa.records()*.name() == ['a', 'b']
        fa.records().collect { new String(it.sequence()) } == ['ACGT', 'ACGG']
        !SequenceTableReader.read(write('l.fa', '>a 1\nACGT\n'), true).unlabelled()
    }

    def "a label-free file without negatives, or a FASTA mixing bare and labelled headers, fails at the line"() {
        given:
        def file = write(name, text)

        when:
        SequenceTableReader.read(file, allow)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("${file}:${line}: ${message}")

        where:
        name    | text                             | allow | line | message
        'n.tsv' | 'sequence\nACGT\n'               | false | 1    | 'the header has no label columns'
        'n.fa'  | '>a\nACGT\n'                      | false | 1    | 'no label in the header'
        'm1.fa' | '>a\nACGT\n>b t=1\nACGT\n'        | true  | 3    | 'labels in the header, but the first record has none'
        'm2.fa' | '>a t=1\nACGT\n>b\nACGT\n'        | true  | 3    | "no label in the header, unlike the first record's [t]"
    }
}
