package org.regulens.nn

import org.deeplearning4j.nn.conf.NeuralNetConfiguration
import org.deeplearning4j.nn.conf.inputs.InputType
import org.deeplearning4j.nn.conf.layers.ActivationLayer
import org.deeplearning4j.nn.conf.layers.BatchNormalization
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
import org.nd4j.linalg.activations.Activation
import org.nd4j.linalg.activations.IActivation
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j
import org.regulens.model.ExponentialActivation
import org.regulens.model.ModelSettings
import org.regulens.model.NetworkFactory
import spock.lang.Specification

/**
 * The fused batch normalisation against deeplearning4j's own layer (same outputs, input gradients, parameter
 * gradients and running-statistics updates, in training and inference mode, on [N, C, 1, L] and [N, C]) and against
 * finite differences of its own forward pass; and a whole training step with fused layers against one with standard
 * layers.
 */
class FusedBatchNormalizationSpec extends Specification {

    static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces()

    /** A one-layer network holding a batch norm layer over this input, with random gamma, beta and running stats. */
    static MultiLayerNetwork network(boolean fused, boolean logStd, InputType inputType, long seed) {
        def conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new BatchNormalization.Builder().useLogStd(logStd).decay(0.8).eps(1e-3).name('bn').build())
                .setInputType(inputType).build()
        if (fused) {
            TrainingLayers.fused(conf)
        }
        def net = new MultiLayerNetwork(conf)
        net.init()
        net.initGradientsView()
        def random = new Random(seed)
        def layer = net.getLayer(0)
        int c = layer.getParam('gamma').length()
        layer.getParam('gamma').assign(Nd4j.createFromArray((0..<c).collect { 0.5f + random.nextFloat() } as float[]))
        layer.getParam('beta').assign(Nd4j.createFromArray((0..<c).collect { random.nextFloat() - 0.5f } as float[]))
        layer.getParam('mean').assign(Nd4j.createFromArray((0..<c).collect { random.nextFloat() - 0.5f } as float[]))
        if (logStd) {
            layer.getParam('log10stdev').assign(Nd4j.createFromArray((0..<c).collect { (random.nextFloat() - 0.5f) / 2 } as float[]))
        } else {
            layer.getParam('var').assign(Nd4j.createFromArray((0..<c).collect { 0.5f + random.nextFloat() } as float[]))
        }
        net
    }

    static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed)
        Nd4j.randn(DataType.FLOAT, shape).muli(2).addi(0.7)
    }

    static boolean close(INDArray a, INDArray b, double tolerance) {
        a.shape() == b.shape() && a.sub(b).amaxNumber().doubleValue() <= tolerance * Math.max(1, b.amaxNumber().doubleValue())
    }

    def "the fused layer's configuration round-trips to the standard one with every setting"() {
        given:
        def standard = new BatchNormalization.Builder().useLogStd(false).decay(0.7).eps(1e-4).nOut(5).name('x').build()

        when:
        def fused = FusedBatchNormalization.of(standard)
        def back = fused.standard()

        then:
        fused instanceof BatchNormalization
        back.getClass() == BatchNormalization
        back == standard
        fused.decay == 0.7 && fused.eps == 1e-4 && !fused.useLogStd && fused.NOut == 5 && fused.layerName == 'x'
    }

    def "forward, backward and running-statistics updates equal deeplearning4j's layer: #shape, log std #logStd, training #training"() {
        given:
        def inputType = shape.size() == 4 ? InputType.convolutional(1, shape[3], shape[1]) : InputType.feedForward(shape[1])
        def standard = network(false, logStd, inputType, 3).getLayer(0)
        def fused = network(true, logStd, inputType, 3).getLayer(0)
        def x = random(5, shape as long[])
        def epsilon = random(6, shape as long[])

        expect:
        fused instanceof FusedBatchNormLayer
        standard.params() == fused.params()

        when:
        standard.setInput(x.dup(), NO_WS)
        fused.setInput(x.dup(), NO_WS)
        def expectedOut = standard.activate(training, NO_WS).dup()
        def out = fused.activate(training, NO_WS).dup()
        def expected = standard.backpropGradient(epsilon.dup(), NO_WS)
        def actual = fused.backpropGradient(epsilon.dup(), NO_WS)

        then:
        close(out, expectedOut, 1e-5)
        close(actual.second, expected.second, 1e-4)
        ['gamma', 'beta', 'mean', logStd ? 'log10stdev' : 'var'].every { key ->
            close(actual.first.getGradientFor(key), expected.first.getGradientFor(key), 1e-4)
        }

        where:
        [shape, logStd, training] << [[[6, 3, 1, 7], [9, 4]], [true, false], [true, false]].combinations()
    }

    def "input, gamma and beta gradients equal finite differences of the forward pass: #shape"() {
        given:
        def inputType = shape.size() == 4 ? InputType.convolutional(1, shape[3], shape[1]) : InputType.feedForward(shape[1])
        def layer = network(true, true, inputType, 4).getLayer(0)
        def x = random(7, shape as long[])
        def weights = random(8, shape as long[])
        // loss = sum(weights * output), so d loss / d output = weights
        def loss = { INDArray input ->
            layer.setInput(input, NO_WS)
            (double) layer.activate(true, NO_WS).castTo(DataType.DOUBLE).mul(weights.castTo(DataType.DOUBLE)).sumNumber()
        }
        double h = 1e-2

        when:
        loss(x.dup())
        def gradient = layer.backpropGradient(weights.dup(), NO_WS)
        def dx = gradient.second.dup()
        def dGamma = gradient.first.getGradientFor('gamma').dup()
        def dBeta = gradient.first.getGradientFor('beta').dup()

        then: 'central differences over every input element'
        (0..<x.length()).every { long i ->
            def plus = x.dup(); plus.putScalar(i, x.getDouble(i) + h)
            def minus = x.dup(); minus.putScalar(i, x.getDouble(i) - h)
            double numeric = (loss(plus) - loss(minus)) / (2 * h)
            Math.abs(numeric - dx.getDouble(i)) <= 2e-3 * Math.max(1, Math.abs(numeric))
        }

        and: 'and every gamma and beta'
        ['gamma': dGamma, 'beta': dBeta].every { key, analytic ->
            def p = layer.getParam(key)
            (0..<p.length()).every { long k ->
                double v = p.getDouble(k)
                p.putScalar(k, v + h); double up = loss(x.dup())
                p.putScalar(k, v - h); double down = loss(x.dup())
                p.putScalar(k, v)
                double numeric = (up - down) / (2 * h)
                Math.abs(numeric - analytic.getDouble(k)) <= 2e-3 * Math.max(1, Math.abs(numeric))
            }
        }

        where:
        shape << [[4, 3, 1, 5], [6, 3]]
    }

    def "training steps with fused batch norm give the parameters of training with deeplearning4j's layers: #arch, #activation"() {
        given:
        def settings = new ModelSettings(arch, activation, 8, 7, 0, true, 'none', 0.01, 1e-4, 1)
        int length = 60
        def fused = (MultiLayerNetwork) NetworkFactory.buildForTraining(settings, length, 2, [1, 2] as double[])
        def standard = (MultiLayerNetwork) NetworkFactory.build(settings, length, 2, [1, 2] as double[], true)
        def x = Nd4j.rand(DataType.FLOAT, 32, 4, 1, length)
        def y = Nd4j.rand(DataType.FLOAT, 32, 2).gt(0.5).castTo(DataType.FLOAT)

        expect:
        fused.params() == standard.params()
        fused.layers.count { it instanceof FusedBatchNormLayer } >= 2
        // every batch norm here is followed by its activation layer, which it takes over
        fused.layers.count { it instanceof FoldedActivation.PassThrough } == fused.layers.count { it instanceof FusedBatchNormLayer }
        arch != 'deepbind' || fused.layers.any { it instanceof GlobalMaxPoolingLayer }

        when: 'one gradient of the loss (with L2)'
        [fused, standard].each { net ->
            net.setInput(x)
            net.setLabels(y)
            net.computeGradientAndScore()
        }

        then:
        close(fused.gradient().gradient(), standard.gradient().gradient(), 1e-4)
        Math.abs(fused.score() - standard.score()) < 1e-5

        when: 'three Adam steps; conv biases before batch norm have a zero gradient up to rounding, which Adam' +
                ' amplifies to steps of the learning rate (and the running means follow them), so compare what the' +
                ' networks compute with batch statistics'
        3.times {
            fused.fit(x, y)
            standard.fit(x, y)
        }

        then:
        Math.abs(fused.score() - standard.score()) < 1e-4
        close(fused.output(x, true), standard.output(x, true), 1e-3)

        when: 'turned back into standard layers for saving'
        def converted = (MultiLayerNetwork) NetworkFactory.standardLayers(fused)

        then:
        !converted.layers.any { it instanceof FusedBatchNormLayer || it instanceof FoldedActivation.PassThrough
                || it instanceof GlobalMaxPoolingLayer }
        converted.layerWiseConfigurations.toJson() == standard.layerWiseConfigurations.toJson()
        converted.params() == fused.params()
        close(converted.output(x, false), fused.output(x, false), 1e-5)
        close(converted.output(x, true), fused.output(x, true), 1e-5)

        where:
        arch        | activation
        'deepbind'  | 'relu'
        'cnn-local' | 'relu'
        'deepbind'  | 'exp'
    }

    /** Batch norm followed by an activation layer, as standard layers or folded into the fused layer. */
    static MultiLayerNetwork normaliseThenActivate(boolean fused, IActivation activation, InputType inputType) {
        def conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(new BatchNormalization.Builder().useLogStd(true).decay(0.8).eps(1e-3).name('bn').build())
                .layer(new ActivationLayer.Builder().activation(activation).name('act').build())
                .setInputType(inputType).build()
        if (fused) {
            TrainingLayers.fused(conf)
        }
        def net = new MultiLayerNetwork(conf)
        net.init()
        net.initGradientsView()
        def random = new Random(11)
        def layer = net.getLayer(0)
        int c = layer.getParam('gamma').length()
        layer.getParam('gamma').assign(Nd4j.createFromArray((0..<c).collect { 0.5f + random.nextFloat() } as float[]))
        layer.getParam('beta').assign(Nd4j.createFromArray((0..<c).collect { random.nextFloat() - 0.5f } as float[]))
        net
    }

    static IActivation activationNamed(String name) {
        name == 'exp' ? new ExponentialActivation() : Activation.RELU.getActivationFunction()
    }

    def "an activation folded into batch norm computes what batch norm then the activation layer compute: #name, #shape, training #training"() {
        given:
        def inputType = shape.size() == 4 ? InputType.convolutional(1, shape[3], shape[1]) : InputType.feedForward(shape[1])
        def standard = normaliseThenActivate(false, activationNamed(name), inputType)
        def fused = normaliseThenActivate(true, activationNamed(name), inputType)
        def x = random(12, shape as long[])
        def epsilon = random(13, shape as long[])

        expect:
        fused.getLayer(0) instanceof FusedBatchNormLayer
        fused.getLayer(1) instanceof FoldedActivation.PassThrough
        standard.params() == fused.params()

        when: 'forward through both layers, then backward'
        def forward = { MultiLayerNetwork net ->
            net.getLayer(0).setInput(x.dup(), NO_WS)
            def hidden = net.getLayer(0).activate(training, NO_WS).dup()
            net.getLayer(1).setInput(hidden, NO_WS)
            net.getLayer(1).activate(training, NO_WS).dup()
        }
        def backward = { MultiLayerNetwork net ->
            def through = net.getLayer(1).backpropGradient(epsilon.dup(), NO_WS).second.dup()
            net.getLayer(0).backpropGradient(through, NO_WS)
        }
        def expectedOut = forward(standard)
        def expected = backward(standard)
        def out = forward(fused)
        def actual = backward(fused)

        then: 'backward only after a training pass, as training runs it'
        close(out, expectedOut, 1e-5)
        !training || close(actual.second, expected.second, 1e-4)
        !training || ['gamma', 'beta', 'mean', 'log10stdev'].every { key ->
            close(actual.first.getGradientFor(key), expected.first.getGradientFor(key), 1e-4)
        }

        and: 'converted back, the configuration is the standard one'
        TrainingLayers.standard(fused.layerWiseConfigurations.clone()).toJson() == standard.layerWiseConfigurations.toJson()

        where:
        [name, shape, training] << [['relu', 'exp'], [[6, 3, 1, 7], [9, 4]], [true, false]].combinations()
    }

    def "input, gamma and beta gradients through a folded exponential activation equal finite differences: #shape"() {
        given:
        def inputType = shape.size() == 4 ? InputType.convolutional(1, shape[3], shape[1]) : InputType.feedForward(shape[1])
        def layer = normaliseThenActivate(true, new ExponentialActivation(), inputType).getLayer(0)
        def x = random(14, shape as long[])
        def weights = random(15, shape as long[])
        // loss = sum(weights * exp(bn(x))), so d loss / d output = weights
        def loss = { INDArray input ->
            layer.setInput(input, NO_WS)
            (double) layer.activate(true, NO_WS).castTo(DataType.DOUBLE).mul(weights.castTo(DataType.DOUBLE)).sumNumber()
        }
        double h = 1e-2

        when:
        loss(x.dup())
        def gradient = layer.backpropGradient(weights.dup(), NO_WS)
        def dx = gradient.second.dup()
        def dGamma = gradient.first.getGradientFor('gamma').dup()
        def dBeta = gradient.first.getGradientFor('beta').dup()

        then: 'central differences over every input element'
        (0..<x.length()).every { long i ->
            def plus = x.dup(); plus.putScalar(i, x.getDouble(i) + h)
            def minus = x.dup(); minus.putScalar(i, x.getDouble(i) - h)
            double numeric = (loss(plus) - loss(minus)) / (2 * h)
            Math.abs(numeric - dx.getDouble(i)) <= 5e-3 * Math.max(1, Math.abs(numeric))
        }

        and: 'and every gamma and beta'
        ['gamma': dGamma, 'beta': dBeta].every { key, analytic ->
            def p = layer.getParam(key)
            (0..<p.length()).every { long k ->
                double v = p.getDouble(k)
                p.putScalar(k, v + h); double up = loss(x.dup())
                p.putScalar(k, v - h); double down = loss(x.dup())
                p.putScalar(k, v)
                double numeric = (up - down) / (2 * h)
                Math.abs(numeric - analytic.getDouble(k)) <= 5e-3 * Math.max(1, Math.abs(numeric))
            }
        }

        where:
        shape << [[4, 3, 1, 5], [6, 3]]
    }
}
