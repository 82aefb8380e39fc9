package org.regulens.e2e

import groovy.json.JsonSlurper
import org.w3c.dom.Document
import org.w3c.dom.Element
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import java.util.regex.Pattern
import java.util.zip.ZipFile

import static org.regulens.e2e.RegulensRunner.HOME
import static org.regulens.e2e.RegulensRunner.run

/**
 * The Galaxy wrappers in galaxy-tools/, checked without Galaxy or planemo: macros expand, every wrapper
 * validates against Galaxy 24.2's tool schema (galaxy-tools/schema/galaxy.xsd, as it is), planemo-lint-like rules
 * hold (EDAM terms, DOI citations, expect_num_outputs, only schema requirement types, .shed.yml), hostile parameter
 * values and element identifiers cannot run commands or write outside the job, and every {@code <test>} runs: its command is
 * rendered with Cheetah (tests/galaxy/galaxy_tool.py), run with the packaged bin/regulens on PATH, and its
 * outputs are checked against test-data/ and its assertions.
 */
class GalaxyToolsSpec extends Specification {

    static final Path TOOLS = HOME.resolve('galaxy-tools')
    static final Path TEST_DATA = TOOLS.resolve('test-data')
    static final Path SCHEMA = TOOLS.resolve('schema/galaxy.xsd')
    static final Path HELPER = HOME.resolve('tests/galaxy/galaxy_tool.py')
    static final Path TEST_TABLES = TOOLS.resolve('tool_data_table_conf.xml.test')
    static final String TOOL_VERSION_ATTRIBUTE = 'version="@TOOL_VERSION@+galaxy@VERSION_SUFFIX@"'
    static final Path SHED = TOOLS.resolve('.shed.yml')
    /** Methods each wrapper must cite (by DOI). */
    static final Map<String, List<String>> REQUIRED_DOIS = [
            regulens_train    : ['10.1038/nbt.3300', '10.1101/gr.200535.115', '10.1038/nmeth.3547', '10.1093/nar/gkw226',
                                 '10.1038/s42256-020-00291-x'],
            regulens_attribute: ['10.48550/arXiv.1704.02685', '10.48550/arXiv.1703.01365', '10.1371/journal.pone.0130140'],
            regulens_variants : ['10.1038/nmeth.3547'],
            regulens_attention: ['10.48550/arXiv.1706.03762'],
            regulens_motifs   : ['10.48550/arXiv.1811.00416'],
            regulens_compare  : ['10.1186/gb-2007-8-2-r24', '10.1093/nar/gkad1059'],
            regulens_scan     : ['10.1093/bioinformatics/btr064'],
            regulens_filters  : ['10.1186/gb-2007-8-2-r24'],
            regulens_gia      : ['10.1371/journal.pcbi.1008925'],
            regulens_mirna_train: ['10.3390/genes13122323', '10.1016/j.cell.2013.03.043'],
            regulens_mirna_predict: ['10.3390/genes13122323'],
            regulens_mirna_scan: ['10.3390/genes13122323'],
            regulens_mirna_evaluate: ['10.3390/genes13122323'],
            regulens_mirna_explain: ['10.3390/genes13122323', '10.48550/arXiv.1703.01365', '10.1007/978-3-319-10590-1_53'],
            regulens_mirna_mutagenesis: ['10.3390/genes13122323'],
    ]
    /** The subcommands with a wrapper each, regulens_<words joined by _>.xml; {@code mirna train} is a sub-subcommand. */
    static final List<String> SUBCOMMANDS = ['simulate', 'encode', 'train', 'evaluate', 'predict', 'attribute', 'attention', 'filters',
                                             'motifs', 'compare', 'scan', 'report', 'gia', 'variants',
                                             'mirna train', 'mirna predict', 'mirna scan', 'mirna evaluate',
                                             'mirna explain', 'mirna mutagenesis']
    /** The wrappers that declare a GPU: those that train networks or take gradients of many inputs. */
    static final List<String> GPU_WRAPPERS = ['regulens_train.xml', 'regulens_attribute.xml', 'regulens_mirna_train.xml',
                                              'regulens_mirna_explain.xml']

    @Shared @TempDir Path work
    @Shared Map<String, Path> expanded = [:]
    @Shared Map<String, Document> docs = [:]
    @Shared Map<String, Set<String>> helpOptions = [:]
    @Shared List<String> testDataBefore

    /** The wrappers: every XML file under galaxy-tools/ whose root is {@code <tool>}, by path relative to it. */
    static List<String> wrappers() {
        Files.walk(TOOLS).withCloseable { s ->
            s.filter { it.toString().endsWith('.xml') && !it.startsWith(TOOLS.resolve('schema')) && !it.startsWith(TEST_DATA) }
                    .filter { parse(it).documentElement.tagName == 'tool' }
                    .map { TOOLS.relativize(it).toString() }.toList().sort(false)
        }
    }

    /** [wrapper, test index] of every {@code <test>} (tests are never in macros, so the raw files tell). */
    static List<List<Object>> galaxyTests() {
        wrappers().collectMany { name ->
            int n = children(child(parse(TOOLS.resolve(name)).documentElement, 'tests'), 'test').size()
            (0..<n).collect { [name, it] }
        }
    }

    static Document parse(Path file) {
        def factory = DocumentBuilderFactory.newInstance()
        factory.setFeature('http://apache.org/xml/features/disallow-doctype-decl', true)
        factory.newDocumentBuilder().parse(file.toFile())
    }

    static List<Element> children(Element parent, String tag = null) {
        if (parent == null) {
            return []
        }
        def nodes = parent.childNodes
        (0..<nodes.length).collect { nodes.item(it) }.findAll { it instanceof Element && (tag == null || it.tagName == tag) }
                as List<Element>
    }

    static Element child(Element parent, String tag) {
        children(parent, tag).find()
    }

    static List<Element> descendants(Element parent, String tag) {
        def nodes = parent.getElementsByTagName(tag)
        (0..<nodes.length).collect { nodes.item(it) as Element }
    }

    /** python3 that can run the helper; with {@code cheetah}, one that also imports Cheetah (Debian installs it for /usr/bin/python3). */
    static String python(boolean cheetah) {
        for (candidate in ['python3', '/usr/bin/python3']) {
            def check = cheetah ? 'import Cheetah.Template' : 'import xml.etree.ElementTree'
            if (exec([candidate, '-c', check], HOME, [:], 60).exitCode == 0) {
                return candidate
            }
        }
        null
    }

    static boolean xmllint() {
        exec(['xmllint', '--version'], HOME, [:], 60).exitCode == 0
    }

    /** Runs a command with stdout and stderr sent to files (no reader threads), at most {@code seconds} long. */
    static RegulensRunner.Result exec(List<String> command, Path dir, Map<String, String> env, int seconds) {
        def out = Files.createTempFile('galaxy-spec', '.out')
        def err = Files.createTempFile('galaxy-spec', '.err')
        try {
            def builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
            builder.environment().putAll(env)
            def process = builder.start()
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly()
                return new RegulensRunner.Result(exitCode: -1, stdout: out.text, stderr: "timed out after ${seconds} s: $command")
            }
            new RegulensRunner.Result(exitCode: process.exitValue(), stdout: out.text, stderr: err.text)
        } catch (IOException e) {
            new RegulensRunner.Result(exitCode: -1, stdout: '', stderr: e.message)
        } finally {
            Files.deleteIfExists(out)
            Files.deleteIfExists(err)
        }
    }

    static List<String> listing(Path dir) {
        Files.walk(dir).withCloseable { s -> s.map { dir.relativize(it).toString() }.sorted().toList() }
    }

    def setupSpec() {
        testDataBefore = listing(TEST_DATA)
        def py = python(false)
        assert py != null, 'python3 is needed to expand the Galaxy macros'
        wrappers().each { name ->
            def out = work.resolve('expanded').resolve(name)
            Files.createDirectories(out.parent)
            def r = exec([py, HELPER.toString(), 'expand', TOOLS.resolve(name).toString(), out.toString()], HOME, [:], 120)
            assert r.exitCode == 0, "expanding the macros of $name failed: $r.stderr"
            expanded[name] = out
            docs[name] = parse(out)
        }
    }

    /** The options in {@code regulens SUBCOMMAND --help} ({@code subcommand} may be two words, as {@code mirna train}). */
    Set<String> optionsOf(String subcommand) {
        helpOptions.computeIfAbsent(subcommand) {
            def r = run(subcommand.split(' ').toList() + ['--help'])
            assert r.exitCode == 0, "regulens $subcommand --help failed: $r"
            (r.stdout =~ /--[a-z][a-z0-9-]*/).collect { it as String } as Set
        }
    }

    static String commandText(Document doc) {
        child(doc.documentElement, 'command').textContent
    }

    /** The subcommand a wrapper runs: {@code train}, or {@code mirna train} for the groups of subcommands. */
    static String subcommandOf(Document doc) {
        def m = commandText(doc) =~ /regulens\s+(mirna\s+[a-z]+|[a-z]+)/
        assert m.find(), 'no regulens subcommand in the command'
        m.group(1).split(/\s+/).join(' ')
    }

    /** regulens_mirna_train.xml -> mirna train */
    static String subcommandOfFile(String name) {
        (name - 'regulens_' - '.xml').replace('_', ' ')
    }

    def "there is one wrapper per user-facing subcommand, plus the motif database data manager"() {
        expect:
        wrappers().findAll { it.startsWith('regulens_') }.collect { subcommandOfFile(it) }.sort() == SUBCOMMANDS.sort()
        wrappers().contains('data_manager/regulens_motif_database.xml')
        docs.each { name, doc ->
            assert name.startsWith('data_manager/') || subcommandOf(doc) == subcommandOfFile(name), "$name runs ${subcommandOf(doc)}"
        }
    }

    def "macros expand completely: no token or macro element is left"() {
        expect:
        docs.each { name, doc ->
            def text = expanded[name].text
            assert text.find(/@[A-Z_]+@/) == null, "$name: unexpanded token ${text.find(/@[A-Z_]+@/)}"
            assert doc.getElementsByTagName('expand').length == 0, "$name: <expand> left"
            assert doc.documentElement.tagName == 'tool'
        }
    }

    @Requires({ GalaxyToolsSpec.xmllint() })
    def "every wrapper validates, as it is, against Galaxy 24.2's tool schema"() {
        given:
        def failures = [:]

        when:
        docs.each { name, doc ->
            def r = exec(['xmllint', '--noout', '--schema', SCHEMA.toString(), expanded[name].toString()], HOME, [:], 120)
            if (r.exitCode != 0) {
                failures[name] = r.stderr.readLines().findAll { !it.contains('fails to validate') }.join('\n')
            }
        }

        then:
        SCHEMA.text.contains('<xs:element name="edam_topics"')  // the 24.2 schema, not the 2020 one
        assert failures.isEmpty(), "schema errors:\n" + failures.collect { k, v -> "$k:\n$v" }.join('\n')
    }

    def "planemo lint rules: requirements, EDAM terms, a DOI citation, xrefs, expect_num_outputs where outputs are filtered"() {
        expect:
        docs.each { name, doc ->
            def root = doc.documentElement
            def requirements = child(root, 'requirements')
            // only what Galaxy's schema and dependency resolvers know; GPU use is a <resource>, not a requirement
            children(requirements, 'requirement').each {
                assert it.getAttribute('type') in ['package', 'set_environment'], "$name: requirement type ${it.getAttribute('type')}"
            }
            assert children(requirements).every { it.tagName in ['requirement', 'container', 'resource'] }, "$name: requirements"
            def topics = descendants(root, 'edam_topic')*.textContent*.trim()
            def operations = descendants(root, 'edam_operation')*.textContent*.trim()
            assert topics && topics.every { it ==~ /topic_\d{4}/ }, "$name: EDAM topics $topics"
            assert operations && operations.every { it ==~ /operation_\d{4}/ }, "$name: EDAM operations $operations"
            assert topics.size() == topics.toSet().size() && operations.size() == operations.toSet().size(), "$name: EDAM term twice"
            def dois = descendants(root, 'citation').findAll { it.getAttribute('type') == 'doi' }
            assert dois, "$name: no DOI citation"
            descendants(root, 'xref').each {
                assert it.getAttribute('type') in ['bio.tools', 'bioconductor', 'biii'] && it.textContent.trim(), "$name: xref"
            }
            def filtered = children(child(root, 'outputs')).any { children(it, 'filter') }
            if (filtered) {
                children(child(root, 'tests'), 'test').eachWithIndex { t, i ->
                    assert t.hasAttribute('expect_num_outputs'), "$name: test ${i + 1} lacks expect_num_outputs (outputs are filtered)"
                }
            }
        }
    }

    @Requires({ GalaxyToolsSpec.yamlPython() != null })
    def ".shed.yml parses, names the repository and includes every wrapper and the shared files"() {
        given:
        def r = exec([yamlPython(), '-c', 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)',
                      SHED.toString()], HOME, [:], 60)
        assert r.exitCode == 0, ".shed.yml does not parse: $r.stderr"
        def shed = new JsonSlurper().parseText(r.stdout) as Map

        expect:
        shed.name == 'regulens'
        shed.owner && shed.description && shed.long_description
        shed.type == 'unrestricted'
        shed.categories instanceof List && !shed.categories.isEmpty()
        def include = shed.include as List<String>
        (wrappers() - include).isEmpty()
        ['macros.xml', 'data_manager_conf.xml', 'tool_data_table_conf.xml.sample', 'test-data/*'].every { it in include }
        include.every { it.endsWith('*') || Files.exists(TOOLS.resolve(it)) }
    }

    /** A python3 that imports yaml (Debian python3-yaml), or null. */
    static String yamlPython() {
        ['python3', '/usr/bin/python3'].find { exec([it, '-c', 'import yaml'], HOME, [:], 60).exitCode == 0 }
    }

    def "tool ids are unique and lowercase; versions come from the macro tokens and match bin/regulens and the containers"() {
        given:
        def version = (run(['--version']).stdout =~ /regulens (\S+)/)[0][1]
        def container = (HOME.resolve('containers/images.config').text =~ /(?m)^\s*container\s*=\s*'([^']+)'/)[0][1]
        def ids = docs.collect { name, doc -> doc.documentElement.getAttribute('id') }

        expect:
        ids.size() == ids.toSet().size()
        ids.every { it ==~ /[a-z][a-z0-9_]*/ }
        container == "ghcr.io/regulens/regulens:$version"
        docs.each { name, doc ->
            assert TOOLS.resolve(name).text.contains(TOOL_VERSION_ATTRIBUTE), "$name: version is not $TOOL_VERSION_ATTRIBUTE"
            assert doc.documentElement.getAttribute('version') ==~ /${Pattern.quote(version)}\+galaxy\d+/, "$name: version"
            def containers = descendants(doc.documentElement, 'container')
            assert containers*.textContent == [container] && containers[0].getAttribute('type') == 'docker', "$name: container"
            assert doc.documentElement.getAttribute('profile'), "$name: no profile"
            assert child(doc.documentElement, 'version_command')?.textContent == 'regulens --version', "$name: version_command"
        }
    }

    def "every wrapper has help that explains it and DOI citations of its methods"() {
        expect:
        docs.each { name, doc ->
            def help = child(doc.documentElement, 'help')?.textContent ?: ''
            assert help.contains('**What it does**'), "$name: help lacks a 'What it does' section"
            assert help.length() > 600, "$name: help too short (${help.length()} characters)"
            def citations = descendants(doc.documentElement, 'citation')
            assert citations, "$name: no citations"
            def dois = citations.findAll { it.getAttribute('type') == 'doi' }*.textContent*.trim()
            dois.each { assert it ==~ /10\.\d{4,9}\/\S+/, "$name: not a DOI: $it" }
            def id = doc.documentElement.getAttribute('id')
            def missing = (REQUIRED_DOIS[id] ?: []) - dois
            assert missing.isEmpty(), "$name: does not cite $missing"
            assert dois.size() == dois.toSet().size(), "$name: a DOI is cited twice"
        }
    }

    def "commands stop on errors, quote their Cheetah variables and size threads from GALAXY_SLOTS"() {
        expect:
        docs.each { name, doc ->
            def command = child(doc.documentElement, 'command')
            def text = command.textContent
            assert command.getAttribute('detect_errors') == 'exit_code', "$name: detect_errors"
            def unquoted = (text =~ /(--[a-z0-9-]+|ln -s|cp|mkdir -p)[ =]+\$\{?[A-Za-z_]/).collect { it[0] }
            assert unquoted.isEmpty(), "$name: unquoted Cheetah variables: $unquoted"
            assert text.contains('export OMP_NUM_THREADS="\\${GALAXY_SLOTS:-1}"'), "$name: threads not from GALAXY_SLOTS"
            if ('--threads' in optionsOf(subcommandOf(doc))) {
                assert text.contains('--threads "\\${GALAXY_SLOTS:-1}"'), "$name: --threads not from GALAXY_SLOTS"
            }
        }
    }

    def "train, attribute, mirna train and mirna explain (only) declare that they can use one GPU"() {
        expect:
        docs.each { name, doc ->
            def resources = descendants(doc.documentElement, 'resource')
            def gpu = resources.any { it.getAttribute('type') == 'cuda_device_count_max' && it.textContent.trim() == '1' }
            assert gpu == (name in GPU_WRAPPERS), "$name: GPU resource $gpu"
            assert resources.every { it.getAttribute('type') == 'cuda_device_count_max' }, "$name: other resources"
        }
    }

    def "every regulens option a wrapper uses exists in that subcommand's --help"() {
        expect:
        docs.each { name, doc ->
            def sub = subcommandOf(doc)
            def known = optionsOf(sub)
            def used = (commandText(doc) =~ /(?<![\w-])--[a-z][a-z0-9-]*/).collect { it as String } as Set
            descendants(doc.documentElement, 'param').each { p ->
                ['argument', 'truevalue', 'falsevalue'].each { a ->
                    def v = p.getAttribute(a)
                    if (v.startsWith('--')) {
                        used << v
                    }
                }
            }
            def unknown = used - known
            assert unknown.isEmpty(), "$name: regulens $sub has no option(s) $unknown"
        }
    }

    /** Commands a hostile job may reach: each is a shim on an otherwise empty PATH that records its call. */
    static final List<String> SHIMMED = ['ln', 'mkdir', 'cp', 'mv', 'rm', 'touch', 'cat', 'gunzip', 'gzip', 'zcat', 'ls',
                                         'echo', 'sh', 'bash', 'env', 'python3', 'head', 'tail', 'sed', 'awk', 'grep',
                                         'tee', 'chmod', 'true', 'false', 'basename', 'dirname', 'readlink', 'find',
                                         'xargs', 'tar', 'mktemp', 'id', 'curl', 'wget', 'nc']
    /** Shimmed commands that are scripts running another shimmed command (Debian's gunzip and zcat exec gzip). */
    static final Map<String, List<String>> RUNS_ALSO = [gunzip: ['gzip'], zcat: ['gzip']]
    /** What a job's payload would create if it ran: PWNED_<word> (see HOSTILE in tests/galaxy/galaxy_tool.py). */
    static final Pattern CANARY = ~/PWNED_[a-z]+/
    /** A name the command may create in its working directory: no path escape, no option look-alike. */
    static final Pattern SAFE_COMPONENT = ~/[A-Za-z0-9_][A-Za-z0-9._-]*/
    static final List<String> SHELL_ERRORS = ['command not found', 'syntax error', 'unexpected EOF', 'bad substitution',
                                              'unexpected end of file']

    /** A directory of logging shims for {@link #SHIMMED} and a stub regulens that only records its argv. */
    Path shims() {
        def dir = work.resolve('shims')
        if (!Files.isExecutable(dir.resolve('regulens'))) {
            Files.createDirectories(dir)
            def mktemp = ['/usr/bin/mktemp', '/bin/mktemp'].find { Files.isExecutable(Path.of(it)) }
            SHIMMED.each { name ->
                def real = ["/usr/bin/$name", "/bin/$name"].find { Files.isExecutable(Path.of(it)) }
                def shim = dir.resolve(name)
                shim.text = """#!/bin/bash
f=\$($mktemp "\$REGULENS_SPEC_CALLS/${name}.XXXXXX") || exit 99
printf '%s\\0' "\$@" > "\$f"
${real ? "exec $real \"\$@\"" : 'exit 127'}
"""
                shim.toFile().setExecutable(true)
            }
            def stub = dir.resolve('regulens')
            stub.text = """#!/bin/bash
f=\$($mktemp "\$REGULENS_SPEC_CALLS/regulens.XXXXXX") || exit 99
printf '%s\\0' "\$@" > "\$f"
exit 0
"""
            stub.toFile().setExecutable(true)
        }
        dir
    }

    /** Every path under {@code dir} (relative), symbolic links not followed. */
    static List<String> tree(Path dir, Closure<Boolean> skip = { false }) {
        Files.walk(dir).withCloseable { s -> s.filter { !skip(it) }.map { dir.relativize(it).toString() }.sorted().toList() }
    }

    @Requires({ GalaxyToolsSpec.python(true) != null })
    def "hostile parameter values and element identifiers run no extra command and write nothing outside the job (#wrapper)"() {
        given: 'every test of the wrapper rendered once per hostile value (tests/galaxy/galaxy_tool.py hostile)'
        def out = work.resolve('hostile').resolve(wrapper.replace('/', '_') - '.xml')
        Files.createDirectories(out)
        def render = exec([python(true), HELPER.toString(), 'hostile', expanded[wrapper].toString(), out.toString(),
                           TEST_DATA.toString(), TEST_TABLES.toString()], HOME, [:], 300)
        assert render.exitCode == 0, "rendering $wrapper with hostile values failed: $render.stderr"
        def jobs = new JsonSlurper().parse(out.resolve('manifest.json').toFile()) as List<Map>
        def template = commandText(docs[wrapper])
        def allowed = (SHIMMED + ['regulens']).findAll { template =~ /(?<![\w\/.-])${Pattern.quote(it)}(?![\w\/.-])/ } as Set
        allowed += allowed.collectMany { RUNS_ALSO[it] ?: [] }
        def bin = shims()
        def failures = []

        when: 'each command runs in its job folder with only the shims and a stub regulens on PATH'
        jobs.each { job ->
            def sandbox = Path.of(job.sandbox as String)
            def working = Path.of(job.working as String)
            def calls = sandbox.resolveSibling('calls')  // the shims' log, outside the sandbox that is checked
            Files.createDirectories(calls)
            def outputs = Path.of(job.job_dir as String).resolve('outputs')
            // the working directory and Galaxy's output folder are the job's to write; everything else must stay
            def outside = { Path p -> (p.startsWith(working) && p != working) || (p.startsWith(outputs) && p != outputs) }
            def before = tree(sandbox, outside)
            def r = exec(['/bin/bash', Path.of(job.job_dir as String).resolve('command.sh').toString()], working,
                    [PATH: bin.toString(), REGULENS_SPEC_CALLS: calls.toString(), GALAXY_SLOTS: '1'], 60)
            def what = "$wrapper test ${job.test} variant ${job.variant}"
            def made = Files.list(calls).withCloseable { it.toList() }
            def argv = made.collectEntries { [(it.fileName.toString()): it.text.split('\0', -1).toList().dropRight(1)] }
            def names = argv.keySet().collect { it.substring(0, it.lastIndexOf('.')) }
            def regulens = argv.findAll { k, v -> k.startsWith('regulens.') }.values().toList()

            def canaries = tree(sandbox).findAll { CANARY.matcher(Path.of(it).fileName.toString()).matches() } +
                    Files.list(Path.of('/tmp')).withCloseable { s -> s.map { it.fileName.toString() }.toList() }
                            .findAll { it.startsWith('PWNED_') }
            if (canaries) {
                failures << "$what: a payload ran, it created $canaries"
            }
            // a text value is data: it may reach regulens whole (as --title ../../PWNED_up or LABEL=PATH); any other
            // argument, and any argument of another command, that names a payload's file came from a broken quote or
            // from an element identifier put into a path
            def textValues = (job.text_values as List<String>).findAll { it }.sort { -it.length() }
            def named = { String a -> a && CANARY.matcher((Path.of(a).fileName ?: '').toString()).matches() }
            def canaryArgs = argv.findAll { k, v ->
                v.any { String a -> named(k.startsWith('regulens.') ? textValues.inject(a) { rest, t -> rest.replace(t, '') } : a) }
            }
            if (canaryArgs) {
                failures << "$what: a command got a payload's file as an argument: $canaryArgs"
            }
            if (!(names as Set).every { it in allowed }) {
                failures << "$what: commands not in the wrapper ran: ${(names as Set) - allowed}"
            }
            if (regulens.size() != 1) {
                failures << "$what: regulens ran ${regulens.size()} times (exit ${r.exitCode}, stderr: ${r.stderr.trim()})"
            }
            def shellErrors = SHELL_ERRORS.findAll { r.stderr.contains(it) }
            if (shellErrors) {
                failures << "$what: the shell reported ${shellErrors}: ${r.stderr.trim()}"
            }
            def after = tree(sandbox, outside)
            if (after != before) {
                failures << "$what: files appeared outside the working directory: ${after - before}"
            }
            def unsafe = tree(working).findAll { it }.findAll { p -> !Path.of(p).every { SAFE_COMPONENT.matcher(it.toString()).matches() } }
            if (unsafe) {
                failures << "$what: unsafe names in the working directory: $unsafe"
            }
            if (regulens.size() == 1) {
                def args = regulens[0]
                (job.expected_args as List<List<String>>).each { opt, value ->
                    def i = args.indexOf(opt)
                    if (!(i >= 0 && i + 1 < args.size() && args[i + 1] == value) && !args.contains("$opt=$value".toString())) {
                        failures << "$what: $opt did not reach regulens as the one argument '$value': $args"
                    }
                }
            }
        }

        then:
        jobs.size() >= 12
        assert failures.isEmpty(), "${failures.size()} problem(s), the first 20:\n" + failures.take(20).join('\n')

        where:
        wrapper << wrappers()
    }

    def "every output is tested by at least one test"() {
        expect:
        docs.each { name, doc ->
            def outputs = children(child(doc.documentElement, 'outputs'))*.getAttribute('name')
            def tests = children(child(doc.documentElement, 'tests'), 'test')
            assert tests, "$name: no tests"
            def tested = tests.collectMany { t -> (children(t, 'output') + children(t, 'output_collection'))*.getAttribute('name') } as Set
            assert (outputs - tested).isEmpty(), "$name: outputs never tested: ${outputs - tested}"
            assert (tested - outputs).isEmpty(), "$name: tests name unknown outputs: ${tested - outputs}"
        }
    }

    def "the motif database data table: sample configuration, .loc sample, data manager and test table agree"() {
        given:
        def users = docs.findAll { name, doc ->
            descendants(doc.documentElement, 'options').any { it.getAttribute('from_data_table') == 'regulens_motif_databases' }
        }.keySet()
        def sample = parse(TOOLS.resolve('tool_data_table_conf.xml.sample')).documentElement
        def table = children(sample, 'table').find { it.getAttribute('name') == 'regulens_motif_databases' }
        def manager = parse(TOOLS.resolve('data_manager_conf.xml')).documentElement
        def testLoc = TEST_DATA.resolve('regulens_motif_databases.loc').readLines().findAll { it && !it.startsWith('#') }

        expect:
        users == ['regulens_compare.xml', 'regulens_filters.xml', 'regulens_gia.xml', 'regulens_report.xml', 'regulens_scan.xml',
                  'regulens_simulate.xml'] as Set
        table != null
        child(table, 'columns').textContent.split(',')*.trim() == ['value', 'name', 'path']
        child(table, 'file').getAttribute('path') == 'tool-data/regulens_motif_databases.loc'
        Files.isRegularFile(TOOLS.resolve('tool-data/regulens_motif_databases.loc.sample'))
        def dm = child(manager, 'data_manager')
        Files.isRegularFile(TOOLS.resolve(dm.getAttribute('tool_file')))
        child(dm, 'data_table').getAttribute('name') == 'regulens_motif_databases'
        descendants(dm, 'column')*.getAttribute('name') == ['value', 'name', 'path']
        testLoc == ['JASPAR2024\tJASPAR 2024 CORE vertebrates non-redundant (bundled with regulens)\tJASPAR2024']
    }

    @Requires({ GalaxyToolsSpec.python(true) != null })
    def "Galaxy test #index of #wrapper passes"() {
        given:
        def jobDir = work.resolve('jobs').resolve(wrapper.replace('/', '_') - '.xml').resolve("test$index")
        def working = jobDir.resolve('working')
        Files.createDirectories(working)
        def doc = docs[wrapper]
        def test = children(child(doc.documentElement, 'tests'), 'test')[index]

        when: 'the command is rendered with Cheetah as Galaxy would'
        def render = exec([python(true), HELPER.toString(), 'render', expanded[wrapper].toString(), index.toString(),
                           jobDir.toString(), TEST_DATA.toString(), TEST_TABLES.toString()], HOME, [:], 120)
        assert render.exitCode == 0, "rendering test $index of $wrapper failed: $render.stderr"
        def job = new JsonSlurper().parse(jobDir.resolve('job.json').toFile()) as Map

        and: 'it runs with bin/ on PATH in a fresh working directory'
        def env = [PATH: "${HOME.resolve('bin')}:${System.getenv('PATH')}".toString(), GALAXY_SLOTS: '2']
        def started = System.nanoTime()
        def r = exec(['bash', '-e', jobDir.resolve('command.sh').toString()], working, env, 600)
        println "$wrapper test $index: ${String.format('%.1f', (System.nanoTime() - started) / 1e9)} s"

        and: 'Galaxy collects the outputs'
        assert r.exitCode == 0, "command of test $index of $wrapper failed:\n${job.command}\n$r"
        def outputs = job.outputs as Map<String, Map>
        outputs.each { name, o ->
            if (o.kept && o.from_work_dir) {
                def produced = working.resolve(o.from_work_dir as String)
                assert Files.isRegularFile(produced), "$wrapper test $index: output $name ($o.from_work_dir) was not written"
                Files.copy(produced, Path.of(o.path as String))
            }
            if (o.kept) {
                assert Files.isRegularFile(Path.of(o.path as String)), "$wrapper test $index: output $name missing"
            }
        }

        then:
        verifyTest("$wrapper test $index", test, job, working)

        where:
        [wrapper, index] << galaxyTests()
    }

    /** The test's expectations: the number of outputs its filters keep, its outputs and output collections. */
    static void verifyTest(String what, Element test, Map job, Path working) {
        def outputs = job.outputs as Map<String, Map>
        if (test.hasAttribute('expect_num_outputs')) {
            // as Galaxy counts them: datasets and collections the filters keep
            def kept = outputs.findAll { k, o -> o.kept }.keySet() + (job.collections as Map<String, Map>).findAll { k, c -> c.kept }.keySet()
            assert kept.size() == test.getAttribute('expect_num_outputs') as int, "outputs kept by the filters: $kept"
        }
        children(test, 'output').each { out ->
            def name = out.getAttribute('name')
            assert outputs[name]?.kept, "$what: output $name is filtered out or unknown"
            checkOutput("$what output $name", Path.of(outputs[name].path as String), out)
        }
        children(test, 'output_collection').each { out ->
            def name = out.getAttribute('name')
            def c = (job.collections as Map)[name] as Map
            assert c?.kept, "$what: collection $name is filtered out or unknown"
            def pattern = Pattern.compile((c.pattern as String).replace('(?P<', '(?<'))
            def found = [:]
            Files.list(working.resolve(c.directory as String)).withCloseable { s ->
                s.toList().each { f ->
                    def m = pattern.matcher(f.fileName.toString())
                    if (m.matches()) {
                        found[m.group('designation')] = f
                    }
                }
            }
            if (out.hasAttribute('count')) {
                assert found.size() == out.getAttribute('count') as int, "$what: collection $name has ${found.keySet()}"
            }
            children(out, 'element').each { e ->
                def element = e.getAttribute('name')
                assert found[element], "$what: collection $name has no element $element (${found.keySet()})"
                checkOutput("$what collection $name element $element", found[element] as Path, e)
            }
        }
    }

    /** Galaxy's output checks: {@code file} (compare diff or sim_size) and the assertions we use. */
    static void checkOutput(String what, Path actual, Element spec) {
        if (spec.hasAttribute('file')) {
            def expected = TEST_DATA.resolve(spec.getAttribute('file'))
            assert Files.isRegularFile(expected), "$what: test-data file ${spec.getAttribute('file')} missing"
            def compare = spec.getAttribute('compare') ?: 'diff'
            if (compare == 'diff') {
                def a = actual.readLines()
                def e = expected.readLines()
                int allowed = (spec.getAttribute('lines_diff') ?: '0') as int
                int differing = Math.abs(a.size() - e.size()) + (0..<Math.min(a.size(), e.size())).count { a[it] != e[it] }
                assert differing <= allowed, "$what differs from ${expected.fileName} in $differing line(s); first: " +
                        "${(0..<Math.min(a.size(), e.size())).find { a[it] != e[it] }?.with { "line ${it + 1}: '${a[it]}' vs '${e[it]}'" }}"
            } else if (compare == 'sim_size') {
                long delta = (spec.getAttribute('delta') ?: '10000') as long
                assert Math.abs(Files.size(actual) - Files.size(expected)) <= delta, "$what: size ${Files.size(actual)} vs ${Files.size(expected)}"
            } else {
                assert false, "$what: compare=$compare is not implemented here"
            }
        }
        def asserts = child(spec, 'assert_contents')
        children(asserts).each { a -> checkAssertion(what, actual, a) }
    }

    static void checkAssertion(String what, Path file, Element a) {
        String kind = a.tagName
        def attr = { String key -> a.hasAttribute(key) ? a.getAttribute(key) : null }
        switch (kind) {
            case 'has_text':
                assert file.text.contains(attr('text')), "$what: no text '${attr('text')}'"
                break
            case 'not_has_text':
                assert !file.text.contains(attr('text')), "$what: has text '${attr('text')}'"
                break
            case 'has_text_matching':
                assert Pattern.compile(attr('expression')).matcher(file.text).find(), "$what: nothing matches /${attr('expression')}/"
                break
            case 'has_line':
                assert file.readLines().contains(attr('line')), "$what: no line '${attr('line')}'"
                break
            case 'has_line_matching':
                def p = Pattern.compile(attr('expression'))
                assert file.readLines().any { p.matcher(it).matches() }, "$what: no line matches /${attr('expression')}/"
                break
            case 'has_n_lines':
                checkCount(what + ' lines', file.readLines().size(), attr)
                break
            case 'has_n_columns':
                def sep = attr('sep') ?: '\t'
                def comment = attr('comment')
                def lines = file.readLines().findAll { it && !(comment && it.startsWith(comment)) }
                assert lines, "$what: no lines to count columns in"
                lines.eachWithIndex { line, i -> checkCount("$what columns of line ${i + 1}", line.split(Pattern.quote(sep), -1).length, attr) }
                break
            case 'has_size':
                checkCount(what + ' size', Files.size(file), attr, 'value')
                break
            case 'has_archive_member':
                // Galaxy's form: the member's path as a regular expression, optionally with assertions on its content
                def p = Pattern.compile(attr('path'))
                new ZipFile(file.toFile()).withCloseable { z ->
                    def names = z.entries().collect { it.name }
                    def member = names.find { p.matcher(it).matches() }
                    assert member, "$what: no archive member /${attr('path')}/ in $names"
                    def nested = children(a)
                    if (nested) {
                        def extracted = Files.createTempFile('galaxy-member', '.dat')
                        try {
                            z.getInputStream(z.getEntry(member)).withCloseable { extracted.bytes = it.bytes }
                            nested.each { checkAssertion("$what member $member", extracted, it) }
                        } finally {
                            Files.deleteIfExists(extracted)
                        }
                    }
                }
                break
            default:
                assert false, "$what: assertion <$kind> is not implemented by GalaxyToolsSpec"
        }
    }

    static void checkCount(String what, long actual, Closure<String> attr, String key = 'n') {
        if (attr(key) != null) {
            long delta = (attr('delta') ?: '0') as long
            assert Math.abs(actual - (attr(key) as long)) <= delta, "$what: $actual, expected ${attr(key)} ± $delta"
        }
        if (attr('min') != null) {
            assert actual >= (attr('min') as long), "$what: $actual < ${attr('min')}"
        }
        if (attr('max') != null) {
            assert actual <= (attr('max') as long), "$what: $actual > ${attr('max')}"
        }
    }

    def "running the Galaxy tests leaves test-data as it was"() {
        expect:
        listing(TEST_DATA) == testDataBefore
    }
}
