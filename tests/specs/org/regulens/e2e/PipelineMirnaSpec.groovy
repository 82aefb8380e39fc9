package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.PipelineSpec.nextflow
import static org.regulens.e2e.PipelineSpec.tsv

/**
 * The pipeline's miRNA entry: the test_mirna profile for real (1,500 CLASH training pairs, 200 held-out test pairs,
 * two made-up UTRs with planted CLASH sites) and again with -resume, a -stub-run of every miRNA process including
 * the optional ones, and bad samplesheets and parameters that must stop the run at the start.
 */
@Stepwise
class PipelineMirnaSpec extends Specification {

    static final Path HOME = RegulensRunner.HOME
    static final Path DATA = RegulensRunner.DATA.resolve('mirna')

    @Shared @TempDir Path dir
    @Shared Path out
    @Shared Map first

    def "the test_mirna profile runs the miRNA entry"() {
        when:
        out = dir.resolve('results')
        long start = System.nanoTime()
        first = nextflow(['run', HOME, '-profile', 'test_mirna', '--outdir', out], dir)
        println "test_mirna profile: ${(System.nanoTime() - start).intdiv(1_000_000_000)} s"

        then:
        first.exitCode == 0
        ['MIRNA_TRAIN', 'MIRNA_EVALUATE', 'MIRNA_EXPLAIN', 'MIRNA_SCAN', 'MIRNA_REPORT'].every { first.output.contains(":$it (clash)") }
        !first.output.contains('MIRNA_MUTAGENESIS')   // the row gives no measured effects
    }

    def "each step's outputs land in the documented --outdir layout"() {
        expect:
        ['mirna/train/clash/model.zip', 'mirna/train/clash/model.training.tsv', 'mirna/evaluate/clash/metrics.tsv',
         'mirna/evaluate/clash/metrics.roc.tsv', 'mirna/evaluate/clash/metrics.pr.tsv',
         'mirna/explain/clash/explain.tsv', 'mirna/explain/clash/mirna_importance.tsv',
         'mirna/explain/clash/target_importance.tsv', 'mirna/explain/clash/classes.tsv',
         'mirna/explain/clash/alignments.txt', 'mirna/explain/clash/attributions.npz',
         'mirna/scan/clash/windows.tsv', 'mirna/scan/clash/sites.tsv', 'mirna/scan/clash/sites.bed',
         'mirna/report/clash/report.html', 'pipeline_info/params.json',
         'pipeline_info/software_versions.yml'].every { Files.size(out.resolve(it)) > 0 }
        (1..5).every { Files.size(out.resolve("mirna/explain/clash/alignments/pair_${it}.svg")) > 0 }
        !Files.exists(out.resolve('mirna/mutagenesis'))
    }

    def "the model trained for 4 epochs and ranks the 200 held-out pairs well above chance"() {
        when:
        def metrics = tsv(out.resolve('mirna/evaluate/clash/metrics.tsv'))
        def epochs = tsv(out.resolve('mirna/train/clash/model.training.tsv'))

        then:
        epochs.size() == 4
        metrics.size() == 1
        metrics[0].task == 'binding' && metrics[0].split == 'pairs'
        metrics[0].n_pos == '100' && metrics[0].n_neg == '100'
        (metrics[0].auprc as double) > 0.6
        (metrics[0].auroc as double) > 0.6
    }

    def "scan: every window of both UTRs for both miRNAs; sites pass the threshold; planted sites beat the background"() {
        when:
        def windows = tsv(out.resolve('mirna/scan/clash/windows.tsv'))
        def sites = tsv(out.resolve('mirna/scan/clash/sites.tsv'))
        def bed = out.resolve('mirna/scan/clash/sites.bed').readLines()
        def planted = DATA.resolve('planted.bed').readLines().collect { it.split('\t') }
        def mirnas = ['hsa-miR-92a-3p', 'hsa-let-7b-5p']

        then: '800-nt UTRs, 50-nt windows every 5 nt: starts 0, 5, ..., 750'
        mirnas.every { m -> ['utr1', 'utr2'].every { u ->
            windows.findAll { it.mirna == m && it.target == u }.collect { it.start as int } == (0..750).step(5) } }
        !sites.isEmpty()
        sites.size() == bed.size()
        sites.every { (it.score as double) >= 0.9 }
        and: 'the window on each planted site scores above the mean of the windows not overlapping it'
        planted.every { p ->
            def track = windows.findAll { it.mirna == p[3] && it.target == p[0] }
            def site = track.find { it.start == p[1] }.score as double
            def background = track.findAll { Math.abs((it.start as int) - (p[1] as int)) >= 50 }*.score*.toDouble()
            site > background.sum() / background.size()
        }
    }

    def "explain: one row per test pair, with its class; classes.tsv counts them"() {
        when:
        def explained = tsv(out.resolve('mirna/explain/clash/explain.tsv'))
        def classes = tsv(out.resolve('mirna/explain/clash/classes.tsv'))
        def test = tsv(DATA.resolve('test.tsv'))

        then:
        explained.size() == 200
        explained.collect { it.miRNA } == test.collect { it.miRNA }
        explained.every { it['class'] in ['seed', "seed+3'", "3'-compensatory", 'other'] }
        classes.sum { it.pairs as int } == 200
    }

    def "the report has the miRNA section with the test pairs' curves, and no DNA sections"() {
        when:
        def report = out.resolve('mirna/report/clash/report.html').text

        then:
        ['summary', 'mirna', 'mirna-roc-0', 'mirna-pr-0', 'mirna-positions'].every { report.contains("id=\"$it\"") }
        !['dataset', 'training', 'performance', 'motifs', 'filters', 'examples'].any { report.contains("id=\"$it\"") }
        report.contains('regulens mirna: clash')
    }

    def "-resume re-runs nothing when nothing changed (the report's explain folder input included)"() {
        when:
        def again = nextflow(['run', HOME, '-profile', 'test_mirna', '--outdir', out, '-resume'], dir)

        then:
        again.exitCode == 0
        ['MIRNA_TRAIN', 'MIRNA_EVALUATE', 'MIRNA_EXPLAIN', 'MIRNA_SCAN', 'MIRNA_REPORT'].every {
            again.output.contains("Cached process > MIRNA:$it (clash)") }
        !again.output.contains('Submitted process')
    }

    def "-stub-run: each process of the miRNA entry, mutagenesis for a row with measured effects, --mirna_model for a row without pairs, an ensemble of two seeds"() {
        given:
        def stub = dir.resolve('stub')
        Files.createDirectories(stub)
        stub.resolve('measured.tsv').text = 'pair\tmolecule\tposition\talt\teffect\n1\tmirna\t2\tA\t-1.0\n'
        stub.resolve('model.zip').text = 'stub'
        stub.resolve('sheet.csv').text = """id,pairs,test,mirnas,targets,measured
            |trained,${DATA.resolve('train.tsv')},${DATA.resolve('test.tsv')},,,measured.tsv
            |given,,${DATA.resolve('test.tsv')},${DATA.resolve('mirnas.fa')},${DATA.resolve('utrs.fa')},
            |""".stripMargin()

        when:
        def r = nextflow(['run', HOME, '-profile', 'test_mirna', '--mirna_samplesheet', stub.resolve('sheet.csv'),
                          '--mirna_model', stub.resolve('model.zip'), '--mirna_ensemble', '2', '--outdir', stub.resolve('results'),
                          '-stub-run'], stub)
        def results = stub.resolve('results/mirna')

        then:
        r.exitCode == 0
        r.output.count(':MIRNA_TRAIN (trained)') == 2 && !r.output.contains(':MIRNA_TRAIN (given)')
        ['trained', 'given'].every { r.output.count(":MIRNA_EVALUATE ($it)") == 1 }
        ['trained', 'given'].every { r.output.contains(":MIRNA_EVALUATE ($it)") && r.output.contains(":MIRNA_EXPLAIN ($it)") }
        r.output.contains(':MIRNA_MUTAGENESIS (trained)') && !r.output.contains(':MIRNA_MUTAGENESIS (given)')
        r.output.contains(':MIRNA_SCAN (given)') && !r.output.contains(':MIRNA_SCAN (trained)')
        ['trained', 'given'].every { r.output.contains(":MIRNA_REPORT ($it)") }
        !Files.exists(results.resolve('train/trained/model.zip'))
        ['train/trained/model_seed1.zip', 'train/trained/model_seed2.zip', 'train/trained/model_seed2.training.tsv',
         'evaluate/given/metrics.tsv', 'explain/given/classes.tsv',
         'explain/trained/alignments/pair_1.svg', 'mutagenesis/trained/mutations.tsv',
         'mutagenesis/trained/correlation.tsv', 'scan/given/sites.tsv', 'report/given/report.html'].every { Files.exists(results.resolve(it)) }
    }

    def "bad samplesheets stop the run at the start, one line per problem naming the file and line"() {
        given:
        def bad = dir.resolve('bad')
        Files.createDirectories(bad)
        Files.copy(DATA.resolve('train.tsv'), bad.resolve('train.tsv'))
        Files.copy(DATA.resolve('mirnas.fa'), bad.resolve('mirnas.fa'))
        bad.resolve('unlabelled.tsv').text = 'miRNA\tgene\n' + 'A' * 20 + '\t' + 'C' * 50 + '\n'
        bad.resolve('sheet.csv').text = '''id,pairs,test,mirnas,targets,measured
            |a,train.tsv,absent.tsv,,,
            |a,train.tsv,,,,
            |b,,,,,
            |c,train.tsv,,mirnas.fa,,
            |d,train.tsv,,,,train.tsv
            |e,,unlabelled.tsv,,,
            |f g,train.tsv,,,,
            |'''.stripMargin()

        when:
        def r = nextflow(['run', HOME, '--mirna_samplesheet', 'sheet.csv', '--outdir', bad.resolve('results')], bad)

        then:
        r.exitCode != 0
        !r.output.contains('Submitted process')
        r.output.contains('sheet.csv:2: test file absent.tsv does not exist')
        r.output.contains("sheet.csv:3: id 'a' appears twice (first on line 2)")
        r.output.contains("sheet.csv:4: row 'b' has nothing to do")
        r.output.contains('sheet.csv:5: scanning needs both mirnas and targets')
        r.output.contains('sheet.csv:6: measured effects refer to the test pairs: give test')
        r.output.contains('sheet.csv:7: no pairs to train on and no --mirna_model')
        r.output.contains("unlabelled.tsv:1: no 'label' column (the test pairs need labels 0/1)")
        r.output.contains("sheet.csv:8: id 'f g' must be letters")
    }

    def "bad parameters of the miRNA entry stop the run at the start: #problem"() {
        given:
        def bad = dir.resolve("params-${problem.replaceAll(/\W+/, '-')}")
        Files.createDirectories(bad)
        bad.resolve('sheet.csv').text = "id,pairs\nx,${DATA.resolve('train.tsv')}\n"
        bad.resolve('header.csv').text = "name,pairs\nx,${DATA.resolve('train.tsv')}\n"

        when:
        def r = nextflow(['run', HOME, '--outdir', bad.resolve('results')] + args, bad)

        then:
        r.exitCode != 0
        !r.output.contains('Submitted process')
        messages.every { r.output.contains(it) }

        where:
        problem                          | args                                                        || messages
        'second input, choices, ranges'  | ['--mirna_samplesheet', 'sheet.csv', '--simulate', '--mirna_arch', 'vgg',
                                            '--mirna_threshold', '1.5']                                || ['give exactly one input',
                                                                                                           '--mirna_arch vgg: must be one of resnet, cnn',
                                                                                                           '--mirna_threshold 1.5: must be at most 1']
        'model without samplesheet'      | ['--simulate', '--mirna_model', 'sheet.csv']                || ['--mirna_model needs --mirna_samplesheet']
        'header without id'              | ['--mirna_samplesheet', 'header.csv']                       || ['header.csv:1: the header must name the column id']
    }
}
