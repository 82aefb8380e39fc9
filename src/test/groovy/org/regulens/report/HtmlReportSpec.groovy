package org.regulens.report

import org.regulens.cli.Regulens
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import spock.lang.Specification
import spock.lang.TempDir

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files
import java.nio.file.Path

/**
 * The page from small hand-made inputs: strict XML, escaped, nothing fetched, no dead links, the key findings first
 * with the inputs' values, parameters folded and filtered to the branch that ran, empty motif results, MultiQC
 * headers, atomic on errors.
 */
class HtmlReportSpec extends Specification {

    @TempDir
    Path dir

    static final String NASTY = 'a<b>&"c'

    def setup() {
        dir.resolve('metrics.tsv').text = "task\tauroc\tauprc\tn_pos\tn_neg\tsplit\n${NASTY}\t0.9\t0.8\t10\t12\ttest\n"
        dir.resolve('metrics.roc.tsv').text = "task\tthreshold\tfpr\ttpr\n${NASTY}\tinf\t0\t0\n${NASTY}\t0.5\t0.2\t0.9\n${NASTY}\t0\t1\t1\n"
        dir.resolve('metrics.pr.tsv').text = "task\tthreshold\trecall\tprecision\n${NASTY}\t0.5\t0.5\t1\n${NASTY}\t0\t1\t0.5\n"
        def motifs = Files.createDirectories(dir.resolve('motifs'))
        motifs.resolve('patterns.tsv').text = "pattern\tsign\tseqlets\twidth\tconsensus\tcwm_consensus\tcontribution\tinformation_bits\n" +
                "pos_pattern_0\t+\t12\t3\tACG\tACG\t1.0\t4.0\n"
        def npz = NpzWriter.create(motifs.resolve('patterns.npz'))
        npz.write('pos_pattern_0.cwm', NpyArray.ofDoubles([0.5, 0, 0, 0, 0, 0.4, -0.1, 0, 0, 0, 0.6, 0] as double[], 3, 4))
        npz.write('pos_pattern_0.ppm', NpyArray.ofDoubles([1, 0, 0, 0, 0, 0.9, 0.1, 0, 0, 0, 1, 0] as double[], 3, 4))
        npz.commit()
        motifs.resolve('seqlets.bed').text = "chr1\t10\t13\tpos_pattern_0\t900\t+\n"
        motifs.resolve('matches.tsv').text = "Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap" +
                "\tQuery_consensus\tTarget_consensus\tOrientation\tTarget_name\n" +
                "pos_pattern_0\tMA0139.2\t2\t1e-6\t1e-3\t2e-3\t3\tACG\tCCACCAGGGGGCGC\t-\t${NASTY}\n"
        dir.resolve('params.json').text = '{"name": "' + NASTY.replace('"', '\\"') + '", "train": {"epochs": 8, "lr": 0.003}}'
    }

    List<String> args(Map extra = [:]) {
        ['report', '--out', dir.resolve('out/report.html'), '--metrics', dir.resolve('metrics.tsv'),
         '--motifs', "${NASTY}=${dir.resolve('motifs')}", '--params', dir.resolve('params.json'), '--title', NASTY, '-q']*.toString()
    }

    def "the page parses as strict XML, escapes input strings, and links only to sections and the embedded seqlet BED"() {
        when:
        int code = Regulens.execute(args() as String[])
        def file = dir.resolve('out/report.html')
        def html = file.text
        def factory = DocumentBuilderFactory.newInstance()
        def doc = factory.newDocumentBuilder().parse(file.toFile())
        def links = (html =~ /(?:href|src)="([^"]*)"/).collect { it[1] }

        then:
        code == 0
        doc.documentElement.tagName == 'html'
        html.contains('a&lt;b&gt;&amp;&quot;c')
        !html.contains(NASTY)
        !html.contains('<script src') && !html.contains('<link')
        !(html =~ /(?i)(src|href)\s*=\s*"\s*(https?:|file:|\/\/)/)
        links.findAll { !it.startsWith('#') }.collect { it.replaceFirst(/,.*/, '') } == ['data:text/plain;charset=utf-8;base64']
        ['key-findings', 'summary', 'dataset', 'training', 'performance', 'motifs', 'filters', 'examples'].every { html.contains("id=\"$it\"") }
        html.contains('Omitted: no --data given.')
        html.count('<svg class="logo"') == 5 // key findings' CWM; CWM, its reverse complement, the PPM and the matched motif
        html.contains('train.epochs')
    }

    def "the same inputs give the same bytes"() {
        when:
        Regulens.execute(args() as String[])
        def first = dir.resolve('out/report.html').bytes
        Regulens.execute(args() as String[])

        then:
        dir.resolve('out/report.html').bytes == first
    }

    def "MultiQC tables carry the custom-content header and one row per task and pattern"() {
        when:
        Regulens.execute(args() as String[])
        def metrics = dir.resolve('out/regulens_metrics_mqc.tsv').readLines()
        def motifs = dir.resolve('out/regulens_motifs_mqc.tsv').readLines()

        then:
        metrics.take(4) == ["# id: 'regulens_metrics'", "# section_name: 'regulens: model performance'",
                            metrics[2], "# plot_type: 'table'"]
        metrics[2].startsWith('# description: ')
        metrics.findAll { !it.startsWith('#') } == ['task\tauROC\tauPR\tpositives\tnegatives',
                                                    "${NASTY}\t0.9000\t0.8000\t10\t12".toString()]
        motifs[0] == "# id: 'regulens_motifs'"
        motifs[3] == "# plot_type: 'table'"
        motifs.findAll { !it.startsWith('#') } == ['motif\tlabel\tpattern\tseqlets\ttop_match\ttop_match_name\tq_value',
            "${NASTY}/pos_pattern_0\t${NASTY}\tpos_pattern_0\t12\tMA0139.2\t${NASTY}\t0.002000".toString()]
    }

    def "--mqc-dir puts the tables elsewhere"() {
        when:
        int code = Regulens.execute((args() + ['--mqc-dir', dir.resolve('mqc').toString()]) as String[])

        then:
        code == 0
        Files.exists(dir.resolve('mqc/regulens_metrics_mqc.tsv'))
        !Files.exists(dir.resolve('out/regulens_metrics_mqc.tsv'))
    }

    def "a bad value names the file and line, and nothing is written"() {
        given:
        dir.resolve('metrics.roc.tsv').text = "task\tthreshold\tfpr\ttpr\nt\t0.5\tx\t0.9\n"
        def err = new StringWriter()
        def cli = Regulens.commandLine()
        cli.err = new PrintWriter(err)

        when:
        int code = cli.execute(args() as String[])

        then:
        code == 1
        err.toString().trim() == "regulens report: error: ${dir.resolve('metrics.roc.tsv')}:2: fpr 'x' is not a number".toString()
        !Files.exists(dir.resolve('out'))  || Files.list(dir.resolve('out')).count() == 0
    }

    def "bad JSON in --params is reported with its position"() {
        given:
        dir.resolve('params.json').text = '{"a": 1,'
        def err = new StringWriter()
        def cli = Regulens.commandLine()
        cli.err = new PrintWriter(err)

        expect:
        cli.execute(args() as String[]) == 1
        err.toString() =~ /params.json: not valid JSON: .* at line 1, column 9/
    }

    def "escaping covers the five XML specials"() {
        expect:
        Html.esc('<&>"\'') == '&lt;&amp;&gt;&quot;&#39;'
    }
}
