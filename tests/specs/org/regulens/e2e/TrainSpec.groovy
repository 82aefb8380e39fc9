package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/** train, evaluate and predict on simulated sequences with a planted motif. */
class TrainSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path data
    @Shared Path model

    def setupSpec() {
        def sim = dir.resolve('sim')
        def r = run(['simulate', '--mode', 'sequences', '--out', sim, '--seed', 2, '--count', 3000, '--length', 100,
                     '--min-instances', 1, '--max-instances', 3, '--task', 'ctcf=MA0139.2'])
        assert r.exitCode == 0: r
        data = dir.resolve('data.npz')
        r = run(['encode', '--sequences', sim.resolve('sequences.tsv'), '--out', data, '--seed', 2])
        assert r.exitCode == 0: r
        model = dir.resolve('deepbind.zip')
        r = run(['train', '--data', data, '--arch', 'deepbind', '--out', model, '--epochs', 12, '--seed', 5,
                 '--batch-size', 64, '--lr', '0.005'])
        assert r.exitCode == 0: r
    }

    static List<Map<String, String>> table(Path file) {
        def lines = file.readLines()
        def header = lines[0].split('\t')
        lines.drop(1).collect { line -> [header, line.split('\t')].transpose().collectEntries() }
    }

    def "DeepBind learns the planted CTCF motif: test auROC >= 0.9, and the log has one row per epoch"() {
        when:
        def metrics = dir.resolve('metrics.tsv')
        def r = run(['evaluate', '--model', model, '--data', data, '--out', metrics])
        def rows = table(metrics)
        def log = table(dir.resolve('deepbind.training.tsv'))

        then:
        r.exitCode == 0
        rows.size() == 1
        rows[0].task == 'ctcf'
        (rows[0].auroc as double) >= 0.9
        (rows[0].n_pos as int) + (rows[0].n_neg as int) == 600
        log.size() >= 5 && log.every { it.valid_auprc as double > 0 }
        Files.exists(dir.resolve('metrics.roc.tsv')) && Files.exists(dir.resolve('metrics.pr.tsv'))
    }

    def "predict scores every row of the data set and a FASTA; scores separate planted from unplanted sequences"() {
        given:
        def fasta = dir.resolve('two.fa')
        def seqs = dir.resolve('sim/sequences.tsv').readLines().drop(1)*.split('\t')
        def pos = seqs.findAll { it[2] == '1' }.take(20)
        def neg = seqs.findAll { it[2] == '0' }.take(20)
        fasta.text = (pos + neg).collect { ">${it[0]}\nAC${it[1]}GT\n" }.join()

        when:
        def p1 = run(['predict', '--model', model, '--data', data, '--out', dir.resolve('pred.tsv')])
        def p2 = run(['predict', '--model', model, '--fasta', fasta, '--out', dir.resolve('fasta.tsv')])
        def byData = table(dir.resolve('pred.tsv'))
        def byFasta = table(dir.resolve('fasta.tsv'))

        then: 'the FASTA records (2 extra bases each side) are cut to their centre, the original sequence'
        p1.exitCode == 0 && p2.exitCode == 0
        byData.size() == 3000
        byFasta*.name == (pos + neg)*.getAt(0)
        byFasta.every { f -> Math.abs((f.ctcf as double) - (byData.find { it.name == f.name }.ctcf as double)) < 1e-5 }
        byFasta.take(20).sum { it.ctcf as double } > byFasta.drop(20).sum { it.ctcf as double }
    }

    def "predict on BED regions of a genome: one row per region, in file order, windows centred on the midpoints"() {
        given:
        def bed = RegulensRunner.DATA.resolve('yeast_pho4/pho4_sites_sacCer3_chrIV.bed')
        def regions = bed.readLines()*.split('\t')

        when:
        def r = run(['predict', '--model', model, '--bed', bed, '--genome',
                     RegulensRunner.DATA.resolve('yeast_pho4/sacCer3_chrIV.fa'), '--out', dir.resolve('bed.tsv')])
        def rows = table(dir.resolve('bed.tsv'))

        then:
        r.exitCode == 0
        rows*.name == regions*.getAt(3)
        [rows, regions].transpose().every { row, f ->
            long mid = (f[1] as long) + ((f[2] as long) - (f[1] as long)).intdiv(2)
            (row.start as long) == mid - 50 && (row.end as long) == mid + 50 && (row.ctcf as double) >= 0 && (row.ctcf as double) <= 1
        }
    }

    def "residualbind (a graph with a skip connection) trains, evaluates and predicts from the command line"() {
        given: 'a smaller first layer (and so residual block) than the default 96 filters, to keep this quick'
        def rb = dir.resolve('residualbind.zip')
        def metrics = dir.resolve('rb-metrics.tsv')

        when:
        def t = run(['train', '--data', data, '--arch', 'residualbind', '--filters', 32, '--out', rb, '--epochs', 2,
                     '--seed', 5, '--batch-size', 64, '--lr', '0.003'])
        def e = run(['evaluate', '--model', rb, '--data', data, '--out', metrics])
        def p = run(['predict', '--model', rb, '--data', data, '--out', dir.resolve('rb-pred.tsv')])
        def header = new java.util.zip.ZipFile(rb.toFile()).withCloseable { zip ->
            new groovy.json.JsonSlurper().parse(zip.getInputStream(zip.getEntry('regulens-model.json')))
        }

        then:
        t.exitCode == 0 && e.exitCode == 0 && p.exitCode == 0
        t.stderr.contains('residualbind: ')
        header.network == 'graph' && header.settings.arch == 'residualbind' && header.settings.filters == 32
        (table(metrics)[0].auroc as double) >= 0.85
        table(dir.resolve('rb-pred.tsv')).size() == 3000
    }

    def "the same data and seed give a byte-identical model"() {
        when:
        def a = dir.resolve('a.zip')
        def b = dir.resolve('b.zip')
        [a, b].each {
            def r = run(['train', '--data', data, '--arch', 'cnn-local', '--out', it, '--epochs', 2, '--seed', 9])
            assert r.exitCode == 0: r
        }

        then:
        Files.readAllBytes(a) == Files.readAllBytes(b)
        dir.resolve('a.training.tsv').readLines().collect { it.split('\t')[0..5] } ==
                dir.resolve('b.training.tsv').readLines().collect { it.split('\t')[0..5] }
    }

    def "errors: unknown architecture, no validation split, mismatched length, corrupt model"() {
        given:
        def noValid = dir.resolve('novalid.tsv')
        noValid.text = 'sequence\tbound\tsplit\n' + (1..20).collect { "${'ACGT' * 25}\t${it % 2}\ttrain" }.join('\n') + '\n'
        def short_ = dir.resolve('short.tsv')
        short_.text = 'sequence\tctcf\n' + (1..10).collect { "${'ACGT' * 10}\t${it % 2}" }.join('\n') + '\n'
        run(['encode', '--sequences', noValid, '--out', dir.resolve('novalid.npz')])
        run(['encode', '--sequences', short_, '--out', dir.resolve('short.npz')])
        def corrupt = dir.resolve('corrupt.zip')
        corrupt.text = 'nonsense'

        expect:
        with(run(['train', '--data', data, '--arch', 'resnet9000', '--out', dir.resolve('x.zip')])) {
            exitCode == 2 && stderr.contains("unknown architecture 'resnet9000'")
        }
        with(run(['train', '--data', dir.resolve('novalid.npz'), '--out', dir.resolve('x.zip')])) {
            exitCode == 1 && stderr.contains('no validation rows')
        }
        with(run(['evaluate', '--model', model, '--data', dir.resolve('short.npz'), '--split', 'all', '--out', dir.resolve('x.tsv')])) {
            exitCode == 1 && stderr.contains('sequences of 40 bases, but the model') && stderr.contains('takes 100')
        }
        with(run(['predict', '--model', corrupt, '--data', data, '--out', dir.resolve('x.tsv')])) {
            exitCode == 1 && stderr.contains("${corrupt}: not a regulens model file")
        }
        !Files.exists(dir.resolve('x.zip')) && !Files.exists(dir.resolve('x.tsv'))
    }
}
