package org.regulens.model

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
}
