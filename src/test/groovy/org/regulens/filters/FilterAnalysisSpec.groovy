package org.regulens.filters

import org.nd4j.linalg.factory.Nd4j
import org.regulens.data.TrainingData
import org.regulens.io.npz.DType
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import org.regulens.model.ModelSettings
import org.regulens.model.NetworkFactory
import org.regulens.model.RegulensModel
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.SplittableRandom

/** A filter set to a known pattern yields that pattern back from its top-activating windows. */
class FilterAnalysisSpec extends Specification {

    @TempDir
    Path dir

    def "#arch (filter width #width): the planted pattern comes back, aligned, from the activating windows"() {
        given: 'filter 0 set to +1 on a pattern and -1 elsewhere; the pattern planted once in each sequence'
        int length = 100
        def random = new SplittableRandom(3)
        String pattern = (1..width).collect { 'ACGT'[random.nextInt(4)] }.join()
        def settings = new ModelSettings(arch, 'relu', 0, 0, 0, false, 'none', 1e-3, 0, 1)
        def net = NetworkFactory.build(settings, length, 1, [] as double[], true)
        def w = net.getLayer('conv1').getParam('W')
        def filters = w.size(0)
        def view = w.reshape('c' as char, [filters, 4, width] as long[])
        view.assign(0)
        (0..<width).each { j -> (0..<4).each { b -> view.putScalar([0, b, j] as long[], 'ACGT'[b] == pattern[j] ? 1 : -1) } }
        net.getLayer('conv1').getParam('b').putScalar(0, -(width - 2))
        def model = new RegulensModel(net, settings, length, ['t'], [:])
        def file = dir.resolve('d.npz')
        int n = 40
        byte[] x = new byte[n * 4 * length]
        n.times { i ->
            int at = 10 + random.nextInt(length - width - 20)
            (0..<length).each { j ->
                char c = j >= at && j < at + width ? pattern[j - at] as char : 'ACGT'[random.nextInt(4)] as char
                x[i * 4 * length + 'ACGT'.indexOf(c as String) * length + j] = 1
            }
        }
        NpzWriter.create(file).withCloseable { npz ->
            npz.write('x', NpyArray.ofBytes(x, DType.UINT8, n, 4, length))
            npz.write('y', NpyArray.ofFloats(new float[n], n, 1))
            npz.commit()
        }

        when:
        def result = TrainingData.open(file, false).withCloseable { data ->
            FilterAnalysis.analyse(model, data, data.rowsOf(-1), 0.9, 16, 10)
        }

        then:
        result.size() == filters
        result[0].sites() == n
        result[0].motif().consensus() == pattern
        result[0].influence() >= 0

        where:
        arch           | width
        'cnn-local'    | 19
        'deepbind'     | 24
        'residualbind' | 19
    }
}
