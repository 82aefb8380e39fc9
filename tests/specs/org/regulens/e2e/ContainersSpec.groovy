package org.regulens.e2e

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * What can be checked of the container images without building them (no registry is reachable here): every file a
 * Dockerfile copies from the build context exists after mvn package, the jar comes from a Maven build stage, the
 * runtime stage is a JRE with bash and procps and runs as a non-root user, the default command is
 * `regulens --version` and the launcher finds the jar in the image's layout, and the pipeline's profiles use the
 * images that containers/images.config names.
 */
class ContainersSpec extends Specification {

    static final Path HOME = RegulensRunner.HOME

    @TempDir Path dir

    /** A Dockerfile's instructions: continuation lines joined, comments dropped, [keyword, arguments]. */
    static List<List<String>> instructions(Path dockerfile) {
        def joined = dockerfile.text.replaceAll(/\\\n/, ' ')
        joined.readLines().collect { it.trim() }.findAll { it && !it.startsWith('#') }
                .collect { line -> def parts = line.split(/\s+/, 2); [parts[0].toUpperCase(), parts.size() > 1 ? parts[1] : ''] }
    }

    /** Instructions grouped by stage (each FROM starts one). */
    static List<List<List<String>>> stages(Path dockerfile) {
        def result = []
        instructions(dockerfile).each { i -> if (i[0] == 'FROM') result << []; result.last() << i }
        result
    }

    static String version() {
        (HOME.resolve('pom.xml').text =~ /<artifactId>regulens<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
    }

    static Map<String, String> images() {
        def text = HOME.resolve('containers/images.config').text
        ['container', 'container_gpu'].collectEntries { [it, (text =~ /(?m)^\s*${it}\s*=\s*'([^']+)'/)[0][1]] }
    }

    def "#name: every file copied from the build context exists after mvn package; the jar comes from a Maven stage"() {
        given:
        def file = HOME.resolve("containers/$name")
        def all = stages(file)
        def build = all.find { s -> s[0][1] =~ /(?i)\bAS\s+build\b/ }
        def runtime = all.last()
        def copies = instructions(file).findAll { it[0] in ['COPY', 'ADD'] }

        expect:
        Files.exists(HOME.resolve('target/regulens.jar'))
        copies.findAll { !it[1].startsWith('--from') }.every { c ->
            def sources = c[1].split(/\s+/).dropRight(1)
            sources.every { Files.exists(HOME.resolve(it)) }
        }
        build.any { it[0] == 'RUN' && it[1] =~ /mvn .*package/ }
        runtime.any { it[0] == 'COPY' && it[1] ==~ /--from=build \/src\/target\/regulens\.jar \/usr\/local\/share\/regulens\/regulens\.jar/ }
        runtime.any { it[0] == 'COPY' && it[1] == 'bin/regulens /usr/local/bin/regulens' }

        where:
        name << ['Dockerfile', 'Dockerfile.gpu']
    }

    def "#name: a JRE runtime with bash and procps, non-root, BioContainers labels, CMD regulens --version"() {
        given:
        def runtime = stages(HOME.resolve("containers/$name")).last()
        def text = runtime.collect { it.join(' ') }.join('\n')
        def labels = runtime.findAll { it[0] == 'LABEL' }*.get(1).join(' ')

        expect:
        runtime[0][1] ==~ base
        text =~ /apt-get install[^\n]*\bbash\b/ && text =~ /apt-get install[^\n]*\bprocps\b/
        !(runtime[0][1] =~ /(?i)jdk/) && !(text =~ /openjdk-\d+-jdk/)
        runtime.find { it[0] == 'USER' }?.get(1) ==~ /[1-9]\d*(:\d+)?/
        runtime.find { it[0] == 'CMD' }?.get(1) == '["regulens", "--version"]'
        ['software="regulens"', "software.version=\"${version()}\"", 'about.summary=', 'base_image=', 'about.tags=']
                .every { labels.contains(it) }

        where:
        name             | base
        'Dockerfile'     | 'eclipse-temurin:17-jre-jammy'
        'Dockerfile.gpu' | 'nvidia/cuda:11\\.6\\.\\d+-cudnn8-runtime-ubuntu\\d+\\.\\d+'
    }

    def "in the image's layout (/usr/local/bin, /usr/local/share/regulens) the default command prints the version"() {
        given:
        def bin = Files.createDirectories(dir.resolve('usr/local/bin'))
        def share = Files.createDirectories(dir.resolve('usr/local/share/regulens'))
        Files.copy(HOME.resolve('bin/regulens'), bin.resolve('regulens'))
        bin.resolve('regulens').toFile().setExecutable(true)
        Files.createSymbolicLink(share.resolve('regulens.jar'), HOME.resolve('target/regulens.jar'))

        when:
        def builder = new ProcessBuilder(bin.resolve('regulens').toString(), '--version').redirectErrorStream(true)
        builder.environment().remove('REGULENS_JAR')
        def process = builder.start()
        def output = process.inputStream.text
        process.waitFor()

        then:
        process.exitValue() == 0
        output.readLines()[0] == "regulens ${version()}"
    }

    def "the images are named once, tagged with the regulens version, and the pipeline's profiles use them"() {
        given:
        def config = HOME.resolve('nextflow.config').text
        def gpu = HOME.resolve('conf/gpu.config').text
        def build = HOME.resolve('containers/build.sh').text

        expect:
        images().values().every { it.endsWith(":${version()}") }
        config.contains("includeConfig 'containers/images.config'")
        !(config =~ /ghcr\.io|docker\.io|quay\.io/)
        config =~ /docker \{[^}]*process\.container\s*=\s*params\.container\b/
        config =~ /singularity \{[^}]*process\.container\s*=\s*"docker:\/\/\$\{params\.container\}"/
        config =~ /apptainer \{[^}]*process\.container\s*=\s*"docker:\/\/\$\{params\.container\}"/
        gpu =~ /container\s*=\s*params\.container_gpu/
        build.contains('containers/images.config')
        HOME.resolve('containers/regulens.def').text.contains("From: ${images().container}")
    }
}
