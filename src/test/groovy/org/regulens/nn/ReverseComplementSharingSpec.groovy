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
class ReverseComplementSharingSpec extends Specification {

    @TempDir
    Path dir

    static ModelSettings settings(String arch, int filters, int width, String rc = 'equivariant') {
        new ModelSettings(arch, 'relu', filters, width, -1, true, rc, 1e-3, 1e-6, 7)
    }

    /** A network of these settings after a few updates on random data (biases and batch-norm statistics move). */
    static RegulensModel trained(ModelSettings s, int length) {
        Nd4j.getRandom().setSeed(7)
        def model = new RegulensModel(NetworkFactory.build(s, length, 2, [1, 1] as double[], true), s, length,
                ['a', 'b'], [:])
        def random = new SplittableRandom(3)
        int n = 8
        2.times {
            float[] y = (0..<(n * 2)).collect { random.nextInt(2) as float } as float[]
            model.fit(model.input(oneHot(random, n, length), n), Nd4j.createFromArray(y).reshape(n, 2), null)
        }
        model.parametersChanged()
        model
    }

    static float[] oneHot(SplittableRandom random, int n, int length) {
        float[] x = new float[n * 4 * length]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < length; j++) {
                x[i * 4 * length + random.nextInt(4) * length + j] = 1f
            }
        }
        x
    }

    static double maxDifference(float[][] a, float[][] b) {
        (0..<a.length).collect { i -> (0..<a[i].length).collect { t -> Math.abs(a[i][t] - b[i][t]) as double }.max() }.max()
    }

    def "#arch, filter width #width: logits of a sequence and of its reverse complement agree to float precision, tied and expanded"() {
        given:
        def model = trained(settings(arch, 8, width), length)
        def expanded = model.withNetwork(NetworkFactory.standardLayers(model.network()))
        def unshared = trained(settings(arch, 8, width, 'none'), length)
        int n = 12
        float[] x = oneHot(new SplittableRandom(5), n, length)
        float[] rc = OneHotBatch.reverseComplement(x, 0, n, length)

        when:
        def forward = model.logits(x, n)
        def scale = forward.collect { it.collect { Math.abs(it as double) }.max() }.max()

        then: "exact strand symmetry, in the training network and in the standard layers the model file holds"
        scale > 1e-3
        maxDifference(forward, model.logits(rc, n)) <= 1e-5 * Math.max(1, scale)
        maxDifference(forward, expanded.logits(x, n)) <= 1e-5 * Math.max(1, scale)
        maxDifference(expanded.logits(x, n), expanded.logits(rc, n)) <= 1e-5 * Math.max(1, scale)

        and: "the saved model's first convolution is standard, with an odd kernel (an even width gains a zero column)"
        def conv1 = ((MultiLayerNetwork) expanded.network()).getLayerWiseConfigurations().getConf(0).getLayer()
        conv1.getClass() == ConvolutionLayer
        ((ConvolutionLayer) conv1).kernelSize[1] == (width % 2 == 0 ? width + 1 : width)

        and: "the same architecture without sharing does tell the strands apart (the check can fail)"
        maxDifference(unshared.logits(x, n), unshared.logits(rc, n)) > 1e-3

        where:
        arch        | width | length
        'deepbind'  | 24    | 60
        'deepbind'  | 7     | 61
        'cnn-local' | 6     | 100
    }

    def "the first layer has half the free parameters of the unshared one"() {
        given:
        Nd4j.getRandom().setSeed(7)
        def tied = new RegulensModel(NetworkFactory.build(settings('cnn-local', 16, 19), 100, 1, [1] as double[], true),
                settings('cnn-local', 16, 19), 100, ['a'], [:])
        def unshared = new RegulensModel(NetworkFactory.build(settings('cnn-local', 16, 19, 'none'), 100, 1,
                [1] as double[], true), settings('cnn-local', 16, 19, 'none'), 100, ['a'], [:])

        expect:
        tied.parameter('conv1', 'W').length() == 8 * 4 * 19
        unshared.parameter('conv1', 'W').length() == 16 * 4 * 19
        tied.parameter('conv1', 'W').length() + tied.parameter('conv1', 'b').length() ==
                (unshared.parameter('conv1', 'W').length() + unshared.parameter('conv1', 'b').length()) / 2
    }

    def "expanded weights: filter o's partner is its reverse complement (width and A<->T, C<->G flipped), sharing its bias"() {
        given: "one free filter over A C G T, width 2 (so a zero column is added), values 1..8"
        def free = Nd4j.createFromArray((1..8).collect { it as float } as float[]).reshape('c' as char, [1, 4, 1, 2] as long[])

        when:
        def full = RcConvolution.expandWeights(free)
        def bias = RcConvolution.expandBias(Nd4j.createFromArray([0.5f] as float[]).reshape(1, 1))

        then: "filter 0 = [[1,2,0],[3,4,0],[5,6,0],[7,8,0]]; its partner reads T G C A from right to left"
        full.shape() == [2, 4, 1, 3] as long[]
        full.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).reshape(4, 3).toFloatMatrix() ==
                [[1, 2, 0], [3, 4, 0], [5, 6, 0], [7, 8, 0]] as float[][]
        full.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).reshape(4, 3).toFloatMatrix() ==
                [[0, 8, 7], [0, 6, 5], [0, 4, 3], [0, 2, 1]] as float[][]
        bias.toFloatVector() == [0.5f, 0.5f] as float[]
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

    def "save, load: same predictions, rc mode recorded; attributions of the reverse complement are reverse complements (#method)"() {
        given:
        def model = trained(settings('cnn-local', 8, 19), 100)
        def standard = model.withNetwork(NetworkFactory.standardLayers(model.network()))
        def file = dir.resolve('m.zip')
        ModelFile.save(file, standard)
        def loaded = ModelFile.load(file)
        int n = 2
        float[] x = oneHot(new SplittableRandom(9), n, 100)
        def f = new ModelFunction(loaded)
        def m = Methods.create(method, f, 0, new Methods.Settings('uniform', 4, 16, 4, 0.1, false, null, false, 5L))

        when:
        float[] forward = m.attribute(x, n, [0, 1] as long[]).hypothetical()
        float[] back = f.reverseComplement(m.attribute(f.reverseComplement(x, n), n, [0, 1] as long[]).hypothetical(), n)
        double scale = forward.collect { Math.abs(it as double) }.max()

        then:
        loaded.settings().reverseComplement() == 'equivariant'
        maxDifference(loaded.predict(x, n), model.predict(x, n)) <= 1e-6
        scale > 0
        (0..<forward.length).every { Math.abs(forward[it] - back[it]) <= 1e-4 * Math.max(1, scale) }

        where:
        method << ['deeplift', 'ism']
    }

    def "architectures with recurrent layers or skip connections are refused; so are lengths pooling would cut unevenly"() {
        expect:
        Architecture.equivariantNames() == ['deepbind', 'basset', 'deepsea', 'cnn-local', 'cnn-dist']

        when:
        NetworkFactory.requireBuildable(settings('cnn-local', 8, 19), 120)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == '--rc equivariant: cnn-local pools positions by 50 in all, so the sequence length must be a ' +
                'multiple of 50, not 120'
    }
}
