package org.regulens.attribute

import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.factory.Nd4j
import spock.lang.Specification

import java.util.SplittableRandom

/**
 * LRP (epsilon, alpha-beta), DeepLIFT's RevealCancel and Guided Grad-CAM against hand-derived values, a brute-force
 * formulation on explicit matrices, conservation and summation-to-delta.
 */
class AttributionRulesSpec extends Specification {

    static Methods.Settings settings(String rule, Lrp lrp) {
        new Methods.Settings(null, 4, 32, 4, 0.1, false, null, false, 5L, rule, lrp)
    }

    static def arr(List<Number> values, List<Integer> shape) {
        Nd4j.createFromArray(values.collect { it as float } as float[]).reshape('c' as char, shape as long[])
    }

    /**
     * Sequence AC (L = 2); conv width 1 with filters f1 = (1, −1, 0.5, 0), f2 = (−0.5, 2, 0, 1) over (A, C, G, T),
     * no bias; ReLU; dense over [f1@0, f1@1, f2@0, f2@1] with weights (3, 1, −1, −1). Activations: f1 = (1, 0),
     * f2 = (0, 2), logit 3 − 2 = 1.
     */
    static ModelFunction handNet() {
        def conv = new ConvolutionStep('c', arr([1, -1, 0.5, 0, -0.5, 2, 0, 1], [2, 4, 1]), arr([0, 0], [2]), 1)
        def dense = new DenseStep('d', arr([3, 1, -1, -1], [4, 1]), arr([0], [1]))
        new ModelFunction(new ExplainNetwork([conv, new ActivationStep('r', Nonlinearity.RELU), dense], ['c', 'r', 'd']), false, 2, 1)
    }

    static final float[] AC = [1, 0, 0, 1, 0, 0, 0, 0] as float[] // [base][position]

    static boolean close(float[] actual, List<Number> expected, double tolerance = 1e-5) {
        actual.length == expected.size() && (0..<actual.length).every { Math.abs(actual[it] - expected[it]) <= tolerance }
    }

    def "LRP on a two-layer net equals the hand-derived relevances (#name)"() {
        when:
        def a = Methods.create('lrp', handNet(), 0, settings('rescale', lrp)).attribute(AC, 1, [0] as long[])

        then:
        close(a.hypothetical(), hyp, 1e-5)
        close(a.actual(AC), attr, 1e-5)
        Math.abs(a.logits()[0][0] - 1) < 1e-6

        where:
        name                | lrp                                  | hyp                                                      | attr
        // R(f1@0) = 1·3/1 = 3, R(f2@1) = 2·(−1)/1 = −2; back: c@0 = f1·3/1, c@1 = f2·(−2)/2; sums to the logit 1
        'epsilon → 0'       | new Lrp(Lrp.Kind.EPSILON, 1e-9, 2)   | [3, 0.5, -3, -2, 1.5, 0, 0, -1]                          | [3, 0, 0, -2, 0, 0, 0, 0]
        // dense: s = 1/1.5; R(f1@0) = 3·2/3 = 2, R(f2@1) = −2·2/3 = −4/3; conv: c@0 = f1·2/1.5, c@1 = f2·(−4/3)/2.5
        'epsilon 0.5'       | new Lrp(Lrp.Kind.EPSILON, 0.5, 2)    | [4 / 3, 4 / 15, -4 / 3, -16 / 15, 2 / 3, 0, 0, -8 / 15] | [4 / 3, 0, 0, -16 / 15, 0, 0, 0, 0]
        // dense: P = 3, N = −2; R(f1@0) = 2·3/3 = 2, R(f2@1) = −1·(−2)/(−2) = −1; conv (no negative terms, β part
        // dropped): c@0 = f1⁺·2·2/1, c@1 = f2⁺·2·(−1)/2
        'alpha 2, beta 1'   | new Lrp(Lrp.Kind.ALPHA_BETA, 0.01, 2) | [4, 0, 0, -2, 2, 0, 0, -1]                              | [4, 0, 0, -2, 0, 0, 0, 0]
        // α = 1, β = 0: dense R(f1@0) = 3/3 = 1, R(f2@1) = 0; c@0 = f1⁺·1
        'alpha 1, beta 0'   | new Lrp(Lrp.Kind.ALPHA_BETA, 0.01, 1) | [1, 0, 0, 0, 0.5, 0, 0, 0]                              | [1, 0, 0, 0, 0, 0, 0, 0]
    }

    def "LRP equals a brute-force formulation on explicit weight matrices (#rule), conv with biases and same padding"() {
        given: 'conv (4→3, width 3, bias) → ReLU → dense (3·L → 1, bias), as matrices M1 [3L × 4L] and v [3L]'
        int len = 9
        def random = new SplittableRandom(21)
        def gauss = { int k -> (0..<k).collect { (float) random.nextGaussian() } as float[] }
        float[] w = gauss(3 * 4 * 3), b = gauss(3), v = gauss(3 * len)
        float[] c = [0.3f]
        def net = new ExplainNetwork([
                new ConvolutionStep('c', Nd4j.createFromArray(w).reshape('c' as char, [3, 4, 3] as long[]), Nd4j.createFromArray(b), 1),
                new ActivationStep('r', Nonlinearity.RELU),
                new DenseStep('d', Nd4j.createFromArray(v).reshape('c' as char, [3 * len, 1] as long[]), Nd4j.createFromArray(c))],
                ['c', 'r', 'd'])
        def f = new ModelFunction(net, false, len, 1)
        float[] x = new float[4 * len]
        len.times { x[random.nextInt(4) * len + it] = 1f }
        // explicit matrix of the convolution: M[o·L + t][ch·L + j] = w[o, ch, k] with j = t + k − 1
        double[][] m = new double[3 * len][4 * len]
        double[] bias = new double[3 * len]
        for (int o = 0; o < 3; o++) for (int t = 0; t < len; t++) {
            bias[o * len + t] = b[o]
            for (int ch = 0; ch < 4; ch++) for (int k = 0; k < 3; k++) {
                int j = t + k - 1
                if (j >= 0 && j < len) m[o * len + t][ch * len + j] = w[(o * 4 + ch) * 3 + k]
            }
        }
        double[] z = (0..<3 * len).collect { u -> bias[u] + (0..<4 * len).sum { i -> m[u][i] * x[i] } } as double[]
        double[] a = z.collect { Math.max(0d, it) } as double[]
        double y = c[0] + (0..<3 * len).sum { u -> v[u] * a[u] }
        // one linear layer, relevance per output r, inputs s, weights wt(out, in), bias per output: the input
        // relevance per unit of input (what hyp stores at the first layer)
        def perUnit = { double[] r, double[] s, int outs, int ins, Closure<Double> wt, double[] bs ->
            double[] q = new double[ins]
            for (int u = 0; u < outs; u++) {
                if (rule == 'epsilon') {
                    double zu = bs[u] + (0..<ins).sum { i -> wt(u, i) * s[i] }
                    double d = zu + 0.05 * (zu >= 0 ? 1 : -1)
                    for (int i = 0; i < ins; i++) q[i] += wt(u, i) * r[u] / d
                } else {
                    double p = 0, n = 0
                    for (int i = 0; i < ins; i++) { double t = wt(u, i) * s[i]; if (t > 0) p += t else n += t }
                    for (int i = 0; i < ins; i++) {
                        // one-hot and ReLU outputs are ≥ 0: the term's sign is the weight's
                        double wi = wt(u, i)
                        if (wi > 0 && p != 0) q[i] += 2 * wi * r[u] / p
                        if (wi < 0 && n != 0) q[i] -= 1 * wi * r[u] / n
                    }
                }
            }
            q
        }

        when:
        def lrp = rule == 'epsilon' ? new Lrp(Lrp.Kind.EPSILON, 0.05, 2) : new Lrp(Lrp.Kind.ALPHA_BETA, 0.05, 2)
        float[] hyp = Methods.create('lrp', f, 0, settings('rescale', lrp)).attribute(x, 1, [0] as long[]).hypothetical()
        double[] qa = perUnit([y] as double[], a, 1, 3 * len, { u, i -> v[i] as double }, [c[0]] as double[])
        double[] ra = (0..<3 * len).collect { qa[it] * a[it] } as double[] // relevance of each ReLU unit = of its input
        double[] expected = perUnit(ra, x.collect { it as double } as double[], 3 * len, 4 * len, { u, i -> m[u][i] }, bias)

        then:
        (0..<4 * len).every { Math.abs(hyp[it] - expected[it]) <= 1e-4 * Math.max(1, Math.abs(expected[it])) }
        expected.any { Math.abs(it) > 0.1 }

        where:
        rule << ['epsilon', 'alpha-beta']
    }

    /**
     * conv(4→3, w5) → ReLU → max pool 2 → residual[conv(3→3, w3) → ReLU] → conv(3→2, w3) → exp → dense on 20
     * positions, random weights; biases random or 0.
     */
    static ExplainNetwork deepNet(SplittableRandom random, boolean biases) {
        def gauss = { int k, double sd -> (0..<k).collect { (float) (sd * random.nextGaussian()) } as float[] }
        def bias = { int k -> Nd4j.createFromArray(gauss(k, biases ? 0.3 : 0)) }
        def conv = { String name, int out, int inC, int width, double sd ->
            new ConvolutionStep(name, Nd4j.createFromArray(gauss(out * inC * width, sd)).reshape('c' as char, [out, inC, width] as long[]), bias(out), 1)
        }
        def branch = new ExplainNetwork([conv('rc', 3, 3, 3, 0.5), new ActivationStep('rr', Nonlinearity.RELU)], ['rc', 'rr'])
        new ExplainNetwork([
                conv('c1', 3, 4, 5, 1), new ActivationStep('r1', Nonlinearity.RELU), new MaxPoolStep(2),
                new ResidualStep(branch),
                conv('c2', 2, 3, 3, 0.3), new ActivationStep('e2', Nonlinearity.EXP),
                new DenseStep('d', Nd4j.createFromArray(gauss(2 * 10, 1)).reshape('c' as char, [2 * 10, 1] as long[]), bias(1))],
                ['c1', 'r1', 'p', 'res', 'c2', 'e2', 'd'])
    }

    static float[] sequences(SplittableRandom random, int n, int len) {
        float[] x = new float[n * 4 * len]
        for (int i = 0; i < n; i++) len.times { x[i * 4 * len + random.nextInt(4) * len + it] = 1f }
        x
    }

    def "LRP conserves relevance (Σ attr = logit) through pooling, a residual block and exp units when ε → 0 and biases are 0"() {
        given:
        int len = 20
        def random = new SplittableRandom(5)
        def f = new ModelFunction(deepNet(random, false), false, len, 1)
        int n = 3
        float[] x = sequences(random, n, len)

        when:
        def a = Methods.create('lrp', f, 0, settings('rescale', new Lrp(Lrp.Kind.EPSILON, 1e-9, 2))).attribute(x, n, [0, 1, 2] as long[])
        float[] attr = a.actual(x)
        def totals = (0..<n).collect { i -> (i * 4 * len..<(i + 1) * 4 * len).sum { attr[it] as double } }

        then:
        (0..<n).every { i -> Math.abs(totals[i] - a.logits()[i][0]) <= 1e-4 * Math.max(1, Math.abs(a.logits()[i][0])) }
        (0..<n).every { i -> Math.abs(a.logits()[i][0]) > 0.1 }
    }

    def "LRP refuses a recurrent layer (as in danq) with a one-line message"() {
        given: 'conv → bidirectional LSTM (hidden 2) → dense'
        def lstm = { boolean reverse -> new LstmDirection(Nd4j.zeros(DataType.FLOAT, 3, 8), Nd4j.zeros(DataType.FLOAT, 2, 8), Nd4j.zeros(DataType.FLOAT, 1, 8), reverse) }
        def net = new ExplainNetwork([
                new ConvolutionStep('c', Nd4j.zeros(DataType.FLOAT, 3, 4, 3), Nd4j.zeros(DataType.FLOAT, 3), 1),
                new BiLstmStep(lstm(false), lstm(true)),
                new DenseStep('d', Nd4j.zeros(DataType.FLOAT, 4 * 6, 1), Nd4j.zeros(DataType.FLOAT, 1))], ['c', 'l', 'd'])

        when:
        Methods.create('lrp', new ModelFunction(net, false, 6, 1), 0, settings('rescale', new Lrp(Lrp.Kind.EPSILON, 0.01, 2)))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('lrp') && e.message.contains('bidirectional LSTM') && e.message.contains('recurrent') && !e.message.contains('\n')
    }

    def "RevealCancel on the paper's min(i1, i2) = ReLU(i1) − ReLU(i1 − i2) splits the credit that Rescale gives to one input"() {
        given: 'x = (3, 1), reference (0, 0): min = 1'
        def net = new ExplainNetwork([
                new DenseStep('h', arr([1, 1, -1, 0], [2, 2]), arr([0, 0], [2])), // h = (i1 − i2, i1)
                new ActivationStep('r', Nonlinearity.RELU),
                new DenseStep('o', arr([-1, 1], [2, 1]), arr([0], [1]))],           // o = relu(i1) − relu(i1 − i2)
                ['h', 'r', 'o'])
        def x = arr([3, 1], [1, 2])
        def ref = arr([0, 0], [1, 2])
        def seed = arr([1], [1, 1])

        when:
        def trace = net.forward(x)
        def refTrace = net.forward(ref)
        float[] rescale = net.backward(trace, net.size(), seed, Rule.RESCALE, refTrace).reshape(-1).toFloatVector()
        float[] reveal = net.backward(trace, net.size(), seed, Rule.REVEAL_CANCEL, refTrace).reshape(-1).toFloatVector()

        then: 'Rescale: i1 contributes 3·(1 − 1) = 0, i2 1·1 = 1'
        Math.abs(trace.last().getFloat(0L) - 1) < 1e-6
        close([rescale[0] * 3, rescale[1] * 1] as float[], [0, 1])

        and: 'RevealCancel at h1: Δz⁺ = 3, Δz⁻ = −1, Δy⁺ = ½·3 + ½·(2 − 0) = 2.5, Δy⁻ = ½·0 + ½·(2 − 3) = −0.5; i1: 3 − 2.5, i2: 0.5'
        close([reveal[0] * 3, reveal[1] * 1] as float[], [0.5, 0.5])
    }

    def "RevealCancel sums to delta through pooling, a residual block and exp units (random net with biases) and differs from Rescale"() {
        given:
        int len = 20
        def random = new SplittableRandom(8)
        def f = new ModelFunction(deepNet(random, true), false, len, 1)
        int n = 3
        float[] x = sequences(random, n, len)
        long[] rows = [0, 1, 2]

        when: 'DeepSHAP with 4 shuffled references; delta = |Σ attr − mean_r (f(x) − f(r))|, computed by the method'
        def reveal = Methods.create('deepshap', f, 0, settings('revealcancel', new Lrp(Lrp.Kind.EPSILON, 0.01, 2))).attribute(x, n, rows)
        def rescale = Methods.create('deepshap', f, 0, settings('rescale', new Lrp(Lrp.Kind.EPSILON, 0.01, 2))).attribute(x, n, rows)

        then:
        (0..<n).every { reveal.delta()[it] < 1e-4 * Math.max(1, Math.abs(reveal.logits()[it][0])) }
        (0..<n * 4 * len).any { Math.abs(reveal.hypothetical()[it] - rescale.hypothetical()[it]) > 1e-3 }
    }

    def "Guided Grad-CAM is the hand-derived Grad-CAM map times the guided gradient"() {
        when: 'guided gradient: dense weights (3, 1, −1, −1) at [f1@0, f1@1, f2@0, f2@1]; only f1@0 is active with a positive gradient'
        def a = Methods.create('guided-gradcam', handNet(), 0, settings('rescale', new Lrp(Lrp.Kind.EPSILON, 0.01, 2))).attribute(AC, 1, [0] as long[])
        float[] guided = Methods.create('guided-backprop', handNet(), 0, settings('rescale', new Lrp(Lrp.Kind.EPSILON, 0.01, 2))).attribute(AC, 1, [0] as long[]).hypothetical()

        then: 'guided backprop zeroes f2@1 (active but gradient −1): @0 = 3·f1, @1 = 0'
        close(guided, [3, 0, -3, 0, 1.5, 0, 0, 0])

        and: 'Grad-CAM at the ReLU: α = (mean(3, 1), mean(−1, −1)) = (2, −1), map = ReLU(2·(1, 0) − (0, 2)) = (2, 0)'
        close(a.hypothetical(), [6, 0, -6, 0, 3, 0, 0, 0])
        close(a.actual(AC), [6, 0, 0, 0, 0, 0, 0, 0])
    }
}
