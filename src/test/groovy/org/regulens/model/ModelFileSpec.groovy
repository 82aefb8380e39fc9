package org.regulens.model

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.deeplearning4j.nn.graph.ComputationGraph
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.SplittableRandom

class ModelFileSpec extends Specification {

    @TempDir
    Path dir

    def "save then load gives the same predictions, settings and metadata; saving twice gives the same bytes"() {
        given:
        def model = InferenceNetworkSpec.trainedModel('deepbind', 'exp')
        model.putMetadata('note', 'x')
        def a = dir.resolve('a.zip')
        def b = dir.resolve('b.zip')
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(1), 5)

        when:
        ModelFile.save(a, model)
        def loaded = ModelFile.load(a)
        ModelFile.save(b, loaded)

        then:
        loaded.settings() == model.settings()
        loaded.length() == InferenceNetworkSpec.L
        loaded.tasks() == ['a', 'b']
        loaded.metadata().note == 'x'
        loaded.predict(x, 5) == model.predict(x, 5)
        Files.readAllBytes(a) == Files.readAllBytes(b)
    }

    def "a corrupt, truncated or foreign file is refused with its name"() {
        given:
        def file = dir.resolve('bad.zip')
        def good = dir.resolve('good.zip')
        ModelFile.save(good, InferenceNetworkSpec.trainedModel('deepbind', 'relu'))
        switch (kind) {
            case 'text': file.text = 'not a model'; break
            case 'truncated': Files.write(file, Arrays.copyOf(Files.readAllBytes(good), 500)); break
            case 'other zip':
                new java.util.zip.ZipOutputStream(Files.newOutputStream(file)).withCloseable {
                    it.putNextEntry(new java.util.zip.ZipEntry('x.txt')); it.write(1); it.closeEntry()
                }
                break
        }

        when:
        ModelFile.load(file)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith(file.toString())

        where:
        kind << ['text', 'truncated', 'other zip']
    }

    static Map header(Path file) {
        new java.util.zip.ZipFile(file.toFile()).withCloseable { zip ->
            new JsonSlurper().parse(zip.getInputStream(zip.getEntry(ModelFile.METADATA))) as Map
        }
    }

    /** A copy of a model file with regulens-model.json replaced. */
    static void rewriteHeader(Path from, Path to, Closure edit) {
        def header = header(from)
        edit(header)
        new java.util.zip.ZipFile(from.toFile()).withCloseable { zip ->
            new java.util.zip.ZipOutputStream(Files.newOutputStream(to)).withCloseable { out ->
                zip.entries().each { entry ->
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.name))
                    out.write(entry.name == ModelFile.METADATA ? JsonOutput.toJson(header).bytes : zip.getInputStream(entry).bytes)
                    out.closeEntry()
                }
            }
        }
    }

    def "a residualbind model (a graph) round-trips: same logits, input gradients and bytes; the header says graph"() {
        given:
        def model = InferenceNetworkSpec.trainedModel('residualbind', 'exp')
        def a = dir.resolve('a.zip')
        def b = dir.resolve('b.zip')
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(1), 3)

        when:
        ModelFile.save(a, model)
        def loaded = ModelFile.load(a)
        ModelFile.save(b, loaded)

        then:
        header(a).network == 'graph'
        loaded.network() instanceof ComputationGraph
        loaded.settings() == model.settings()
        loaded.logits(x, 3) == model.logits(x, 3)
        loaded.inputGradients(x, 3, 1) == model.inputGradients(x, 3, 1)
        Files.readAllBytes(a) == Files.readAllBytes(b)
    }

    def "a file without the network kind (written before graphs) loads as a multilayer network; an unknown kind is refused"() {
        given:
        def model = InferenceNetworkSpec.trainedModel('deepbind', 'relu')
        def current = dir.resolve('current.zip')
        def old = dir.resolve('old.zip')
        def odd = dir.resolve('odd.zip')
        ModelFile.save(current, model)
        rewriteHeader(current, old) { it.remove('network') }
        rewriteHeader(current, odd) { it.network = 'hypergraph' }
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(2), 2)

        when:
        def loaded = ModelFile.load(old)

        then:
        header(current).network == 'multilayer'
        !header(old).containsKey('network')
        loaded.network() instanceof MultiLayerNetwork
        loaded.predict(x, 2) == model.predict(x, 2)

        when:
        ModelFile.load(odd)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith(odd.toString())
        e.message.contains('unknown network kind hypergraph')
    }

    def "a graph configuration that does not fit the parameters is refused with the file's name"() {
        given: 'a residualbind file whose configuration is swapped for one with other first-layer sizes'
        def model = InferenceNetworkSpec.trainedModel('residualbind', 'relu')
        def good = dir.resolve('good-graph.zip')
        def bad = dir.resolve('bad-graph.zip')
        ModelFile.save(good, model)
        def other = NetworkFactory.graphConfiguration(new ModelSettings('residualbind', 'relu', 8, 5, -1, true, 'none',
                1e-3, 0, 7), InferenceNetworkSpec.L, 2, [] as double[], true).toJson()
        new java.util.zip.ZipFile(good.toFile()).withCloseable { zip ->
            new java.util.zip.ZipOutputStream(Files.newOutputStream(bad)).withCloseable { out ->
                zip.entries().each { entry ->
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.name))
                    out.write(entry.name == ModelFile.CONFIGURATION ? other.bytes : zip.getInputStream(entry).bytes)
                    out.closeEntry()
                }
            }
        }

        when:
        ModelFile.load(bad)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith(bad.toString())
        e.message.contains('parameters, but the network has')
    }
}
