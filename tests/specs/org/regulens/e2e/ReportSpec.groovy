package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * regulens report over a small real chain on simulated genome peaks (CTCF planted): simulate, encode, train,
 * evaluate, attribute, motifs, compare, filters, then the report with every input.
 */
class ReportSpec extends Specification {

    static final List<String> SECTIONS = ['summary', 'dataset', 'training', 'performance', 'motifs', 'filters', 'examples']

    @Shared Path dir
    @Shared Path report
    @Shared RegulensRunner.Result result

    private static Path sharedDir
    private static RegulensRunner.Result sharedResult

    /** The chain's folder and the report's run, made once per test JVM: ReportBrowserSpec reuses them. */
    static synchronized Map shared() {
        if (sharedDir == null) {
            sharedDir = Files.createTempDirectory('regulens-report-chain')
            Runtime.runtime.addShutdownHook(new Thread({ sharedDir.toFile().deleteDir() }))
            sharedResult = chain(sharedDir)
        }
        [dir: sharedDir, result: sharedResult]
    }

    /** Runs the chain and the report in {@code dir}. */
    static RegulensRunner.Result chain(Path dir) {
        def sim = dir.resolve('sim')
        def ok = { RegulensRunner.Result r -> assert r.exitCode == 0: r; r }
        ok(run(['simulate', '--mode', 'genome', '--out', sim, '--seed', 3, '--chroms', 6, '--chrom-length', 60000,
                '--peaks', 300, '--task', 'ctcf=MA0139.2', '-q']))
        def data = dir.resolve('data.npz')
        ok(run(['encode', '--genome', sim.resolve('genome.fa'), '--samplesheet', sim.resolve('samplesheet.csv'),
                '--width', 200, '--out', data, '--seed', 3, '-q']))
        def model = dir.resolve('model.zip')
        ok(run(['train', '--data', data, '--arch', 'cnn-local', '--first-activation', 'exp', '--out', model,
                '--epochs', 8, '--lr', 0.003, '--batch-size', 32, '--seed', 1, '-q']))
        ok(run(['evaluate', '--model', model, '--data', data, '--out', dir.resolve('metrics.tsv'), '-q']))
        def attr = dir.resolve('attr.npz')
        ok(run(['attribute', '--model', model, '--data', data, '--method', 'deepshap', '--refs', 3, '--task', 'ctcf',
                '--label', 'positive', '--out', attr, '-q']))
        def motifs = dir.resolve('motifs_ctcf')
        ok(run(['motifs', '--attributions', attr, '--data', data, '--out', motifs, '--seed', 1, '--min-seqlets', 10, '-q']))
        ok(run(['compare', '--query', motifs.resolve('patterns.meme'), '--out', motifs.resolve('matches.tsv'), '-q']))
        ok(run(['filters', '--model', model, '--data', data, '--out', dir.resolve('filters.meme'), '-q']))
        dir.resolve('params.json').text = '{"genome": "sim", "train": {"epochs": 8, "lr": 0.003, "arch": "cnn-local"}}'
        run(['report', '--out', dir.resolve('report/report.html'), '--data', data,
             '--training-log', dir.resolve('model.training.tsv'), '--metrics', dir.resolve('metrics.tsv'),
             '--motifs', "ctcf/deepshap=${motifs}", '--filters', dir.resolve('filters.meme'),
             '--attributions', "ctcf/deepshap=${attr}", '--params', dir.resolve('params.json'), '--title', 'CTCF <demo>'])
    }

    def setupSpec() {
        def chain = shared()
        dir = chain.dir
        result = chain.result
        report = dir.resolve('report/report.html')
    }

    def "the report has every section, logos in the motif, filter and example sections, and escapes the title"() {
        given:
        def html = report.text
        def section = { String id -> html.substring(html.indexOf("<section id=\"$id\""), html.indexOf('</section>', html.indexOf("<section id=\"$id\""))) }

        expect:
        result.exitCode == 0
        result.stderr.contains('report: ')
        SECTIONS.every { html.contains("<section id=\"$it\"") }
        !html.contains('class="omitted">Omitted')
        html.contains('<title>CTCF &lt;demo&gt;</title>')
        section('motifs').count('<svg class="logo"') >= 4
        section('motifs').contains('MA0139.2')
        section('filters').count('<svg class="logo"') >= 1
        section('examples').count('<svg class="logo"') == 3
        section('performance').contains('id="roc-0"') && section('performance').contains('id="pr-0"')
        section('training').contains('id="training-loss"')
        section('dataset').contains('id="gc-histogram"')
        section('summary').contains('train.epochs')
    }

    def "nothing is fetched at view time; the only file link is the seqlet BED, relative to the report"() {
        given:
        def html = report.text
        def links = (html =~ /(?:href|src)="([^"]*)"/).collect { it[1] }.findAll { !it.startsWith('#') }

        expect:
        !(html =~ /(?i)<script[^>]+src|<link[\s>]|@import|url\(/)
        links == ['../motifs_ctcf/seqlets.bed']
        Files.exists(report.parent.resolve(links[0]))
    }

    def "MultiQC tables are written beside the report"() {
        given:
        def metrics = report.resolveSibling('regulens_metrics_mqc.tsv').readLines()
        def motifs = report.resolveSibling('regulens_motifs_mqc.tsv').readLines()

        expect:
        metrics[0] == "# id: 'regulens_metrics'"
        metrics.contains("# plot_type: 'table'")
        metrics.find { it.startsWith('ctcf\t') }
        motifs.find { it.startsWith('ctcf/deepshap/pos_pattern_0\t') }?.contains('MA0139.2')
    }

    def "a report from the data set alone leaves the other sections out with a note"() {
        when:
        def out = dir.resolve('alone/report.html')
        def r = run(['report', '--out', out, '--data', dir.resolve('data.npz'), '-q'])
        def html = out.text

        then:
        r.exitCode == 0
        html.contains('<section id="dataset"')
        ['training', 'performance', 'motifs', 'filters', 'examples'].every { html.contains("<section id=\"$it\"><h2>") }
        html.contains('Omitted: no --metrics given.')
        !Files.exists(dir.resolve('alone/regulens_metrics_mqc.tsv'))
    }

    def "a bad --metrics file: exit 1, one line naming it, no report written"() {
        given:
        def bad = dir.resolve('bad.tsv')
        bad.text = 'task\tauroc\tauprc\nctcf\thigh\t0.5\n'
        def out = dir.resolve('bad/report.html')

        when:
        def r = run(['report', '--out', out, '--metrics', bad, '--data', dir.resolve('data.npz')])

        then:
        r.exitCode == 1
        r.stderr.trim().readLines().size() == 1
        r.stderr.contains("${bad}:2: auroc 'high' is not a number")
        !Files.exists(out)
        !Files.exists(dir.resolve('bad')) || Files.list(dir.resolve('bad')).count() == 0
    }
}
