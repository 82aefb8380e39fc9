package org.regulens.nn

import org.deeplearning4j.nn.conf.ConvolutionMode
import org.deeplearning4j.nn.conf.NeuralNetConfiguration
import org.deeplearning4j.nn.conf.inputs.InputType
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
import org.nd4j.linalg.activations.Activation
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j
import spock.lang.Specification

/**
 * The native convolution against deeplearning4j's ConvolutionLayer (outputs, input gradients, weight and bias
 * gradients) for the 1 × w kernels of the sequence architectures (with dilation and an even width) and a square
 * kernel (a dilated one falls back on deeplearning4j's code), and its gradients against finite differences of its own
 * forward pass.
 */
class NativeConvolutionSpec extends Specification {

    static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces()

    static MultiLayerNetwork network(boolean nativeConv, int[] kernel, int dilation, ConvolutionMode mode, int height,
                                     int width) {
        def conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).seed(3).list()
                .layer(new ConvolutionLayer.Builder(kernel).nOut(5).dilation(1, dilation).convolutionMode(mode)
                        .activation(Activation.IDENTITY).name('conv').build())
                .setInputType(InputType.convolutional(height, width, 3)).build()
        if (nativeConv) {
            TrainingLayers.fused(conf)
        }
        def net = new MultiLayerNetwork(conf)
        net.init()
        net.initGradientsView()
        net.getLayer(0).getParam('b').assign(Nd4j.rand(DataType.FLOAT, 5).subi(0.5))
        net
    }

    static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed)
        Nd4j.randn(DataType.FLOAT, shape)
    }

    static boolean close(INDArray a, INDArray b, double tolerance) {
        a.shape() == b.shape() && a.sub(b).amaxNumber().doubleValue() <= tolerance * Math.max(1, b.amaxNumber().doubleValue())
    }

    def "forward and backward equal deeplearning4j's layer: kernel #kernel, dilation #dilation, #mode"() {
        given:
        int height = kernel[0] == 1 ? 1 : 6
        def standard = network(false, kernel as int[], dilation, mode, height, 17).getLayer(0)
        def fast = network(true, kernel as int[], dilation, mode, height, 17).getLayer(0)
        def x = random(5, 4, 3, height, 17)

        expect:
        fast instanceof NativeConvolutionLayer
        standard.params() == fast.params()

        when:
        standard.setInput(x.dup(), NO_WS)
        fast.setInput(x.dup(), NO_WS)
        def expectedOut = standard.activate(true, NO_WS).dup()
        def out = fast.activate(true, NO_WS).dup()
        def epsilon = random(6, expectedOut.shape())
        def expected = standard.backpropGradient(epsilon.dup(), NO_WS)
        def actual = fast.backpropGradient(epsilon.dup(), NO_WS)

        then:
        close(out, expectedOut, 1e-5)
        close(actual.second, expected.second, 1e-5)
        close(actual.first.getGradientFor('W'), expected.first.getGradientFor('W'), 1e-5)
        close(actual.first.getGradientFor('b'), expected.first.getGradientFor('b'), 1e-5)

        where:
        kernel  | dilation | mode
        [1, 7]  | 1        | ConvolutionMode.Same
        [1, 6]  | 1        | ConvolutionMode.Same
        [1, 3]  | 4        | ConvolutionMode.Same
        [1, 5]  | 1        | ConvolutionMode.Truncate
        [3, 3]  | 1        | ConvolutionMode.Same
    }

    def "input, weight and bias gradients equal finite differences of the forward pass"() {
        given:
        def layer = network(true, [1, 4] as int[], 1, ConvolutionMode.Same, 1, 9).getLayer(0)
        def x = random(7, 2, 3, 1, 9)
        def weights = random(8, 2, 5, 1, 9)
        def loss = { INDArray input ->
            layer.setInput(input, NO_WS)
            (double) layer.activate(true, NO_WS).castTo(DataType.DOUBLE).mul(weights.castTo(DataType.DOUBLE)).sumNumber()
        }
        double h = 1e-2

        when:
        loss(x.dup())
        def gradient = layer.backpropGradient(weights.dup(), NO_WS)
        def dx = gradient.second.dup()
        def dW = gradient.first.getGradientFor('W').dup()
        def db = gradient.first.getGradientFor('b').dup()

        then:
        (0..<x.length()).every { long i ->
            def plus = x.dup(); plus.putScalar(i, x.getDouble(i) + h)
            def minus = x.dup(); minus.putScalar(i, x.getDouble(i) - h)
            Math.abs((loss(plus) - loss(minus)) / (2 * h) - dx.getDouble(i)) <= 1e-3 * Math.max(1, Math.abs(dx.getDouble(i)))
        }
        ['W': dW, 'b': db].every { key, analytic ->
            def p = layer.getParam(key)
            (0..<p.length()).every { long k ->
                double v = p.getDouble(k)
                p.putScalar(k, v + h); double up = loss(x.dup())
                p.putScalar(k, v - h); double down = loss(x.dup())
                p.putScalar(k, v)
                Math.abs((up - down) / (2 * h) - analytic.getDouble(k)) <= 1e-3 * Math.max(1, Math.abs(analytic.getDouble(k)))
            }
        }
    }
}
