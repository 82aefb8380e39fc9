package org.regulens.e2e

import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/** bin/regulens: finding the jar, passing JAVA_OPTS, choosing ND4J's native build. */
class LauncherSpec extends Specification {

    @TempDir
    Path dir

    static boolean cpuHasAvx2() {
        def info = Path.of('/proc/cpuinfo')
        Files.isReadable(info) && info.text.split(/\s+/).contains('avx2')
    }

    def "a missing REGULENS_JAR is a one-line error"() {
        when:
        def r = run(['--version'], [REGULENS_JAR: dir.resolve('nope.jar').toString()])
        then:
        r.exitCode == 1
        r.stderr.trim() == "regulens: error: REGULENS_JAR=${dir.resolve('nope.jar')} does not exist"
    }

    def "the launcher works through a symbolic link from another folder"() {
        given:
        def link = dir.resolve('regulens')
        Files.createSymbolicLink(link, RegulensRunner.LAUNCHER)

        when:
        def p = new ProcessBuilder(link.toString(), '--version').directory(dir.toFile()).start()
        def out = p.inputStream.text

        then:
        p.waitFor() == 0
        out.startsWith('regulens ')
    }

    def "JAVA_OPTS reaches the JVM"() {
        when: 'a heap too small to start proves the option was passed'
        def r = run(['--version'], [JAVA_OPTS: '-Xmx1m'])
        then:
        r.exitCode != 0
        (r.stderr + r.stdout).toLowerCase().contains('heap')
    }

    def "REGULENS_MEMORY_MB sizes the heap (40%) and bounds the process (90%); JAVA_OPTS wins; nonsense is refused"() {
        when:
        def sized = run(['--version'], [REGULENS_MEMORY_MB: '1000', JAVA_OPTS: '-XX:+PrintFlagsFinal'])
        def overridden = run(['--version'], [REGULENS_MEMORY_MB: '1000', JAVA_OPTS: '-Xmx1m'])
        def bad = run(['--version'], [REGULENS_MEMORY_MB: '2g'])

        then: '400 MB = 419,430,400 bytes'
        sized.exitCode == 0
        sized.stdout =~ /MaxHeapSize\s*=\s*419430400\b/
        overridden.exitCode != 0
        bad.exitCode == 2
        bad.stderr.trim() == "regulens: REGULENS_MEMORY_MB must be a whole number of MB, at least 256 (got '2g')"
    }

    @Requires({ LauncherSpec.cpuHasAvx2() })
    def "on an AVX2 CPU the oneDNN build loads; REGULENS_ND4J_BUILD=plain forces the plain one"() {
        when:
        def fast = run(['backend'])
        def plain = run(['backend'], [REGULENS_ND4J_BUILD: 'plain'])

        then:
        fast.exitCode == 0
        fast.stdout.contains('loaded native library: ') && fast.stdout.contains('linux-x86_64-onednn-avx2/')
        plain.exitCode == 0
        plain.stdout.contains('linux-x86_64/libjnind4jcpu')
        !plain.stdout.contains('onednn')
    }

    def "an unwritable HOME still loads the native backend (cache under TMPDIR)"() {
        when:
        def r = run(['backend'], [HOME: dir.resolve('missing/home').toString(), TMPDIR: dir.toString()])
        then:
        r.exitCode == 0
        r.stdout.contains('backend: CpuBackend')
        r.stdout.contains("loaded native library: ${dir}/regulens-")
    }

    def "a GPU of compute capability 9 or more makes the CPU backend win, with one line naming it; 8.x and below say nothing"() {
        given: 'a stand-in nvidia-smi on the PATH that answers --query-gpu=name,compute_cap, one line per GPU'
        def bin = Files.createDirectories(dir.resolve('fakebin'))
        def smi = bin.resolve('nvidia-smi')
        String path = "${bin}:${System.getenv('PATH')}".toString()

        when:
        smi.text = "#!/bin/sh\nprintf '${gpus.join('\\n')}\\n'\n"
        smi.toFile().setExecutable(true)
        def r = run(['--version'], [PATH: path])
        def lines = r.stderr.readLines().findAll { it.contains('using the CPU backend') }

        then:
        r.exitCode == 0
        lines.size() == (named ? 1 : 0)
        !named || lines[0].contains("GPU ${named} (compute capability") && lines[0].contains('3.7-8.x')

        where:
        gpus                                                || named
        ['NVIDIA H200, 9.0']                                || 'NVIDIA H200'
        ['NVIDIA A100-SXM4-80GB, 8.0', 'NVIDIA B200, 10.0'] || 'NVIDIA B200'
        ['NVIDIA A10, 8.6']                                 || null
        ['Tesla V100-SXM2-16GB, 7.0', 'NVIDIA L4, 8.9']     || null
        ['NVIDIA L40S, 8.9', 'NVIDIA H100 80GB HBM3, 9.0']  || 'NVIDIA H100 80GB HBM3'
        ['NVIDIA GB200, 12.0']                              || 'NVIDIA GB200'
        ['Tesla T4, 7.5']                                   || null
    }

    def "REGULENS_DEVICE must be auto, cpu or gpu"() {
        expect:
        run(['--version'], [REGULENS_DEVICE: 'tpu']).exitCode == 2
        run(['--version'], [REGULENS_DEVICE: 'cpu']).exitCode == 0
    }

    def "an unknown REGULENS_ND4J_BUILD is a usage error"() {
        expect:
        run(['--version'], [REGULENS_ND4J_BUILD: 'avx512']).exitCode == 2
    }
}
