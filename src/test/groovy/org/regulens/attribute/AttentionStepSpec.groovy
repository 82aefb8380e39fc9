package org.regulens.attribute

import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j
import org.regulens.nn.MultiHeadAttention
import org.regulens.model.InferenceNetworkSpec
import org.regulens.model.ModelFile
import org.regulens.model.PositionalSelfAttention
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.SplittableRandom

/**
 * The attention step of our explain graph against deeplearning4j's layer (same output), the whole network's input
 * gradients against finite differences, DeepLIFT's completeness through it, and hand-computed maps; a cnn-attention
 * model survives saving and loading. The step and the layer run the same {@link MultiHeadAttention}, whose own
 * gradients PositionalSelfAttentionSpec checks against finite differences.
 */
class AttentionStepSpec extends Specification {

    static final int L = InferenceNetworkSpec.L

    @Shared
    def model = InferenceNetworkSpec.trainedModel('cnn-attention', 'relu')

    @TempDir
    Path dir

    static AttentionStep step(INDArray wq, INDArray wk, INDArray wv, INDArray wo, INDArray encoding) {
        new AttentionStep('a', new MultiHeadAttention(wq, wk, wv, wo, encoding, false))
    }

    def "the step's output equals deeplearning4j's attention layer output on the same input"() {
        given:
        def net = ExplainNetwork.of(model.inference())
        int n = 3
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(21), n)
        int k = net.stepIndex('attention')

        when:
        def trace = net.forward(Nd4j.createFromArray(x).reshape('c' as char, [n, 4, L] as long[]))
        float[] ours = trace.get(k + 1).dup('c' as char).reshape(-1).toFloatVector()
        float[] theirs = model.inference().activations(model.input(x, n), 'attention').dup('c' as char).reshape(-1).toFloatVector()
        double scale = theirs.collect { Math.abs(it) }.max()

        then:
        net.steps().get(k) instanceof AttentionStep
        ours.length == theirs.length
        scale > 0
        (0..<ours.length).every { Math.abs(ours[it] - theirs[it]) <= 1e-4 * Math.max(1, scale) }
    }

    def "#activation network: our logits equal deeplearning4j's, our input gradients equal its finite differences, DeepLIFT sums to delta"() {
        given:
        def m = activation == 'relu' ? model : InferenceNetworkSpec.trainedModel('cnn-attention', activation)
        def net = ExplainNetwork.of(m.inference())
        int n = 2
        def random = new SplittableRandom(11)
        float[] x = InferenceNetworkSpec.oneHot(random, n)
        float[] ref = InferenceNetworkSpec.oneHot(new SplittableRandom(12), n)
        def input = Nd4j.createFromArray(x).reshape('c' as char, [n, 4, L] as long[])
        def seed = Nd4j.zeros(DataType.FLOAT, [n, 2] as long[]); seed.getColumn(1).assign(1)

        when:
        def trace = net.forward(input)
        float[][] ours = trace.last().toFloatMatrix()
        float[][] theirs = m.inference().logits(m.input(x, n)).toFloatMatrix()
        float[] grad = net.backward(trace, net.size(), seed, Rule.GRADIENT, null).reshape(-1).toFloatVector()
        def mismatches = (0..<8).collect {
            int i = random.nextInt(n * 4 * L)
            float h = 1e-3f
            float[] plus = x.clone(); plus[i] += h
            float[] minus = x.clone(); minus[i] -= h
            double fd = (m.logits(plus, n)[i.intdiv(4 * L)][1] - m.logits(minus, n)[i.intdiv(4 * L)][1]) / (2 * h)
            Math.abs(fd - grad[i]) <= 2e-3 + 0.02 * Math.abs(fd) ? null : [i, fd, grad[i]]
        }.findAll()
        def refTrace = net.forward(Nd4j.createFromArray(ref).reshape('c' as char, [n, 4, L] as long[]))
        float[] mult = net.backward(trace, net.size(), seed, Rule.RESCALE, refTrace).reshape(-1).toFloatVector()
        def deltaErrors = (0..<n).collect { i ->
            double sum = 0
            for (int j = i * 4 * L; j < (i + 1) * 4 * L; j++) sum += mult[j] * (x[j] - ref[j])
            double target = ours[i][1] - refTrace.last().getDouble(i, 1)
            Math.abs(sum - target) / Math.max(1e-3, Math.abs(target))
        }

        then:
        (0..<n).every { i -> (0..1).every { t -> Math.abs(ours[i][t] - theirs[i][t]) <= 1e-4 * Math.max(1, Math.abs(theirs[i][t])) } }
        mismatches.size() <= 1 // a finite difference may straddle a max-pool or ReLU kink
        deltaErrors.max() < 1e-3

        where:
        activation << ['relu', 'exp']
    }

    def "DeepLIFT through the layer sums to the change of its read-out"() {
        given:
        def random = new SplittableRandom(8)
        def rnd = { long... shape -> Nd4j.createFromArray((0..<(shape.inject(1L) { a, b -> a * b })).collect { random.nextGaussian() } as double[]).reshape(shape) }
        def step = step(rnd(2, 3, 5), rnd(2, 3, 5), rnd(2, 3, 5), rnd(6, 4),
                PositionalSelfAttention.positionalEncoding(5, 7, DataType.DOUBLE))
        def x = rnd(3, 5, 7)
        def ref = rnd(3, 5, 7)
        def g = rnd(3, 4, 7)

        when:
        def out = step.forward(x)
        def refOut = step.forward(ref)
        def m = step.backward(x, out, g, Rule.RESCALE, ref, refOut)
        def lhs = m.mul(x.sub(ref)).sum(1, 2)
        def rhs = g.mul(out.sub(refOut)).sum(1, 2)

        then:
        (0..<3).every { Math.abs(lhs.getDouble(it) - rhs.getDouble(it)) < 1e-9 * Math.max(1, Math.abs(rhs.getDouble(it))) }
    }

    def "maps: zero queries attend uniformly; a key aligned with the query picks out its position"() {
        given: 'one head of size 1 over 2 channels and 4 positions; channel 0 is the content, channel 1 the encoding'
        def zeroQ = step(Nd4j.zeros(DataType.DOUBLE, 1, 1, 2), Nd4j.ones(DataType.DOUBLE, 1, 1, 2),
                Nd4j.ones(DataType.DOUBLE, 1, 1, 2), Nd4j.ones(DataType.DOUBLE, 1, 1), Nd4j.zeros(DataType.DOUBLE, 2, 4))
        def sharp = step(Nd4j.createFromArray([[[10d, 0d]]] as double[][][]),
                Nd4j.createFromArray([[[10d, 0d]]] as double[][][]), Nd4j.ones(DataType.DOUBLE, 1, 1, 2),
                Nd4j.ones(DataType.DOUBLE, 1, 1), Nd4j.zeros(DataType.DOUBLE, 2, 4))
        def x = Nd4j.createFromArray([[[0d, 1d, 0d, 0d], [0d, 0d, 0d, 0d]]] as double[][][]) // content only at position 1

        when:
        def uniform = zeroQ.maps(x)
        def peaked = sharp.maps(x)

        then: 'zero scores: every weight 1/4'
        uniform.shape() == [1, 1, 4, 4] as long[]
        (0..<16).every { Math.abs(uniform.reshape(-1).getDouble(it) - 0.25) < 1e-12 }

        and: 'query at position 1 scores 100 against key 1 and 0 against the rest: softmax by hand'
        Math.abs(peaked.getDouble(0, 0, 1, 1) - Math.exp(100) / (Math.exp(100) + 3)) < 1e-12
        Math.abs(peaked.getDouble(0, 0, 0, 1) - 0.25) < 1e-12 // a zero query scores every key 0
        (0..<4).every { q -> Math.abs((0..<4).sum { peaked.getDouble(0, 0, q, it) } - 1) < 1e-12 }
    }

    def "a cnn-attention model saved and loaded gives the same logits and the same maps"() {
        given:
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(4), 2)
        def file = dir.resolve('m.zip')

        when:
        ModelFile.save(file, model)
        def loaded = ModelFile.load(file)
        def a = ExplainNetwork.of(model.inference())
        def b = ExplainNetwork.of(loaded.inference())
        def input = Nd4j.createFromArray(x).reshape('c' as char, [2, 4, L] as long[])
        int k = a.stepIndex('attention')

        then:
        loaded.predict(x, 2) == model.predict(x, 2)
        (a.steps().get(k) as AttentionStep).maps(a.forwardTo(k, input)) == (b.steps().get(k) as AttentionStep).maps(b.forwardTo(k, input))
    }
}
