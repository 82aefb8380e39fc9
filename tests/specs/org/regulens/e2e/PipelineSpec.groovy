package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The Nextflow pipeline as the README runs it (bin/regulens-nextflow, Nextflow 24.10.0 from Maven Central): the
 * test profile for real on simulated peaks with planted CTCF and REST motifs and a MEF2A decoy, then -resume,
 * a -stub-run of the whole graph, and bad inputs that must stop the run at the start.
 */
@Stepwise
class PipelineSpec extends Specification {

    static final Path HOME = RegulensRunner.HOME

    @Shared @TempDir Path dir
    @Shared Path out
    @Shared Map first

    static Map nextflow(List<?> args, Path workdir) {
        def command = [HOME.resolve('bin/regulens-nextflow').toString()] + args.collect { it.toString() }
        def process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start()
        def output = new StringBuilder()
        process.consumeProcessOutput(output, output)
        if (!process.waitFor(25, TimeUnit.MINUTES)) {
            process.destroyForcibly()
            throw new IllegalStateException("timed out: $command")
        }
        process.waitForProcessOutput(output, output)
        [exitCode: process.exitValue(), output: output.toString()]
    }

    /** The rows of a TSV as maps by header. */
    static List<Map<String, String>> tsv(Path file) {
        def lines = file.readLines().findAll { !it.startsWith('#') }
        def header = lines[0].split('\t') as List
        lines.drop(1).collect { [header, it.split('\t', -1) as List].transpose().collectEntries() }
    }

    def "the test profile runs the whole pipeline on simulated peaks"() {
        when:
        out = dir.resolve('results')
        first = nextflow(['run', HOME, '-profile', 'test', '--outdir', out], dir)

        then:
        first.exitCode == 0
    }

    def "each step's outputs land in the documented --outdir layout"() {
        expect:
        ['simulate/genome.fa', 'simulate/planted.bed', 'encode/all/data.npz', 'train/all/model.zip',
         'train/all/model.training.tsv', 'evaluate/all/metrics.tsv', 'evaluate/all/metrics.roc.tsv',
         'filters/all/filters.meme', 'filters/all/filters.tsv', 'attribute/all/ctcf/deepshap.npz',
         'attribute/all/rest/deepshap.npz', 'motifs/all/ctcf/deepshap/patterns.meme',
         'motifs/all/ctcf/deepshap/seqlets.bed', 'motifs/all/ctcf/deepshap/matches.tsv',
         'motifs/all/rest/deepshap/hits.tsv', 'report/all/report.html', 'pipeline_info/params.json',
         'pipeline_info/software_versions.yml'].every { Files.size(out.resolve(it)) > 0 }
    }

    def "the planted motifs are recovered, matched to JASPAR at q < 0.05, and in the report's tables; the decoy is not"() {
        when:
        def report = out.resolve('report/all/report.html').text
        def top = ['ctcf', 'rest'].collectEntries { task ->
            def rows = tsv(out.resolve("motifs/all/${task}/deepshap/matches.tsv"))
            [task, rows.findAll { it.Query_ID == 'pos_pattern_0' }.min { it.'p-value' as double }]
        }

        then:
        top.ctcf.Target_ID == 'MA0139.2' && (top.ctcf.'q-value' as double) < 0.05
        top.rest.Target_ID == 'MA0138.3' && (top.rest.'q-value' as double) < 0.05
        report.contains('MA0139.2') && report.contains('MA0138.3')
        !['ctcf', 'rest'].any { task ->
            tsv(out.resolve("motifs/all/${task}/deepshap/matches.tsv")).groupBy { it.Query_ID }.values()
                    .any { rows -> rows.min { it.'p-value' as double }.Target_ID == 'MA0052.5' }
        }
    }

    def "the report has its sections"() {
        expect:
        def report = out.resolve('report/all/report.html').text
        ['summary', 'dataset', 'training', 'performance', 'motifs', 'filters', 'examples'].every {
            report.contains("id=\"$it\"")
        }
    }

    def "-resume re-runs nothing when nothing changed"() {
        when:
        def again = nextflow(['run', HOME, '-profile', 'test', '--outdir', out, '-resume'], dir)
        def traces = Files.list(out.resolve('pipeline_info')).withCloseable { s ->
            s.filter { it.fileName.toString().startsWith('execution_trace') }.sorted().toList() }
        def statuses = tsv(traces.last()).collect { it.status }

        then:
        again.exitCode == 0
        traces.size() >= 2
        !statuses.isEmpty()
        statuses.every { it == 'CACHED' }
    }

    def "-stub-run runs the whole graph"() {
        when:
        def stub = dir.resolve('stub')
        Files.createDirectories(stub)
        def r = nextflow(['run', HOME, '-profile', 'test', '--outdir', stub.resolve('results'), '-stub-run'], stub)

        then:
        r.exitCode == 0
        ['SIMULATE', 'ENCODE', 'TRAIN', 'EVALUATE', 'FILTERS', 'ATTRIBUTE', 'ATTRIBUTE_MERGE', 'MOTIFS', 'COMPARE',
         'SCAN', 'REPORT'].every { r.output.contains(":$it ") }
    }

    def "bad input stops the run at the start with a clear message: #problem"() {
        given:
        def bad = dir.resolve("bad-${problem.replaceAll(/\W+/, '-')}")
        Files.createDirectories(bad)
        bad.resolve('peaks.bed').text = 'chr1\t100\t300\n'
        bad.resolve('other.bed').text = 'chrX\t100\t300\n'
        bad.resolve('genome.fa').text = '>chr1\n' + 'ACGT' * 200 + '\n'
        bad.resolve('missing.csv').text = 'task,peaks\nctcf,peaks.bed\nrest,absent.bed\n'
        bad.resolve('twice.csv').text = 'task,peaks\nctcf,peaks.bed\nctcf,peaks.bed\n'
        bad.resolve('otherchrom.csv').text = 'task,peaks\nctcf,other.bed\n'
        bad.resolve('good.csv').text = 'task,peaks\nctcf,peaks.bed\n'

        when:
        def r = nextflow(['run', HOME, '--outdir', bad.resolve('results')] + args, bad)

        then:
        r.exitCode != 0
        r.output.contains(message)
        !r.output.contains('Submitted process')

        where:
        problem                  | args                                                                   || message
        'missing peak file'      | ['--samplesheet', 'missing.csv', '--genome', 'genome.fa']             || 'missing.csv:3: peak file absent.bed does not exist'
        'duplicate task'         | ['--samplesheet', 'twice.csv', '--genome', 'genome.fa']               || "twice.csv:3: task 'ctcf' appears twice"
        'genome lacks chromosome' | ['--samplesheet', 'otherchrom.csv', '--genome', 'genome.fa']         || 'chromosome(s) chrX not in the genome genome.fa'
        'unknown architecture'   | ['--samplesheet', 'good.csv', '--genome', 'genome.fa', '--arch', 'resnet9'] || '--arch resnet9: must be one of'
        'unknown method'         | ['--samplesheet', 'good.csv', '--genome', 'genome.fa', '--methods', 'deepshap,shap'] || '--methods deepshap,shap: does not match'
        'misspelt parameter'     | ['--samplesheet', 'good.csv', '--genome', 'genome.fa', '--epoch', '3'] || 'unknown parameter --epoch (did you mean --epochs?)'
    }
}
