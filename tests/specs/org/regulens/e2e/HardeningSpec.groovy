package org.regulens.e2e

import org.regulens.io.TempNames
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

import static org.regulens.e2e.RegulensRunner.run

/**
 * What a scheduler, a Galaxy cancel or a careless command line does to a run: an output that is an input, a
 * SIGTERM, a SIGKILL, a task without positives, a usage slip. Each must end in one clear line, a prompt exit and
 * no damage.
 */
class HardeningSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path data

    /** 300 random 60-bp sequences; task a: positives carry GGGACTTTCC, task b: no positive at all. */
    def setupSpec() {
        def random = new Random(7)
        def rows = ['name\tsequence\ta\tb']
        300.times { i ->
            def seq = (1..60).collect { 'ACGT'[random.nextInt(4)] }.join()
            boolean positive = i % 2 == 0
            if (positive) {
                seq = seq.substring(0, 25) + 'GGGACTTTCC' + seq.substring(35)
            }
            rows << "s${i}\t${seq}\t${positive ? 1 : 0}\t0"
        }
        def table = dir.resolve('table.tsv')
        table.text = rows.join('\n') + '\n'
        data = dir.resolve('data.npz')
        def r = run(['encode', '--sequences', table, '--out', data, '-q'])
        assert r.exitCode == 0: r
    }

    static List<String> hidden(Path folder) {
        Files.list(folder).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.startsWith('.') }.toList() }
    }

    Path file(String name, String text = 'input that must survive\n') {
        def f = dir.resolve(name)
        f.text = text
        f
    }

    @Unroll
    def "#command refuses an output that is its input #input, before any work, and leaves the input untouched"() {
        given:
        def victim = file("victim-${command.replace(' ', '-')}.dat")
        def other = file('other.dat')
        def args = arguments.call(victim, other)
        def before = victim.bytes

        when:
        def r = run(command.split(' ').toList() + args)
        def lines = r.stderr.readLines()

        then:
        r.exitCode == 2
        lines.size() == 2
        lines[0].startsWith("regulens ${command}: error: ")
        lines[0].contains("is the same file as the input ${input} ${victim}")
        lines[1] == "see 'regulens ${command} --help'"
        victim.bytes == before

        where:
        command              | input           | arguments
        'encode'             | '--peaks'       | { v, o -> ['--genome', o, '--peaks', v, '--width', 100, '--out', v] }
        'encode'             | '--sequences'   | { v, o -> ['--sequences', v, '--out', v] }
        'train'              | '--data'        | { v, o -> ['--data', v, '--out', v] }
        'evaluate'           | '--data'        | { v, o -> ['--model', o, '--data', v, '--out', v] }
        'predict'            | '--model'       | { v, o -> ['--model', v, '--data', o, '--out', v] }
        'attribute'          | '--data'        | { v, o -> ['--model', o, '--data', v, '--out', v] }
        'attribute'          | '--model'       | { v, o -> ['--model', v, '--data', o, '--out', o.resolveSibling('a.npz'), '--modisco', v] }
        'attribute merge'    | 'SHARD.npz'     | { v, o -> [o, v, '--out', v] }
        'variants'           | '--vcf'         | { v, o -> ['--model', o, '--genome', o, '--vcf', v, '--out', o.resolveSibling('e.tsv'), '--attribute', 'ism', '--attributions', v] }
        'filters'            | '--model'       | { v, o -> ['--model', v, '--data', o, '--out', v] }
        'motifs'             | '--attributions' | { v, o -> ['--attributions', v, '--out', v] }
        'compare'            | '--query'       | { v, o -> ['--query', v, '--out', v] }
        'scan'               | '--bed'         | { v, o -> ['--motifs', o, '--bed', v, '--genome', o, '--out', o.resolveSibling('h.tsv'), '--bed-out', v] }
        'report'             | '--data'        | { v, o -> ['--data', v, '--out', v] }
        'mirna train'        | '--pairs'       | { v, o -> ['--pairs', v, '--out', v] }
        'mirna predict'      | '--pairs'       | { v, o -> ['--model', o, '--pairs', v, '--out', v] }
    }

    def "the same file through a symbolic link or a hard link is refused too"() {
        given:
        def victim = file('linked.dat')
        def symbolic = Files.createSymbolicLink(dir.resolve('symbolic.dat'), victim)
        def hard = Files.createLink(dir.resolve('hard.dat'), victim)

        expect:
        [symbolic, hard].every { link ->
            def r = run(['evaluate', '--model', file('m.dat'), '--data', victim, '--out', link])
            r.exitCode == 2 && r.stderr.contains("--out ${link} is the same file as the input --data ${victim}")
        }
        victim.text == 'input that must survive\n'
    }

    def "a usage error is one line and a pointer to --help, not the whole usage text"() {
        when:
        def r = run(['train', '--data', data, '--out', dir.resolve('u.zip'), '--epochs', 'many'])

        then:
        r.exitCode == 2
        r.stderr.readLines() == ["regulens train: error: Invalid value for option '--epochs': 'many' is not an int",
                                 "see 'regulens train --help'"]
        r.stdout.isEmpty()
    }

    def "an unknown subcommand is an error whatever follows it, --help included"() {
        when:
        def r = run(['nosuch', '--help'])

        then:
        r.exitCode == 2
        r.stdout.isEmpty()
        r.stderr.readLines()[0].startsWith("regulens: error: unknown command 'nosuch'; the commands are simulate, encode")
    }

    def "a task without positives: train warns, attribute --label positive fails with one line and writes nothing"() {
        given:
        def model = dir.resolve('zero.zip')
        def attributions = dir.resolve('zero-attr.npz')

        when:
        def trained = run(['train', '--data', data, '--out', model, '--epochs', 1, '--arch', 'deepbind'])
        def attributed = run(['attribute', '--model', model, '--data', data, '--task', 'b', '--label', 'positive',
                              '--method', 'saliency', '--out', attributions])

        then:
        trained.exitCode == 0
        trained.stderr.contains('WARNING: task b has no positives among its')
        !trained.stderr.contains('WARNING: task a ')
        attributed.exitCode == 1
        attributed.stderr.readLines().findAll { !it.startsWith('[') } ==
                ["regulens attribute: error: ${data}: no row to explain: split all, label positive for task b selects none of 300 rows".toString()]
        !Files.exists(attributions)
    }

    /** Starts bin/regulens train in the background; its stderr goes to a file. */
    Process startTraining(Path out, Path err, Map<String, String> env = [:]) {
        def builder = new ProcessBuilder([RegulensRunner.LAUNCHER.toString(), 'train', '--data', data.toString(),
                                          '--out', out.toString(), '--epochs', '200', '--patience', '200'])
        builder.environment().putAll(env)
        builder.redirectErrorStream(true).redirectOutput(err.toFile()).start()
    }

    static void awaitLine(Path log, String text, Process process) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5)
        while (!(Files.exists(log) && log.text.contains(text))) {
            // the messages are built on every pass: the file may not exist yet
            assert process.alive: "the run ended before '$text': ${Files.exists(log) ? log.text : 'no ' + log}"
            assert System.nanoTime() < deadline: "no '$text' within 5 minutes: ${Files.exists(log) ? log.text : 'no ' + log}"
            Thread.sleep(100)
        }
    }

    def "SIGTERM right after an epoch stops train within seconds; it leaves no temporary, only complete files"() {
        given:
        def folder = Files.createDirectories(dir.resolve('sigterm'))
        def out = folder.resolve('model.zip')
        def log = dir.resolve('sigterm.log')
        def process = startTraining(out, log)

        when: 'the training log on disk holds epoch 1 (it is rewritten after every epoch)'
        awaitLine(folder.resolve('model.training.tsv'), '\ttrue\n', process)
        long signalled = System.nanoTime()
        process.destroy()   // SIGTERM to bin/regulens, as a scheduler or a Galaxy cancel sends it
        boolean ended = process.waitFor(30, TimeUnit.SECONDS)
        def left = Files.list(folder).withCloseable { s -> s.map { it.fileName.toString() }.toList() }

        then:
        ended
        process.exitValue() == 143
        (System.nanoTime() - signalled) / 1e9 < 20

        and: 'the log of the finished epochs, every line whole; the best-so-far model only if its save had finished'
        left.every { it in ['model.training.tsv', 'model.zip'] }
        completeTrainingLog(folder.resolve('model.training.tsv'))
        !left.contains('model.zip') || new java.util.zip.ZipFile(out.toFile()).withCloseable { it.size() > 0 }
    }

    /** A training log of at least one epoch whose every line has all nine columns. */
    static boolean completeTrainingLog(Path tsv) {
        def lines = tsv.readLines()
        lines[0].startsWith('epoch\t') && lines.size() >= 2 && lines.every { it.split('\t', -1).length == 9 }
    }

    def "a JVM that ignores SIGTERM is killed after REGULENS_STOP_GRACE seconds"() {
        given: 'a stand-in java that ignores SIGTERM, as a JVM hung in a native exit handler does'
        def fakeHome = Files.createDirectories(dir.resolve('hung-jdk/bin'))
        def java = fakeHome.resolve('java')
        java.text = '#!/bin/bash\ntrap "" TERM INT\necho started\nwhile true; do sleep 1; done\n'
        java.toFile().setExecutable(true)
        def jar = file('fake.jar')
        def log = dir.resolve('hung.log')
        def process = startTraining(dir.resolve('never.zip'), log,
                [JAVA_HOME: fakeHome.parent.toString(), REGULENS_JAR: jar.toString(), REGULENS_STOP_GRACE: '2'])

        when:
        awaitLine(log, 'started', process)
        def child = process.toHandle().children().findFirst().get()
        process.destroy()
        boolean ended = process.waitFor(20, TimeUnit.SECONDS)

        then:
        ended
        process.exitValue() == 143
        log.text.contains('regulens: still running 2 s after SIGTERM: killed')
        !child.alive
    }

    def "after a SIGKILL the training log of the finished epochs remains; the next run sweeps the killed one's temporaries"() {
        given:
        def folder = Files.createDirectories(dir.resolve('sigkill'))
        def out = folder.resolve('model.zip')
        def log = dir.resolve('sigkill.log')
        def process = startTraining(out, log)

        when: 'the JVM itself is killed outright once epoch 1 is in the log: no shutdown hook runs'
        awaitLine(folder.resolve('model.training.tsv'), '\ttrue\n', process)
        def jvm = process.toHandle().children().findFirst().get()
        jvm.destroyForcibly()
        process.waitFor(30, TimeUnit.SECONDS)
        def left = hidden(folder)

        then: 'the log of the finished epochs is whole; the only temporaries are a best-so-far model being saved'
        completeTrainingLog(folder.resolve('model.training.tsv'))
        left.every { it ==~ /\.model\.zip\.regulens-${jvm.pid()}-[0-9a-z]+@[A-Za-z0-9-]*\.part/ }

        when: 'a temporary of the killed JVM is there (the kill leaves one only when it strikes during a save)'
        if (left.isEmpty()) {
            def name = TempNames.beside(out, '.part').fileName.toString().replaceFirst(/regulens-\d+-/, "regulens-${jvm.pid()}-")
            folder.resolve(name).text = 'half a model'
        }
        and: 'the same output is written again'
        def again = run(['train', '--data', data, '--out', out, '--epochs', 1, '--arch', 'deepbind'])

        then: 'the next run removed it, said so, and wrote its outputs'
        again.exitCode == 0
        again.stderr.contains('temporary file(s) of')
        hidden(folder).isEmpty()
        Files.exists(out)
    }

    def "a JVM whose launcher is killed outright stops by itself"() {
        given:
        def folder = Files.createDirectories(dir.resolve('orphan'))
        def log = dir.resolve('orphan.log')
        def process = startTraining(folder.resolve('model.zip'), log)

        when:
        awaitLine(log, 'parameters;', process)
        def jvm = process.toHandle().children().findFirst().get()
        process.destroyForcibly()   // SIGKILL reaches the launcher script only
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (jvm.alive && System.nanoTime() < deadline) {
            Thread.sleep(100)
        }

        then:
        !jvm.alive
        log.text.contains('was killed: stopping')
        and: 'no temporaries; the training log so far and at most the best-so-far model of a finished epoch, complete'
        def left = Files.list(folder).withCloseable { it.toList() }
        left.every { it.fileName.toString() in ['model.zip', 'model.training.tsv'] }
        left.findAll { it.fileName.toString() == 'model.zip' }
                .every { f -> new java.util.zip.ZipFile(f.toFile()).withCloseable { it.size() > 0 } }
        folder.resolve('model.training.tsv').readLines().every { it.split('\t', -1).length == 9 }
    }
}
