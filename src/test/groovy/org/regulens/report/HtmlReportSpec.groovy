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
        motifs.findAll { !it.startsWith('#') } == ['motif\tlabel\tpattern\tseqlets\ttop_match\ttop_match_name\tq_value\tnote',
            "${NASTY}/pos_pattern_0\t${NASTY}\tpos_pattern_0\t12\tMA0139.2\t${NASTY}\t0.002000\t".toString()]
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

    def "filters without an activating window (a header-only filters.meme) give an empty filters section"() {
        given:
        dir.resolve('filters.meme').text = 'MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\n'
        dir.resolve('filters.tsv').text = 'filter\tsites\tinfluence\tbest_match\tbest_match_name\tbest_match_q\nfilter_0\t0\t0\t\t\t\n'

        when:
        int code = Regulens.execute((args() + ['--filters', dir.resolve('filters.meme').toString()]) as String[])

        then:
        code == 0
        dir.resolve('out/report.html').text.contains('0 of 1 filters have activating windows')
    }

    def "escaping covers the five XML specials"() {
        expect:
        Html.esc('<&>"\'') == '&lt;&amp;&gt;&quot;&#39;'
    }

    /** A motifs folder as motifs and compare write it; {@code patterns}: [name, sign, seqlets, consensus]. */
    Path motifDir(String name, List<List> patterns, String matches) {
        def d = Files.createDirectories(dir.resolve(name))
        d.resolve('patterns.tsv').text = "pattern\tsign\tseqlets\twidth\tconsensus\tcwm_consensus\tcontribution\tinformation_bits\n" +
                patterns.collect { "${it[0]}\t${it[1]}\t${it[2]}\t3\t${it[3]}\t${it[3]}\t1.0\t4.0\n" }.join('')
        d.resolve('patterns.meme').text = 'MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\n'
        if (patterns) {
            def npz = NpzWriter.create(d.resolve('patterns.npz'))
            patterns.each {
                npz.write("${it[0]}.cwm", NpyArray.ofDoubles([0.5, 0, 0, 0, 0, 0.4, -0.1, 0, 0, 0, 0.6, 0] as double[], 3, 4))
                npz.write("${it[0]}.ppm", NpyArray.ofDoubles([1, 0, 0, 0, 0, 0.9, 0.1, 0, 0, 0, 1, 0] as double[], 3, 4))
            }
            npz.commit()
        }
        if (matches != null) {
            d.resolve('matches.tsv').text = matches
        }
        d
    }

    static final String MATCH_HEADER = "Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap" +
            "\tQuery_consensus\tTarget_consensus\tOrientation\tTarget_name\n"

    /**
     * Two tasks: ctcf with two positive patterns and a negative one, rest where no pattern passed, from a folder
     * written before summary.tsv, and compare wrote nothing (0 bytes, as an older compare and the pipeline's stub).
     */
    List<String> twoTasks() {
        dir.resolve('metrics2.tsv').text = "task\tauroc\tauprc\tn_pos\tn_neg\tsplit\nctcf\t0.9312\t0.8876\t120\t130\ttest\n" +
                "rest\t0.6123\t0.5544\t80\t95\ttest\n"
        motifDir('ctcf_ds', [['pos_pattern_0', '+', 40, 'CCGCG'], ['pos_pattern_1', '+', 716, 'CCACC'],
                             ['neg_pattern_0', '-', 33, 'GATA']],
                MATCH_HEADER + "pos_pattern_1\tMA1929.2\t0\t1e-3\t1e-1\t0.02\t5\tCCACC\tCCACC\t+\tCTCF_alt\n" +
                        "pos_pattern_1\tMA0139.2\t0\t1e-5\t1e-3\t3.5e-4\t5\tCCACC\tCCACC\t+\tCTCF\n" +
                        "neg_pattern_0\tMA0035.5\t0\t1e-4\t1e-2\t0.004\t4\tGATA\tGATA\t+\tGata1\n")
        motifDir('rest_ds', [], '') // header-only outputs; compare's table empty (0 bytes)
        ['report', '--out', dir.resolve('two/report.html'), '--metrics', dir.resolve('metrics2.tsv'),
         '--motifs', "ctcf/deepshap=${dir.resolve('ctcf_ds')}", '--motifs', "rest/deepshap=${dir.resolve('rest_ds')}",
         '--motif-db', 'none', '-q']*.toString()
    }

    /** The cells of each row of the first table after {@code marker}, logos as [logo], other tags stripped. */
    static List<List<String>> tableRows(String html, String marker) {
        def from = html.indexOf(marker)
        def table = html.substring(html.indexOf('<tbody>', from), html.indexOf('</tbody>', from))
        (table =~ /(?s)<tr>(.*?)<\/tr>/).collect { row ->
            (row[1] =~ /(?s)<td>(.*?)<\/td>/).collect { it[1].replaceAll(/(?s)<svg.*?<\/svg>/, '[logo]').replaceAll(/<[^>]+>/, '') }
        }
    }

    def "the key findings open the page: per task the best pattern, its match and q-value, seqlets, auROC and auPR from the inputs"() {
        when:
        int code = Regulens.execute(twoTasks() as String[])
        def html = dir.resolve('two/report.html').text
        def metrics = dir.resolve('metrics2.tsv').readLines().tail()*.split('\t').collectEntries { [it[0], it] }
        def patterns = dir.resolve('ctcf_ds/patterns.tsv').readLines().tail()*.split('\t')
        def best = patterns.findAll { it[1] == '+' }.max { it[2] as int }
        def match = dir.resolve('ctcf_ds/matches.tsv').readLines().tail()*.split('\t')
                .findAll { it[0] == best[0] }.min { it[3] as double }
        def total = patterns.sum { it[2] as int }
        def rows = tableRows(html, 'id="key-findings"')

        then:
        code == 0
        html.indexOf('<section') == html.indexOf('<section id="key-findings"')
        html.contains('<nav><a href="#key-findings">')
        rows.size() == 2
        rows[0] == ['ctcf', 'ctcf/deepshap', "${best[0]} ${best[4]}[logo]".toString(),
                    "${match[1]} ${match[10]} (q = ${Html.num(match[5] as double)})".toString(),
                    "${best[2]} of ${total} in ${patterns.size()} pattern(s)".toString(),
                    Html.num(metrics.ctcf[1] as double), Html.num(metrics.ctcf[2] as double)]
        rows[0][2].startsWith('pos_pattern_1 CCACC') && rows[0][3] == 'MA0139.2 CTCF (q = 3.50e-04)' && rows[0][5] == '0.9312'
        rows[1] == ['rest', 'rest/deepshap', 'no pattern passed', '', '0 in 0 pattern(s)',
                    Html.num(metrics.rest[1] as double), Html.num(metrics.rest[2] as double)]
        html.contains('Negative-contribution patterns across tasks: 1: ctcf/deepshap neg_pattern_0 (33 seqlets, MA0035.5 Gata1 q = 0.004).')
        html.contains('No pattern passed: motifs found no group')
    }

    def "empty motif results flow through to the MultiQC table too"() {
        when:
        Regulens.execute(twoTasks() as String[])
        def motifs = dir.resolve('two/regulens_motifs_mqc.tsv').readLines().findAll { !it.startsWith('#') }

        then:
        motifs.find { it.startsWith('rest/deepshap\t') } == 'rest/deepshap\trest/deepshap\tno pattern passed\t0\t\t\t\t'
        motifs.count { it.startsWith('ctcf/deepshap/') } == 3
    }

    def "parameters are folded and only those of the branch that ran are listed"() {
        given: 'a pipeline params.json of a run from peaks (samplesheet and genome)'
        dir.resolve('params.json').text = '{"arch": "cnn-local", "batch_size": 128, "blacklist": null, "container": "img:1", ' +
                '"data": null, "epochs": 30, "genome": "hg38.fa", "help": false, "max_cpus": 16, "methods": "deepshap", ' +
                '"mirna_arch": "resnet", "mirna_samplesheet": null, "model": null, "neg_ratio": 1.0, "negatives": "gc", ' +
                '"outdir": "results", "predict_fasta": null, "samplesheet": "peaks.csv", "seed": 1, "sequences": null, ' +
                '"sim_peaks": 800, "sim_tasks": "ctcf=MA0139.2", "simulate": false, "train_args": "", "width": 200}'

        when:
        Regulens.execute(args() as String[])
        def html = dir.resolve('out/report.html').text
        def details = html.substring(html.indexOf('<details class="params">'), html.indexOf('</details>'))
        def shown = tableRows(details, '<table class="params"').collect { it[0] }

        then: 'closed, in the summary, after the key findings'
        !(details =~ /<details[^>]*\sopen/)
        html.indexOf('<details class="params">') > html.indexOf('<section id="summary"')
        html.indexOf('<section id="summary"') > html.indexOf('<section id="key-findings"')
        details.contains('<code>--samplesheet</code> entry ran')
        shown == ['arch', 'batch_size', 'epochs', 'genome', 'methods', 'neg_ratio', 'negatives', 'outdir', 'samplesheet',
                  'seed', 'width']
        details.contains('14 not set or of another entry left out')
    }

    def "the branch rule: simulated, sequence-table, data-with-model and miRNA runs"() {
        given:
        def all = [simulate: false, samplesheet: null, genome: null, sequences: null, data: null, model: null,
                   sim_peaks: 800, width: 200, negatives: 'gc', test_chroms: 'chr2', epochs: 30, refs: 20,
                   mirna_samplesheet: null, mirna_epochs: 20, seed: 1, max_memory: '128.GB', report_examples: 3]

        expect:
        RunParameters.select(all + given).shown().keySet() as List == shown

        where:
        given                           || shown
        [simulate: true]                || ['simulate', 'sim_peaks', 'width', 'negatives', 'test_chroms', 'epochs', 'refs', 'seed', 'report_examples']
        [sequences: 's.tsv']            || ['sequences', 'test_chroms', 'epochs', 'refs', 'seed', 'report_examples']
        [data: 'd.npz', model: 'm.zip'] || ['data', 'model', 'refs', 'seed', 'report_examples']
        [mirna_samplesheet: 'm.csv']    || ['mirna_samplesheet', 'mirna_epochs', 'seed', 'report_examples']
        [:]                             || ['sim_peaks', 'width', 'negatives', 'test_chroms', 'epochs', 'refs', 'mirna_epochs', 'seed', 'max_memory', 'report_examples']
    }

    def "no dead links: every href is a section anchor or an embedded file; the embedded BED is the seqlets.bed"() {
        when:
        Regulens.execute(args() as String[])
        def report = dir.resolve('out/report.html')
        def html = report.text
        def hrefs = (html =~ /href="([^"]*)"/).collect { it[1] }
        def relative = hrefs.findAll { !it.startsWith('#') && !it.startsWith('data:') }
        def bed = hrefs.find { it.startsWith('data:') }

        then:
        hrefs.findAll { it.startsWith('#') }.every { html.contains("id=\"${it.substring(1)}\"") }
        relative.every { Files.exists(report.parent.resolve(URLDecoder.decode(it, 'UTF-8'))) }
        new String(Base64.decoder.decode(bed.substring(bed.indexOf(',') + 1)), 'UTF-8') == dir.resolve('motifs/seqlets.bed').text
    }

    def "a seqlet BED too large to embed is named, not linked"() {
        given:
        dir.resolve('motifs/seqlets.bed').text = "chr1\t10\t13\tpos_pattern_0\t900\t+\n" * ((int) (MotifsSection.EMBED_LIMIT / 30) + 1)

        when:
        Regulens.execute(args() as String[])
        def html = dir.resolve('out/report.html').text

        then:
        (html =~ /href="[^"#]/).count == 0
        html.contains('too large to embed')
    }

    def "MultiQC headers parse as MultiQC reads them, with a format per column, and counts are integers"() {
        when:
        Regulens.execute(args() as String[])
        def tables = ['regulens_metrics_mqc.tsv', 'regulens_motifs_mqc.tsv'].collect { dir.resolve("out/$it").readLines() }

        then:
        tables.every { lines ->
            def config = mqcHeader(lines)
            def data = lines.findAll { !it.startsWith('#') }*.split('\t', -1)
            def columns = data[0].toList()
            assert config.plot_type == 'table' && config.id && config.section_name
            assert config.headers.keySet() == (columns.tail() as Set)
            config.headers.each { key, h ->
                assert h.title && h.description
                if (h.format) {
                    assert h.format in ['{:,.3f}', '{:,.0f}', '{:.2e}']
                }
                if (h.format == '{:,.0f}') { // a count: integers only
                    int at = columns.indexOf(key)
                    assert data.tail().every { it[at] ==~ /\d+/ }
                }
                if (h.format == '{:,.3f}') {
                    assert h.min == 0 && h.max == 1
                }
            }
            true
        }
        mqcHeader(tables[0]).headers.keySet() as List == ['auROC', 'auPR', 'positives', 'negatives']
        mqcHeader(tables[0]).headers.positives.format == '{:,.0f}'
        mqcHeader(tables[1]).headers.seqlets.format == '{:,.0f}'
    }

    /**
     * The comment header as MultiQC reads it (custom_content.py: each line starting with '#' without that character,
     * joined and read as YAML): with PyYAML's safe_load, the parser MultiQC uses, when python3 has it; else with a
     * small reader of the block mappings and single-quoted scalars the report writes.
     */
    static Map mqcHeader(List<String> lines) {
        def yaml = lines.findAll { it.startsWith('#') }.collect { it.substring(1) }.join('\n')
        try {
            def p = ['python3', '-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'].execute()
            p.outputStream.withWriter('UTF-8') { it << yaml }
            def out = p.inputStream.getText('UTF-8')
            if (p.waitFor() == 0) {
                return new groovy.json.JsonSlurper().parseText(out) as Map
            }
        } catch (IOException ignored) {
            // no python3: read it below
        }
        def root = [:]
        def stack = [[-1, root]]
        yaml.readLines().findAll { it.trim() }.each { line ->
            int indent = line.length() - line.stripLeading().length()
            def m = line.strip() =~ /^([^:]+):\s*(.*)$/
            assert m.matches(): "not a YAML mapping line: '$line'"
            while (stack.last()[0] >= indent) {
                stack.removeLast()
            }
            String key = m.group(1)
            String value = m.group(2)
            if (value.isEmpty()) {
                def child = [:]
                stack.last()[1][key] = child
                stack << [indent, child]
            } else if (value.startsWith("'")) {
                assert value.endsWith("'") && !(value[1..-2] =~ /(?<!')'(?!')/).find(): "bad quoting: $line"
                stack.last()[1][key] = value[1..-2].replace("''", "'")
            } else {
                stack.last()[1][key] = value == 'false' ? false : value == 'true' ? true : value as BigDecimal
            }
        }
        root
    }
}
