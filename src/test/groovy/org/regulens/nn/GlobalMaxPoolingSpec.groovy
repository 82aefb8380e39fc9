package org.regulens.nn

import org.deeplearning4j.nn.conf.NeuralNetConfiguration
import org.deeplearning4j.nn.conf.inputs.InputType
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer
import org.deeplearning4j.nn.conf.layers.PoolingType
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j
import spock.lang.Specification

/**
 * The training network's global max pooling against deeplearning4j's layer (outputs and input gradients, on
 * convolutional and recurrent layouts), against a brute-force maximum and finite differences, and its
 * configuration's round trip.
 */
class GlobalMaxPoolingSpec extends Specification {

    static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces()

    static MultiLayerNetwork network(boolean fused, InputType inputType) {
        def conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).name('pool').build())
                .setInputType(inputType).build()
        if (fused) {
            TrainingLayers.fused(conf)
        }
        def net = new MultiLayerNetwork(conf)
        net.init()
        net
    }

    /** Distinct values (a shuffled grid 0.1 apart), so that a step of 1e-3 never moves a maximum. */
    static INDArray distinct(long seed, long... shape) {
        int n = (int) shape.inject(1L) { a, b -> a * b }
        def values = (0..<n).collect { it * 0.1f - 3f }
        Collections.shuffle(values, new Random(seed))
        Nd4j.createFromArray(values as float[]).reshape(shape)
    }

    def "forward and backward equal deeplearning4j's global max pooling: #shape"() {
        given:
        def inputType = shape.size() == 4 ? InputType.convolutional(1, shape[3], shape[1]) : InputType.recurrent(shape[1], shape[2])
        def standard = network(false, inputType).getLayer(0)
        def fused = network(true, inputType).getLayer(0)
        def x = distinct(3, shape as long[])
        Nd4j.getRandom().setSeed(4)
        def epsilon = Nd4j.randn(DataType.FLOAT, shape[0], shape[1])

        expect:
        fused instanceof GlobalMaxPoolingLayer

        when:
        standard.setInput(x.dup(), NO_WS)
        fused.setInput(x.dup(), NO_WS)
        def expectedOut = standard.activate(true, NO_WS).dup()
        def out = fused.activate(true, NO_WS).dup()
        def expected = standard.backpropGradient(epsilon.dup(), NO_WS).second.dup()
        def actual = fused.backpropGradient(epsilon.dup(), NO_WS).second.dup()

        then: 'the outputs are the brute-force maxima'
        out == expectedOut
        def values = x.dup('c' as char).data().asFloat()
        int inner = values.length / (shape[0] * shape[1])
        (0..<shape[0] * shape[1]).every { int k ->
            out.dup('c' as char).data().asFloat()[k] == (values[k * inner..<(k + 1) * inner] as List).max()
        }
        actual == expected

        where:
        shape << [[5, 3, 1, 9], [4, 6, 11]]
    }

    def "input gradients equal finite differences of the output"() {
        given:
        def layer = network(true, InputType.convolutional(1, 7, 3)).getLayer(0)
        def x = distinct(5, 4, 3, 1, 7)
        Nd4j.getRandom().setSeed(6)
        def weights = Nd4j.randn(DataType.FLOAT, 4, 3)
        def loss = { INDArray input ->
            layer.setInput(input, NO_WS)
            (double) layer.activate(true, NO_WS).castTo(DataType.DOUBLE).mul(weights.castTo(DataType.DOUBLE)).sumNumber()
        }
        double h = 1e-3

        when:
        loss(x.dup())
        def dx = layer.backpropGradient(weights.dup(), NO_WS).second.dup()

        then:
        (0..<x.length()).every { long i ->
            def plus = x.dup(); plus.putScalar(i, x.getDouble(i) + h)
            def minus = x.dup(); minus.putScalar(i, x.getDouble(i) - h)
            double numeric = (loss(plus) - loss(minus)) / (2 * h)
            Math.abs(numeric - dx.getDouble(i)) <= 1e-2 * Math.max(1, Math.abs(numeric))
        }
        dx.neq(0).castTo(DataType.INT).sumNumber().intValue() == 12
    }

    def "the configuration round-trips to the standard layer"() {
        given:
        def standard = new GlobalPoolingLayer.Builder(PoolingType.MAX).name('p').build()

        when:
        def fused = GlobalMaxPooling.of(standard)

        then:
        GlobalMaxPooling.handles(standard)
        !GlobalMaxPooling.handles(new GlobalPoolingLayer.Builder(PoolingType.MAX).poolingDimensions(3).build())
        !GlobalMaxPooling.handles(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
        fused.standard().getClass() == GlobalPoolingLayer
        fused.standard() == standard
    }
}
