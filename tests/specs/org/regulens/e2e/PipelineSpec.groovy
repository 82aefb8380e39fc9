package org.regulens.e2e

import groovy.json.JsonSlurper
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
 * (with the optional GIA step, whose table the report draws), a -stub-run of the whole graph (with the resource limits and the versions it reports), --input on peaks with
 * chromosomes the genome lacks, bad inputs that must stop the run at the start (and the deprecated alias
 * --samplesheet, which reads the samplesheet as --input does), and the nf-core conventions of the modules and the
 * schema.
 */
@Stepwise
class PipelineSpec extends Specification {

    static final Path HOME = RegulensRunner.HOME

    @Shared @TempDir Path dir
    @Shared Path out
    @Shared Map first

    /** The optional GIA step rides along the real test run (small: 20 backgrounds, one condition). */
    static final List<String> GIA = ['--gia', 'MA0139.2', '--gia_samples', '20']

    /** The version the regulens jar prints (`regulens --version`), which every versions.yml must report. */
    static String regulensVersion() {
        def p = new ProcessBuilder(HOME.resolve('bin/regulens').toString(), '--version').redirectErrorStream(true).start()
        def text = p.inputStream.text
        assert p.waitFor() == 0: text
        (text.readLines()[0] - ~/^regulens /).trim()
    }

    /** The processes a module's main.nf defines and the emit names of its outputs. */
    static Map moduleSource(Path main) {
        def text = main.text
        [processes: (text =~ /(?m)^process\s+(\w+)\s*\{/).collect { it[1] },
         emits    : (text =~ /emit:\s*(\w+)/).collect { it[1] },
         text     : text]
    }

    /** A meta.yml's name and the names of its output channels (the two-space "  - NAME:" entries under output:). */
    static Map moduleMeta(Path meta) {
        def lines = meta.readLines()
        int output = lines.indexOf('output:')
        int authors = lines.findIndexOf { it.startsWith('authors:') }
        [name   : (lines.find { it.startsWith('name:') } =~ /name:\s*"?([^"]+)"?/)[0][1],
         outputs: output < 0 ? [] : lines.subList(output + 1, authors < 0 ? lines.size() : authors)
                 .findResults { (it =~ /^  - "?([\w.*]+)"?:$/).with { m -> m ? m[0][1] : null } },
         text   : meta.text]
    }

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
        first = nextflow(['run', HOME, '-profile', 'test', '--outdir', out] + GIA, dir)

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
         'motifs/all/rest/deepshap/hits.tsv', 'report/all/report.html', 'gia/all/gia.tsv', 'pipeline_info/params.json',
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

    def "the report has its sections, the GIA step's among them (REPORT receives gia.tsv)"() {
        expect:
        def report = out.resolve('report/all/report.html').text
        ['summary', 'dataset', 'training', 'performance', 'motifs', 'filters', 'examples', 'gia'].every {
            report.contains("id=\"$it\"")
        }
        tsv(out.resolve('gia/all/gia.tsv'))*.condition == ['pos=92', 'pos=92'] // 15-base CTCF at (200 - 15) / 2, tasks ctcf and rest
    }

    def "-resume re-runs nothing when nothing changed"() {
        when:
        def again = nextflow(['run', HOME, '-profile', 'test', '--outdir', out, '-resume'] + GIA, dir)
        def traces = Files.list(out.resolve('pipeline_info')).withCloseable { s ->
            s.filter { it.fileName.toString().startsWith('execution_trace') }.sorted().toList() }
        def statuses = tsv(traces.last()).collect { it.status }

        then:
        again.exitCode == 0
        traces.size() >= 2
        !statuses.isEmpty()
        statuses.every { it == 'CACHED' }
    }

    def "-stub-run runs the whole graph; resourceLimits lower process_high's request; stubs report the real version"() {
        given: 'a config that adds the requested resources and the container to the trace'
        def stub = dir.resolve('stub')
        Files.createDirectories(stub)
        stub.resolve('trace.config').text = "trace.fields = 'name,status,cpus,memory,time,container'\n"

        when:
        long start = System.nanoTime()
        def r = nextflow(['run', HOME, '-profile', 'test', '--outdir', stub.resolve('results'), '-stub-run',
                          '-c', stub.resolve('trace.config')], stub)
        println "test profile -stub-run: ${(System.nanoTime() - start).intdiv(1_000_000_000)} s"
        def info = stub.resolve('results/pipeline_info')
        def trace = Files.list(info).withCloseable { s -> s.filter { it.fileName.toString().startsWith('execution_trace') }.toList() }
        def rows = trace ? tsv(trace[0]) : []
        def train = rows.find { it.name.contains(':TRAIN ') }
        def versions = info.resolve('software_versions.yml').readLines()
        def version = regulensVersion()

        then:
        r.exitCode == 0
        ['SIMULATE', 'ENCODE', 'TRAIN', 'EVALUATE', 'FILTERS', 'ATTRIBUTE', 'ATTRIBUTE_MERGE', 'MOTIFS', 'COMPARE',
         'SCAN', 'REPORT'].every { r.output.contains(":$it ") }

        and: 'TRAIN is process_high (8 CPUs, 32 GB, 16 h) but the test profile limits every task to 2 CPUs, 6 GB, 1 h'
        train != null
        train.cpus == '2'
        train.memory == '6 GB'
        train.time == '1h'
        rows.every { (it.cpus as int) <= 2 }

        and: 'every process declares the image of containers/images.config'
        def image = (HOME.resolve('containers/images.config').text =~ /(?m)^\s*container\s*=\s*'([^']+)'/)[0][1]
        rows.size() >= 11 && rows.every { it.container == image }

        and: 'each process reports the version regulens --version prints, in stubs too'
        version ==~ /\d+\.\d+\.\d+.*/
        def reported = versions.findAll { it.trim().startsWith('regulens:') }.collect { it.split(':', 2)[1].trim() }
        reported.size() == versions.count { it ==~ /^"?[A-Z_:]+"?:\s*$/ }
        reported.size() >= 11 && reported.every { it == version }

        and: 'the params the run used are exactly the schema\'s'
        def used = new JsonSlurper().parse(info.resolve('params.json').toFile()).keySet() as Set
        used == ParamsSchemaView.names() as Set
    }

    def "--input runs on a samplesheet; peaks on chromosomes the genome lacks are skipped with one warning per task"() {
        given:
        def run = dir.resolve('input')
        Files.createDirectories(run)
        run.resolve('ctcf.bed').text = 'chr1\t100\t300\nchrM\t10\t60\nchr2\t50\t250\nchrEBV\t5\t90\nchrM\t70\t90\n'
        run.resolve('rest.bed').text = 'chr2\t100\t300\n'
        run.resolve('genome.fa').text = '>chr1\n' + 'ACGT' * 200 + '\n>chr2 second\n' + 'GGCA' * 200 + '\n'
        run.resolve('sheet.csv').text = 'task,peaks\nctcf,ctcf.bed\nrest,rest.bed\n'
        run.resolve('variants.vcf').text = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr1\t150\t.\tG\tA\t.\t.\t.\n'

        when: 'with the optional GIA and variants steps, whose tables REPORT receives'
        def r = nextflow(['run', HOME, '--input', 'sheet.csv', '--genome', 'genome.fa', '--shards', 1,
                          '--gia', 'GATAAG', '--vcf', 'variants.vcf', '--outdir', run.resolve('results'), '-stub-run'], run)
        // the REPORT task's work folder: its stub writes 'stub' into report.html; .command.run stages its inputs
        def reportTask = Files.walk(run.resolve('work')).withCloseable { w ->
            w.filter { it.fileName.toString() == '.command.sh' && it.text.contains('<html><body>stub') }.toList() }
        def staging = reportTask.size() == 1 ? reportTask[0].resolveSibling('.command.run').text : ''

        then:
        r.exitCode == 0
        r.output.contains("WARN: task 'ctcf': skipping 3 of 5 peaks on 2 chromosome(s) not in the genome genome.fa: chrEBV, chrM")
        !r.output.contains("task 'rest': skipping")
        !r.output.contains('deprecated')
        ['ENCODE', 'TRAIN', 'EVALUATE', 'ATTRIBUTE', 'MOTIFS', 'GIA', 'VARIANTS', 'REPORT'].every { r.output.contains(":$it (all") }

        and: 'REPORT is handed gia.tsv and effects.tsv (modules/local/report turns them into --gia and --variants)'
        reportTask.size() == 1
        staging.contains('gia/gia.tsv') && staging.contains('variants/effects.tsv')
    }

    // Each Nextflow start costs ~20 s of CPU, so every run below checks all the problems that one stage of the
    // checks (parameters, samplesheet rows, chromosomes) reports together.
    def "bad input stops the run at the start with every problem of its stage: #problem"() {
        given:
        def bad = dir.resolve("bad-${problem.replaceAll(/\W+/, '-')}")
        Files.createDirectories(bad)
        bad.resolve('peaks.bed').text = 'chr1\t100\t300\n'
        bad.resolve('other.bed').text = 'chrX\t100\t300\n'
        bad.resolve('genome.fa').text = '>chr1\n' + 'ACGT' * 200 + '\n'
        bad.resolve('mixed.bed').text = 'chr1\t100\t300\nchrX\t100\t300\n'
        bad.resolve('mixed.csv').text = 'task,peaks\nctcf,peaks.bed\nrest,other.bed\nboth,mixed.bed\n'
        bad.resolve('rows.csv').text = 'task,peaks\nctcf,peaks.bed\nrest,absent.bed\nctcf,peaks.bed\n'
        bad.resolve('otherchrom.csv').text = 'task,peaks\nctcf,other.bed\n'
        bad.resolve('good.csv').text = 'task,peaks\nctcf,peaks.bed\n'

        when:
        def r = nextflow(['run', HOME, '--outdir', bad.resolve('results')] + args, bad)

        then:
        r.exitCode != 0
        messages.every { r.output.contains(it) }
        !r.output.contains('Submitted process')

        where:
        problem             | args || messages
        'parameters'        | ['--input', 'good.csv', '--samplesheet', 'good.csv', '--arch', 'resnet9', '--methods', 'deepshap,shap',
                               '--epoch', '3', '--max_cpus', '4'] ||
                ['give --input or its deprecated name --samplesheet, not both', '--input needs --genome',
                 '--arch resnet9: must be one of', '--methods deepshap,shap: does not match',
                 'unknown parameter --epoch (did you mean --epochs?)', '--max_cpus was removed: set process.resourceLimits']
        'samplesheet rows'  | ['--input', 'rows.csv', '--genome', 'genome.fa'] ||
                ['rows.csv:3: peak file absent.bed does not exist', "rows.csv:4: task 'ctcf' appears twice"]
        'one task of three' | ['--input', 'mixed.csv', '--genome', 'genome.fa'] ||
                ["task 'rest' (${dir.resolve('bad-one-task-of-three/other.bed')}): none of its 1 peaks lies on a chromosome of the genome genome.fa (peaks on chrX; genome has chr1)"]
        'the deprecated --samplesheet reads the sheet as --input does' | ['--samplesheet', 'otherchrom.csv', '--genome', 'genome.fa'] ||
                ['WARN: --samplesheet is deprecated and will be removed: use --input',
                 "task 'ctcf' (${dir.resolve('bad-the-deprecated-samplesheet-reads-the-sheet-as-input-does/other.bed')}): none of its 1 peaks"]
    }

    def "every module has main.nf and meta.yml; the meta.yml names the module and exactly its output channels"() {
        when:
        def modules = Files.list(HOME.resolve('modules/local')).withCloseable { s -> s.filter { Files.isDirectory(it) }.sorted().toList() }

        then:
        modules.size() >= 18
        modules.every { m ->
            assert Files.isRegularFile(m.resolve('main.nf')) && Files.isRegularFile(m.resolve('meta.yml')): "$m"
            def source = moduleSource(m.resolve('main.nf'))
            def meta = moduleMeta(m.resolve('meta.yml'))
            assert source.processes == [m.fileName.toString().toUpperCase()]: "$m: one process named after the folder"
            assert meta.name == m.fileName.toString(): "$m: meta.yml name"
            assert meta.outputs as Set == source.emits as Set: "$m: meta.yml outputs ${meta.outputs} vs emits ${source.emits}"
            ['description:', 'keywords:', 'tools:', 'input:', 'output:', 'authors:'].each { key ->
                assert meta.text.contains(key): "$m: meta.yml lacks $key" }
            true
        }
    }

    def "every module declares the image of containers/images.config and emits versions.yml from script and stub alike"() {
        when:
        def mains = Files.list(HOME.resolve('modules/local')).withCloseable { s -> s.toList() }.collect { it.resolve('main.nf') }
        def versionLine = 'regulens: \\$(regulens --version 2>/dev/null | head -n 1 | sed \'s/^regulens //\')'

        then:
        mains.every { main ->
            def source = moduleSource(main)
            assert source.text =~ /(?m)^\s*container\s+"\$\{params\.container\}"\s*$/: "$main: container"
            assert source.emits.contains('versions') && source.text =~ /path\s+'versions\.yml'\s*,\s*emit:\s*versions/: "$main: versions"
            def script = source.text.substring(source.text.indexOf('script:'), source.text.indexOf('stub:'))
            def stub = source.text.substring(source.text.indexOf('stub:'))
            assert script.count(versionLine) == 1 && stub.count(versionLine) == 1: "$main: the same version command in script and stub"
            assert !stub.contains('regulens: stub'): "$main: placeholder version"
            true
        }
    }

    def "the schema is draft 2020-12 with parameter groups under \$defs, help_text for every parameter and an \$id matching manifest.name"() {
        when:
        def schema = new JsonSlurper().parse(HOME.resolve('nextflow_schema.json').toFile())
        def config = HOME.resolve('nextflow.config').text
        def name = (config =~ /(?m)^\s*name\s*=\s*'([^']+)'/)[0][1]
        def properties = schema['$defs'].collectMany { group, definition -> definition.properties.collect { n, spec -> [n, spec] } }

        then:
        schema['$schema'] == 'https://json-schema.org/draft/2020-12/schema'
        !schema.containsKey('definitions')
        name ==~ /[\w.-]+\/[\w.-]+/
        schema['$id'] == "https://raw.githubusercontent.com/${name}/master/nextflow_schema.json"
        schema.allOf*.'$ref' == schema['$defs'].keySet().collect { "#/\$defs/$it" }
        properties.size() >= 50
        properties.every { n, spec -> spec.description && spec.help_text && spec.help_text != spec.description }
        properties.collect { it[0] }.containsAll(['input', 'samplesheet', 'genome', 'outdir'])
        !properties.collect { it[0] }.any { it.startsWith('max_') && it != 'max_sequences' && it != 'max_seqlets' }
        config =~ /nextflowVersion\s*=\s*'!>=24\.10\.0'/
    }

    /** The schema's parameter names (the stub run compares them with the params the run used). */
    static class ParamsSchemaView {
        static List<String> names() {
            def schema = new JsonSlurper().parse(HOME.resolve('nextflow_schema.json').toFile())
            schema['$defs'].collectMany { group, definition -> definition.properties.keySet() as List }
        }
    }
}
