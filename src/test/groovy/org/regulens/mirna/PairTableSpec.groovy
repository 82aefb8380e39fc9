package org.regulens.mirna

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** Reading pair tables: alphabets, formats, and one-line errors naming file and line. */
class PairTableSpec extends Specification {

    @TempDir Path dir

    static final String MIRNA = 'TAGCTTATCAGACTGATGTT'
    static final String TARGET = 'ACGT' * 12 + 'AC'

    Path write(String name, String text) {
        def file = dir.resolve(name)
        file.text = text
        file
    }

    def "RNA and DNA, upper and lower case, read the same; U is T; the maps are equal"() {
        given:
        def rna = MIRNA.replace('T', 'U').toLowerCase()
        def file = write('p.tsv', "miRNA\tgene\tlabel\n$MIRNA\t$TARGET\t1\n$rna\t${TARGET.replace('T', 'U')}\t0\n")

        when:
        def table = PairTable.read(file, true, 50)
        def encoding = new InteractionMap(0.5f)

        then:
        table.size() == 2
        table.mirna(1) == MIRNA
        table.target(1) == TARGET
        table.label(0) == 1f && table.label(1) == 0f
        encoding.encode(table.mirna(0), table.target(0)) == encoding.encode(table.mirna(1), table.target(1))
    }

    def "CSV with quotes and extra columns; labels optional for prediction; columns found by name"() {
        given:
        def file = write('p.csv', "id,gene,noncodingRNA\n\"a,1\",$TARGET,$MIRNA\n")

        when:
        def table = PairTable.read(file, false, 50)

        then:
        table.header() == ['id', 'gene', 'noncodingRNA']
        table.fields(0) == ['a,1', TARGET, MIRNA]
        !table.hasLabels()
        table.mirna(0) == MIRNA
    }

    def "bad input is refused with file:line: #problem"() {
        given:
        def file = write('bad.tsv', "miRNA\tgene\tlabel\n$MIRNA\t$TARGET\t1\n$row\n")

        when:
        PairTable.read(file, true, 50)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("$file:3: ")
        e.message.contains(message)
        !e.message.contains('\n')

        where:
        problem               | row                                                || message
        'N in the miRNA'      | "TAGCTTANCAGACTGATGTT\t$TARGET\t1"                  || "miRNA has 'N' at position 8"
        'X in the target'     | "$MIRNA\t${'X' + TARGET.substring(1)}\t1"         || "target site has 'X' at position 1"
        'empty miRNA'         | "\t$TARGET\t1"                                     || 'empty miRNA field'
        'empty target'        | "$MIRNA\t\t1"                                      || 'empty target site field'
        'empty label'         | "$MIRNA\t$TARGET\t"                                || 'empty label field'
        'label not 0/1'       | "$MIRNA\t$TARGET\t2"                               || "label '2' is not 0 or 1"
        'short target'        | "$MIRNA\t${TARGET.substring(0, 42)}\t1"           || 'target site of 42 nt is shorter than the 50-nt window'
        'long target'         | "$MIRNA\t${TARGET}AAAA\t1"                        || 'only 50-nt sites are scored'
        'short miRNA'         | "TAGCTTATCA\t$TARGET\t1"                           || 'miRNA of 10 nt'
        'missing field'       | "$MIRNA\t$TARGET"                                  || '2 fields, but the header has 3'
    }

    def "a missing header or label column is an error at line 1"() {
        when:
        PairTable.read(write('h.tsv', text), true, 50)

        then:
        def e = thrown(RegulensException)
        e.message.contains(message)

        where:
        text                                   || message
        "$MIRNA\t$TARGET\t1\n"                 || ':1: expected a header naming the miRNA column'
        "miRNA\tgene\n$MIRNA\t$TARGET\n"       || ":1: no 'label' column"
        ''                                     || 'empty'
        "miRNA\tgene\tlabel\n"                 || 'no pairs after the header'
    }

    def "validation split: pair holds out the share of each label; family holds out whole seed families"() {
        given:
        def random = new Random(3)
        def mirnas = (0..<20).collect { (0..<20).collect { 'ACGT'[random.nextInt(4)] }.join() }
        def lines = (0..<400).collect { i -> "${mirnas[i % 20]}\t$TARGET\t${i % 2}" }
        def table = PairTable.read(write('s.tsv', "miRNA\tgene\tlabel\n" + lines.join('\n') + '\n'), true, 50)

        when:
        def byPair = ValidationSplit.of(table, 0.1, 'pair', 7)
        def byFamily = ValidationSplit.of(table, 0.1, 'family', 7)
        def heldFamilies = (0..<400).findAll { byFamily[it] == 1 }.collect { ValidationSplit.family(table.mirna(it)) } as Set
        def trainFamilies = (0..<400).findAll { byFamily[it] == 0 }.collect { ValidationSplit.family(table.mirna(it)) } as Set

        then:
        (0..<400).count { byPair[it] == 1 && table.label(it) == 1f } == 20
        (0..<400).count { byPair[it] == 1 && table.label(it) == 0f } == 20
        (0..<400).count { byFamily[it] == 1 } >= 40
        heldFamilies.intersect(trainFamilies).isEmpty()
        ValidationSplit.of(table, 0.1, 'pair', 7) == byPair
    }
}
