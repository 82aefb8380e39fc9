package org.regulens.model

import org.deeplearning4j.nn.conf.MultiLayerConfiguration
import org.deeplearning4j.nn.conf.NeuralNetConfiguration
import org.deeplearning4j.nn.conf.inputs.InputType
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j
import org.nd4j.linalg.learning.config.Adam
import org.regulens.data.TrainingData
import spock.lang.Specification

import java.nio.file.Path
import java.util.SplittableRandom

/**
 * The self-attention layer as deeplearning4j runs it: forward against a naive loop over rows, heads, positions and
 * channels; input and parameter gradients (its own backward pass) against central finite differences in double
 * precision; its configuration and parameters through JSON; and a model file written by the SameDiff version of
 * the layer, which must still load and predict what it predicted then.
 */
class PositionalSelfAttentionSpec extends Specification {

    static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces()
    static final int N = 2, C = 4, T = 5, HEADS = 2, D = 3

    static MultiLayerNetwork network(boolean residual, long seed = 1) {
        def conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE).updater(new Adam(1e-3)).list()
                .layer(new PositionalSelfAttention('attention', HEADS, D, C, residual))
                .setInputType(InputType.convolutional(1, T, C)).build()
        def net = new MultiLayerNetwork(conf)
        net.init()
        net
    }

    static INDArray gaussian(SplittableRandom random, long... shape) {
        int n = (int) shape.inject(1L) { a, b -> a * b }
        Nd4j.createFromArray((0..<n).collect { random.nextGaussian() } as double[]).reshape(shape)
    }

    /** The layer by definition, one number at a time (encoding written out again, not taken from the code). */
    double[][][] naive(INDArray x, Map<String, INDArray> p, boolean residual) {
        def out = new double[N][C][T]
        for (int n = 0; n < N; n++) {
            def e = { int c, int t ->
                double angle = t / Math.pow(10000, (c - c % 2) / (double) C)
                x.getDouble(n, c, 0, t) + (float) (c % 2 == 0 ? Math.sin(angle) : Math.cos(angle))
            }
            def concat = new double[T][HEADS * D]
            for (int h = 0; h < HEADS; h++) {
                def proj = { String w, int t, int j -> (0..<C).sum { c -> return p[w].getDouble(h, j, c) * e(c, t) } as double }
                for (int q = 0; q < T; q++) {
                    double[] s = (0..<T).collect { k -> (0..<D).sum { j -> return proj('Wq', q, j) * proj('Wk', k, j) } / Math.sqrt(D) } as double[]
                    double max = s.toList().max()
                    double[] a = s.collect { Math.exp(it - max) } as double[]
                    double z = a.sum()
                    for (int j = 0; j < D; j++) {
                        concat[q][h * D + j] = (0..<T).sum { k -> return a[k] / z * proj('Wv', k, j) } as double
                    }
                }
            }
            for (int o = 0; o < C; o++) {
                for (int t = 0; t < T; t++) {
                    out[n][o][t] = (0..<HEADS * D).sum { i -> return concat[t][i] * p['Wo'].getDouble(i, o) } + (residual ? x.getDouble(n, o, 0, t) : 0)
                }
            }
        }
        out
    }

    def "forward equals the naive loop (residual: #residual)"() {
        given:
        def net = network(residual)
        def x = gaussian(new SplittableRandom(2), N, C, 1, T)
        def layer = net.getLayer(0)

        when:
        layer.setInput(x, NO_WS)
        def y = layer.activate(false, NO_WS)
        def expected = naive(x, layer.paramTable(), residual)

        then:
        y.shape() == [N, C, 1, T] as long[]
        (0..<N).every { n -> (0..<C).every { o -> (0..<T).every { t -> Math.abs(y.getDouble(n, o, 0, t) - expected[n][o][t]) < 1e-10 } } }

        where:
        residual << [true, false]
    }

    def "input and parameter gradients equal central finite differences (double precision)"() {
        given: 'a random read-out g: f = Σ g · y'
        def random = new SplittableRandom(9)
        def net = network(true, 3)
        def layer = net.getLayer(0)
        net.setParams(gaussian(random, 1, net.numParams()).muli(0.7)) // scores of order one: the softmax is not flat
        net.initGradientsView() // as fitting does: the layer writes its parameter gradients into these views
        def x = gaussian(random, N, C, 1, T)
        def g = gaussian(random, N, C, 1, T)
        def f = { INDArray in -> layer.setInput(in, NO_WS); layer.activate(false, NO_WS).mul(g).sumNumber().doubleValue() }

        when:
        layer.setInput(x, NO_WS)
        layer.activate(true, NO_WS)
        def result = layer.backpropGradient(g.dup(), NO_WS)
        def dx = result.second.dup()
        def dParams = result.first.gradient().dup()
        double h = 1e-6
        def inputErrors = (0..<x.length()).collect { long i ->
            def plus = x.dup(); plus.putScalar(i, x.getDouble(i) + h)
            def minus = x.dup(); minus.putScalar(i, x.getDouble(i) - h)
            Math.abs((f(plus) - f(minus)) / (2 * h) - dx.getDouble(i))
        }
        def params = net.params()
        def paramErrors = (0..<params.length()).collect { long i ->
            double v = params.getDouble(i)
            params.putScalar(i, v + h); double up = f(x)
            params.putScalar(i, v - h); double down = f(x)
            params.putScalar(i, v)
            Math.abs((up - down) / (2 * h) - dParams.getDouble(i))
        }

        then: 'every input and every parameter (Wq, Wk, Wv, Wo) checked'
        result.first.gradientForVariable().keySet() as List == ['Wq', 'Wk', 'Wv', 'Wo']
        params.length() == 3 * HEADS * D * C + HEADS * D * C
        inputErrors.max() < 1e-7
        paramErrors.max() < 1e-7
        dParams.amaxNumber().doubleValue() > 0.1 && dx.amaxNumber().doubleValue() > 0.1
    }

    def "configuration and parameters survive JSON; the same input gives the same output"() {
        given:
        def net = network(true, 5)
        def x = gaussian(new SplittableRandom(4), N, C, 1, T)

        when:
        def conf = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson())
        def copy = new MultiLayerNetwork(conf)
        copy.init(net.params().dup(), false)
        def layer = conf.getConf(0).layer as PositionalSelfAttention

        then:
        layer.heads == HEADS && layer.headSize == D && layer.NIn == C && layer.NOut == C && layer.positions == T && layer.residual
        layer.IUpdater instanceof Adam
        copy.output(x) == net.output(x)
    }

    def "a model file written by the SameDiff layer loads as this layer and predicts what it did then"() {
        given: 'galaxy-tools/test-data/attention_model.zip, trained before this layer existed; its predictions then'
        def model = ModelFile.load(Path.of('galaxy-tools/test-data/attention_model.zip'))
        def data = TrainingData.open(Path.of('galaxy-tools/test-data/data.npz'), false)
        double[] then = [0.934805, 0.985933, 0.984681, 0.964181] // regulens predict, at commit bd03fa2

        when:
        float[][] p = model.predict(data.oneHot(0, 4), 4)

        then:
        def attention = (model.network() as MultiLayerNetwork).layers.find { it instanceof PositionalSelfAttentionLayer }
        !(attention as PositionalSelfAttentionLayer).layerConf().residual
        (0..<4).every { Math.abs(p[it][0] - then[it]) < 2e-6 }
    }
}
