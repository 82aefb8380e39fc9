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

    static final List<String> SECTIONS = ['key-findings', 'summary', 'dataset', 'training', 'performance', 'motifs', 'filters', 'examples']

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
        // the pipeline's params.json of a simulated run: every parameter, most of other entries
        dir.resolve('params.json').text = '{"simulate": true, "samplesheet": null, "sequences": null, "data": null, ' +
                '"model": null, "sim_tasks": "ctcf=MA0139.2", "sim_peaks": 300, "width": 200, "negatives": "gc", ' +
                '"epochs": 8, "lr": 0.003, "arch": "cnn-local", "train_args": "", "mirna_samplesheet": null, ' +
                '"mirna_arch": "resnet", "mirna_epochs": 20, "max_cpus": 16, "container": "regulens:0.1.0", "seed": 1}'
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
        section('summary').contains('<details class="params">')
    }

    def "the key findings come first and hold the chain's values: best CTCF pattern, its match, seqlets, auROC and auPR"() {
        given:
        def html = report.text
        def kf = html.substring(html.indexOf('<section id="key-findings"'), html.indexOf('</section>', html.indexOf('<section id="key-findings"')))
        def cells = (kf.substring(kf.indexOf('<tbody>')) =~ /(?s)<td>(.*?)<\/td>/).collect { it[1] }
        def text = cells.collect { it.replaceAll(/(?s)<svg.*?<\/svg>/, '').replaceAll(/<[^>]+>/, '').trim() }
        def metrics = dir.resolve('metrics.tsv').readLines()*.split('\t')
        def ctcf = metrics.tail().find { it[metrics[0].toList().indexOf('task')] == 'ctcf' }
        def header = metrics[0].toList()
        def tsv = dir.resolve('motifs_ctcf/patterns.tsv').readLines()*.split('\t', -1)
        int passed = tsv[0].toList().indexOf('passed') // motifs lists rejected candidates too (passed = no)
        def patterns = tsv.tail().findAll { passed < 0 || it[passed] == 'yes' }
        def best = patterns.findAll { it[1] == '+' }.max { it[2] as int }
        def top = dir.resolve('motifs_ctcf/matches.tsv').readLines().tail()*.split('\t').findAll { it[0] == best[0] }
                .min { it[3] as double }

        expect:
        html.indexOf('<section') == html.indexOf('<section id="key-findings"')
        text[0] == 'ctcf' && text[1] == 'ctcf/deepshap'
        text[2].startsWith("${best[0]} ${best[4]}")
        cells[2].contains('<svg class="logo"')
        text[3].startsWith(top[1]) && text[3].endsWith("(q = ${org.regulens.report.Html.num(top[5] as double)})")
        text[3].startsWith('MA0139') // the planted motif
        text[4] == "${best[2]} of ${patterns.sum { it[2] as int }} in ${patterns.size()} pattern(s)".toString()
        text[5] == org.regulens.report.Html.num(ctcf[header.indexOf('auroc')] as double)
        text[6] == org.regulens.report.Html.num(ctcf[header.indexOf('auprc')] as double)
        kf.contains('Negative-contribution patterns across tasks: ')
    }

    def "parameters are folded and list only the simulated branch's"() {
        given:
        def html = report.text
        def details = html.substring(html.indexOf('<details class="params">'), html.indexOf('</details>'))
        def shown = (details =~ /<tr><td>([^<]*)<\/td>/).collect { it[1] }

        expect:
        shown == ['simulate', 'sim_tasks', 'sim_peaks', 'width', 'negatives', 'epochs', 'lr', 'arch', 'seed']
    }

    def "nothing is fetched at view time and no link is dead: the seqlet BED is embedded, not linked beside the report"() {
        given:
        def html = report.text
        def links = (html =~ /(?:href|src)="([^"]*)"/).collect { it[1] }.findAll { !it.startsWith('#') }
        def anchors = (html =~ /href="#([^"]*)"/).collect { it[1] }

        expect:
        !(html =~ /(?i)<script[^>]+src|<link[\s>]|@import|url\(/)
        links.size() == 1 && links[0].startsWith('data:text/plain;charset=utf-8;base64,')
        new String(Base64.decoder.decode(links[0].substring(links[0].indexOf(',') + 1)), 'UTF-8') ==
                dir.resolve('motifs_ctcf/seqlets.bed').text
        links.findAll { !it.startsWith('data:') }.every { Files.exists(report.parent.resolve(URLDecoder.decode(it, 'UTF-8'))) }
        anchors.every { html.contains("id=\"$it\"") }
    }

    def "MultiQC tables are written beside the report"() {
        given:
        def metrics = report.resolveSibling('regulens_metrics_mqc.tsv').readLines()
        def motifs = report.resolveSibling('regulens_motifs_mqc.tsv').readLines()
        def metricsHeader = org.regulens.report.HtmlReportSpec.mqcHeader(metrics)
        def motifsHeader = org.regulens.report.HtmlReportSpec.mqcHeader(motifs)
        def ctcf = metrics.find { it.startsWith('ctcf\t') }?.split('\t')
        def seqlets = motifs.findAll { !it.startsWith('#') }.tail()*.split('\t').collect { it[3] }

        expect:
        metrics[0] == "# id: 'regulens_metrics'"
        metricsHeader.plot_type == 'table'
        metricsHeader.headers.auROC.format == '{:,.3f}' && metricsHeader.headers.auROC.max == 1
        metricsHeader.headers.positives.format == '{:,.0f}'
        ctcf[3] ==~ /\d+/ && ctcf[4] ==~ /\d+/
        motifsHeader.headers.seqlets.format == '{:,.0f}'
        seqlets && seqlets.every { it ==~ /\d+/ }
        motifs.find { it.startsWith('ctcf/deepshap/pos_pattern_0\t') }?.contains('MA0139')
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
