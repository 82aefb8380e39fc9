package org.regulens.nn

import org.deeplearning4j.nn.conf.NeuralNetConfiguration
import org.deeplearning4j.nn.conf.inputs.InputType
import org.deeplearning4j.nn.conf.layers.ActivationLayer
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer
import org.deeplearning4j.nn.conf.layers.DenseLayer
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer
import org.deeplearning4j.nn.conf.layers.OutputLayer
import org.deeplearning4j.nn.conf.layers.PoolingType
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.nd4j.linalg.activations.Activation
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.factory.Nd4j
import org.nd4j.linalg.learning.config.NoOp
import org.nd4j.linalg.lossfunctions.LossFunctions
import org.regulens.attribute.Methods
import org.regulens.attribute.ModelFunction
import org.regulens.data.OneHotBatch
import org.regulens.model.Architecture
import org.regulens.model.ModelFile
import org.regulens.model.ModelSettings
import org.regulens.model.NetworkFactory
import org.regulens.model.RegulensModel
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.SplittableRandom

/**
 * Reverse-complement parameter sharing (--rc equivariant): the network scores a sequence and its reverse
 * complement alike by construction, with half the first layer's free parameters; the tied layers' gradients are
 * those of finite differences; the saved model (standard layers) computes the same function and attributes
 * strand-symmetrically.
 */
class RcGradProbeSpec extends Specification {
    static float[] oneHot(SplittableRandom random, int n, int length) {
        float[] x = new float[n * 4 * length]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < length; j++) {
                x[i * 4 * length + random.nextInt(4) * length + j] = 1f
            }
        }
        x
    }

    def "gradients of the tied convolution and the symmetric dense layer match central finite differences (double precision)"() {
        given: "tied conv (even width) -> tanh -> tied conv -> tanh -> global mean -> symmetric dense -> output"
        def before = Nd4j.dataType()
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE)
        Nd4j.getRandom().setSeed(12)
        def conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(12).updater(new NoOp()).list()
                .layer(new RcConvolution('c1', 6, 4))
                .layer(new ActivationLayer.Builder().activation(Activation.TANH).build())
                .layer(new RcConvolution('c2', 4, 3))
                .layer(new ActivationLayer.Builder().activation(Activation.TANH).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new RcSymmetricDense('d', 3))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(1, 9, 4)).build()
        def net = new MultiLayerNetwork(conf)
        net.init()
        def random = new SplittableRandom(4)
        def x = Nd4j.createFromArray(oneHot(random, 3, 9).collect { it as double } as double[]).reshape('c' as char, [3, 4, 1, 9] as long[])
        net.getLayer(0).getParam('b').assign(Nd4j.createFromArray([0.1d, -0.2d, 0.3d] as double[]).reshape(1, 3))
        def y = Nd4j.rand(DataType.DOUBLE, 3, 2)

        def data = new org.nd4j.linalg.dataset.DataSet(x, y)

        when: "the analytic gradient, then central differences of the loss for every free parameter"
        net.setInput(x)
        net.setLabels(y)
        net.computeGradientAndScore()
        double[] first = net.gradient().gradient().dup().toDoubleVector()
        net.computeGradientAndScore()
        // deeplearning4j's gradient is of the loss summed over the batch (3 rows), its score the mean
        double[] analytic = net.gradient().gradient().dup().div(3).toDoubleVector()
        def params = net.params()
        def checked = (0..<(params.length() as int)).step(3)
        double[] numeric = checked.collect { i ->
            double v = params.getDouble(i as long)
            params.putScalar(i as long, v + 1e-6)
            double plus = net.score(data)
            params.putScalar(i as long, v - 1e-6)
            double minus = net.score(data)
            params.putScalar(i as long, v)
            (plus - minus) / 2e-6
        } as double[]
        def bad = (0..<checked.size()).findAll { j ->
            Math.abs(analytic[checked[j]] - numeric[j]) > 1e-7 + 1e-5 * Math.abs(numeric[j])
        }.collect { "${checked[it]}: ${analytic[checked[it]]} vs ${numeric[it]}" }

        then:
        net.numParams() == (3 * 4 * 4 + 3) + (2 * 6 * 3 + 2) + (2 * 3 + 3) + (3 * 2 + 2)
        bad == []
        first == net.gradient().gradient().dup().toDoubleVector()

        cleanup:
        Nd4j.setDefaultDataTypes(before, before)
    }

}
