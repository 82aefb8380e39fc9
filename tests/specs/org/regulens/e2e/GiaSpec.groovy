package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * regulens gia end to end on the Galaxy test model (a small DeepBind on 100-bp CTCF sequences, see
 * galaxy-tools/test-data/README.md): the table's shape and seeding, the report section, refusals.
 * The statistics and embedding are checked against hand computations in the unit specs (src/test/groovy/org/regulens/gia).
 */
class GiaSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path testData = RegulensRunner.HOME.resolve('galaxy-tools/test-data')

    def "a position experiment: one row per position, n = --samples; the same seed gives the same bytes; report draws it"() {
        given:
        def out = dir.resolve('gia.tsv')
        def again = dir.resolve('again.tsv')
        def args = ['gia', '--model', testData.resolve('model.zip'), '--data', testData.resolve('data.npz'),
                    '--motif', 'MA0139.2', '--positions', '0,40,85', '--samples', 30, '--bootstrap', 100, '--seed', 3]

        when:
        def r = run(args + ['--out', out])
        def r2 = run(args + ['--out', again])
        def rows = out.readLines().drop(1)*.split('\t')
        def report = dir.resolve('report.html')
        def rep = run(['report', '--out', report, '--gia', out])

        then:
        r.exitCode == 0 && r2.exitCode == 0
        out.readLines()[0].split('\t').length == 16
        rows*.getAt(2) == ['pos=0', 'pos=40', 'pos=85']
        rows.every { it[0] == 'position' && it[1] == 'ctcf' && it[5] == '30' }
        rows.every { (it[9] as double) <= (it[6] as double) && (it[6] as double) <= (it[10] as double) }
        out.bytes == again.bytes
        rep.exitCode == 0
        report.text.contains('<section id="gia">')
    }

    def "the GC experiment needs no data set: per fraction a background row and one row per strand"() {
        given:
        def out = dir.resolve('gc.tsv')

        when:
        def r = run(['gia', '--model', testData.resolve('model.zip'), '--motif', 'CCACTAGG', '--gc', '0.3,0.6',
                     '--strand', 'both', '--samples', 10, '--bootstrap', 20, '--seed', 1, '--out', out])
        def rows = out.readLines().drop(1)*.split('\t')

        then: 'x is the GC percent; the background rows hold the prediction itself (a probability in 0..1)'
        r.exitCode == 0
        rows.collect { it[0..4].join(' ') } == ['gc ctcf gc=0.3 background 30', 'gc ctcf gc=0.3 CCACTAGG 30',
                                               'gc ctcf gc=0.3 CCACTAGG (-) 30', 'gc ctcf gc=0.6 background 60',
                                               'gc ctcf gc=0.6 CCACTAGG 60', 'gc ctcf gc=0.6 CCACTAGG (-) 60']
        rows.findAll { it[3] == 'background' }.every { (it[11] as double) > 0 && (it[11] as double) < 1 }
    }

    def "bad input: an unknown motif, a position that does not fit, two experiments at once: one line, nothing written"() {
        when:
        def out = dir.resolve('bad.tsv')
        def r = run(['gia', '--model', testData.resolve('model.zip'), '--data', testData.resolve('data.npz'),
                     '--motif', motif, '--positions', positions, '--out', out] + extra)

        then:
        r.exitCode == code
        r.stderr.contains(message)
        !Files.exists(out)

        where:
        motif      | positions | extra           | code | message
        'MA9999.9' | 'center'  | []              | 1    | "no motif with id or name 'MA9999.9'"
        'MA0139.2' | '86'      | []              | 2    | 'does not fit in 100 bases (0..85)'
        'MA0139.2' | '0'       | ['--copies', 2] | 2    | '--positions is for the position experiment'
    }
}
