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

        where:
        arch           | width
        'cnn-local'    | 19
        'deepbind'     | 24
        'residualbind' | 19
    }

    /** A small cnn-local model with batch norm (folded at inference) and random parameters, and 24 random rows. */
    Map tinyModel(String activation) {
        int length = 60
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(11)
        def settings = new ModelSettings('cnn-local', activation, 6, 7, 0, true, 'none', 1e-3, 0, 1)
        def model = new RegulensModel(NetworkFactory.build(settings, length, 2, [] as double[], true), settings, length,
                ['a', 'b'], [:])
        def random = new SplittableRandom(5)
        def bias = model.parameter('conv1', 'b')
        6.times { bias.putScalar(it, 0.5 * random.nextGaussian()) }
        int n = 24
        byte[] x = new byte[n * 4 * length]
        (0..<n * length).each { k -> x[k.intdiv(length) * 4 * length + random.nextInt(4) * length + k % length] = 1 }
        def file = dir.resolve("tiny-${activation}.npz")
        NpzWriter.create(file).withCloseable { npz ->
            npz.write('x', NpyArray.ofBytes(x, DType.UINT8, n, 4, length))
            npz.write('y', NpyArray.ofFloats(new float[2 * n], n, 2))
            npz.commit()
        }
        [model: model, file: file, n: n, length: length]
    }

    /** Influence by brute force through deeplearning4j: conv1_act's channel f replaced by its mean, the rest recomputed. */
    static double[] bruteForce(RegulensModel model, float[] x, int n) {
        def inference = model.inference()
        def net = inference.network() as org.deeplearning4j.nn.multilayer.MultiLayerNetwork
        int layer = inference.layerIndex('conv1_act')
        def input = model.input(x, n)
        def acts = net.feedForwardToLayer(layer, input.dup(), false).get(layer + 1).dup() // [n, filters, 1, L]
        def base = net.output(input.dup(), false)
        def p0 = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(base, true)
        (0..<acts.size(1)).collect { f ->
            def channel = acts.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(f))
            double mean = channel.meanNumber().doubleValue()
            def knocked = acts.dup()
            knocked.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(f)).assign(mean)
            def p = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(
                    net.activateSelectedLayers(layer + 1, net.getnLayers() - 1, knocked), true)
            org.nd4j.linalg.ops.transforms.Transforms.abs(p.sub(p0), true).meanNumber().doubleValue()
        } as double[]
    }

    def "influence (#activation) equals a brute-force knock-out after the activation: the filter's output replaced by its mean"() {
        given:
        def t = tinyModel(activation)
        RegulensModel model = t.model

        when:
        def (influence, expected) = TrainingData.open(t.file, false).withCloseable { data ->
            int[] rows = data.rowsOf(-1)
            [FilterAnalysis.influence(model, data, rows, 6, 10, t.n), bruteForce(model, data.oneHot(0, t.n), t.n)]
        }
        double scale = expected.max()

        then:
        scale > 1e-4
        (0..<6).every { Math.abs(influence[it] - expected[it]) <= 1e-4 * scale + 1e-7 }

        where:
        activation << ['relu', 'exp']
    }

    def "a filter with zero weights outputs a constant and so has no influence (#activation; exp(bias) is not 0 or 1)"() {
        given: 'filter 0 of conv1: weights zeroed, bias 0.8, so after (folded) batch norm it outputs a constant that is neither 0 nor 1'
        def t = tinyModel(activation)
        RegulensModel model = t.model
        def w = model.parameter('conv1', 'W')
        w.reshape('c' as char, [6, 4 * 7] as long[]).getRow(0).assign(0)
        model.parameter('conv1', 'b').putScalar(0, 0.8) // relu(0.8) is not 0, exp(0.8) not 1: zeroing the bias would show
        model.parametersChanged()

        when:
        def influence = TrainingData.open(t.file, false).withCloseable { data ->
            FilterAnalysis.influence(model, data, data.rowsOf(-1), 6, 10, t.n)
        }

        then:
        influence[0] < 1e-7
        influence[1..5].max() > 1e-4

        where:
        activation << ['relu', 'exp']
    }
}
