package org.regulens.attribute

import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.factory.Nd4j
import org.regulens.data.OneHotBatch
import org.regulens.model.InferenceNetworkSpec
import spock.lang.Shared
import spock.lang.Specification

import java.util.SplittableRandom

/** Each attribution method against an independent expectation. */
class AttributionMethodsSpec extends Specification {

    static final int L = InferenceNetworkSpec.L

    static Methods.Settings settings(Map m = [:]) {
        new Methods.Settings(m.baseline as String, (m.refs ?: 4) as int, (m.steps ?: 32) as int, 4, 0.1,
                (m.centre ?: false) as boolean,
                null, (m.naive ?: false) as boolean, 5L)
    }

    @Shared def cnnLocal = new ModelFunction(InferenceNetworkSpec.trainedModel('cnn-local', 'exp'))

    static float[] rc(ModelFunction f, float[] x, int n) { f.reverseComplement(x, n) }

    def "saliency equals central finite differences of the logit"() {
        given:
        def f = new ModelFunction(InferenceNetworkSpec.trainedModel('deepbind', 'relu'))
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(1), n)
        long[] rows = [0, 1]

        when:
        float[] hyp = Methods.create('saliency', f, 1, settings()).attribute(x, n, rows).hypothetical()
        def random = new SplittableRandom(2)
        def bad = (0..<30).collect {
            int i = random.nextInt(n * 4 * L)
            float h = 1e-2f
            float[] plus = x.clone(); plus[i] += h
            float[] minus = x.clone(); minus[i] -= h
            double fd = (f.logits(plus, n)[i.intdiv(4 * L)][1] - f.logits(minus, n)[i.intdiv(4 * L)][1]) / (2 * h)
            Math.abs(fd - hyp[i]) <= 1e-3 + 0.02 * Math.abs(fd) ? null : [i, fd, hyp[i]]
        }.findAll()

        then:
        bad.size() <= 1 // a difference may straddle the max-pool's switch point
    }

    def "integrated gradients: the completeness error shrinks as steps grow"() {
        given:
        int n = 3
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(3), n)
        long[] rows = [0, 1, 2]

        when:
        def errors = [2, 8, 128].collect { steps ->
            def ig = new IntegratedGradients(cnnLocal, 0, steps, References.SHUFFLE, 9)
            def a = ig.attribute(x, n, rows)
            ig.completenessError(x, n, rows, a, 0).collect { it as double }.sum()
        }

        then:
        errors[2] < errors[1]
        errors[1] < errors[0]
        errors[2] < errors[0] / 10
    }

    def "DeepSHAP sums to the mean change of the logit over its references (delta < 1e-3 relative)"() {
        given:
        int n = 3
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(4), n)
        long[] rows = [10, 11, 12]
        def f = new ModelFunction(InferenceNetworkSpec.trainedModel(arch, 'relu', rc))

        when:
        def a = Methods.create('deepshap', f, 1, settings(refs: 5)).attribute(x, n, rows)
        float[] refs = new float[n * 5 * 4 * L]
        n.times { References.SHUFFLE.fill(x, it * 4 * L, L, 5L, rows[it], 5, refs, it * 5 * 4 * L) }
        float[][] fx = f.logits(x, n)
        float[][] fr = f.logits(refs, n * 5)
        def relative = (0..<n).collect { i ->
            double expected = (0..<5).collect { r -> fx[i][1] - fr[i * 5 + r][1] }.sum() / 5
            double total = Attribution.total(a.hypothetical(), x, i * 4 * L, L)
            Math.abs(total - expected) / Math.max(1e-2, Math.abs(expected))
        }

        then:
        relative.max() < 1e-3
        (0..<n).every { a.delta()[it] < 1e-3 * Math.max(1, Math.abs(fx[it][1])) }

        where:
        arch        | rc
        'basset'    | 'none'
        'danq'      | 'none'
        'cnn-local' | 'average'
    }

    def "fast ISM equals naive ISM (#arch)"() {
        given:
        def f = new ModelFunction(InferenceNetworkSpec.trainedModel(arch, 'relu'))
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(6), 1)
        x[7] = 0f; x[L + 7] = 0f; x[2 * L + 7] = 0f; x[3 * L + 7] = 0f // an N position: all four bases tried

        when:
        def fast = new InSilicoMutagenesis(f, 1, true).strandDeltas(x)
        def naive = new InSilicoMutagenesis(f, 1, false).strandDeltas(x)
        double scale = naive.collect { Math.abs(it as double) }.max()
        double worst = (0..<fast.length).collect { Math.abs(fast[it] - naive[it]) }.max()

        then:
        scale > 0
        worst <= 1e-4 * Math.max(1, scale)

        where:
        arch << ['deepbind', 'basset', 'deepsea', 'danq', 'cnn-local', 'cnn-dist', 'residualbind']
    }

    def "fast ISM (rank-one first layer, windowed layers after it) equals brute-force ISM on a random model (width #width, dilation #dilation)"() {
        given: 'conv (4→3) → ReLU → max pool 3 → conv (3→2, width 3) → ReLU → dense over all positions, random weights'
        int len = 40
        def random = new SplittableRandom(20 + width + dilation)
        def gauss = { int k -> (0..<k).collect { (float) random.nextGaussian() } as float[] }
        def net = new ExplainNetwork([
                new ConvolutionStep('c1', Nd4j.createFromArray(gauss(3 * 4 * width)).reshape('c' as char, [3, 4, width] as long[]),
                        Nd4j.createFromArray(gauss(3)), dilation),
                new ActivationStep('r1', Nonlinearity.RELU),
                new MaxPoolStep(3),
                new ConvolutionStep('c2', Nd4j.createFromArray(gauss(2 * 3 * 3)).reshape('c' as char, [2, 3, 3] as long[]),
                        Nd4j.createFromArray(gauss(2)), 1),
                new ActivationStep('r2', Nonlinearity.RELU),
                new DenseStep('d', Nd4j.createFromArray(gauss(2 * 13 * 2)).reshape('c' as char, [2 * 13, 2] as long[]),
                        Nd4j.createFromArray(gauss(2)))],
                ['c1', 'r1', 'p1', 'c2', 'r2', 'd'])
        def f = new ModelFunction(net, false, len, 2)
        float[] x = new float[4 * len]
        len.times { if (it != 11) x[random.nextInt(4) * len + it] = 1f } // position 11 is N: all four bases tried

        when:
        float[] fast = new InSilicoMutagenesis(f, 1, true).strandDeltas(x)
        // brute force: every single-base substitution as a whole new sequence, one forward pass each
        double reference = f.logits(x, 1)[0][1]
        def expected = new double[4 * len]
        for (int j = 0; j < len; j++) for (int b = 0; b < 4; b++) {
            if (x[b * len + j] == 1f) continue
            float[] mutant = x.clone()
            4.times { mutant[it * len + j] = it == b ? 1f : 0f }
            expected[b * len + j] = f.logits(mutant, 1)[0][1] - reference
        }
        double scale = expected.collect { Math.abs(it) }.max()

        then:
        scale > 0
        (0..<(4 * len)).every { Math.abs(fast[it] - expected[it]) <= 1e-5 * Math.max(1, scale) }

        where:
        width | dilation
        5     | 1
        4     | 1
        3     | 2
    }

    def "a ReLU then max pooling backpropagates fused exactly as step by step (#rule)"() {
        given: 'pre-activations with ties (all-negative windows, repeated maxima) and mixed-sign incoming gradients'
        def random = new SplittableRandom(31)
        int n = 3, c = 4, len = 50
        float[] z = (0..<(n * c * len)).collect { (float) (random.nextInt(7) - 3) / 2 } as float[]
        float[] g = (0..<(n * c * (len / 5 as int))).collect { (float) random.nextGaussian() } as float[]
        def act = new ActivationStep('r', Nonlinearity.RELU)
        def pool = new MaxPoolStep(5)
        def net = new ExplainNetwork([act, pool], ['r', 'p'])
        def zt = Nd4j.createFromArray(z).reshape('c' as char, [n, c, len] as long[])
        def trace = net.forward(zt)
        def gt = Nd4j.createFromArray(g).reshape('c' as char, [n, c, len / 5 as int] as long[])

        when:
        float[] fused = net.backward(trace, 2, gt, rule, null).dup().data().asFloat()
        def viaPool = pool.backward(trace[1], trace[2], gt, rule, null, null)
        float[] separate = act.backward(trace[0], trace[1], viaPool, rule, null, null).dup().data().asFloat()

        then:
        (0..<fused.length).every { fused[it] == separate[it] }
        fused.any { it != 0f }

        where:
        rule << [Rule.GRADIENT, Rule.GUIDED]
    }

    def "ISM of a linear model (convolution then dense) equals the analytic effect of each substitution"() {
        given: 'f(x) = Σ_t v[t] (b + Σ_c,k W[c,k] x[c, t + k - 2]) with a width-5 kernel and "same" padding'
        int len = 30
        def random = new SplittableRandom(8)
        float[] w = (0..<(4 * 5)).collect { (float) random.nextGaussian() } as float[]
        float[] v = (0..<len).collect { (float) random.nextGaussian() } as float[]
        def conv = new ConvolutionStep('c', Nd4j.createFromArray(w).reshape('c' as char, [1, 4, 5] as long[]),
                Nd4j.createFromArray([0.3f] as float[]), 1)
        def dense = new DenseStep('d', Nd4j.createFromArray(v).reshape('c' as char, [len, 1] as long[]),
                Nd4j.createFromArray([0f] as float[]))
        def f = new ModelFunction(new ExplainNetwork([conv, dense], ['c', 'd']), false, len, 1)
        float[] x = new float[4 * len]
        int[] seq = (0..<len).collect { random.nextInt(4) } as int[]
        len.times { x[seq[it] * len + it] = 1f }

        when:
        float[] d = new InSilicoMutagenesis(f, 0, true).strandDeltas(x)
        // analytic: changing base a→b at j changes conv output t by W[b, j−t+2] − W[a, j−t+2]
        def expected = new double[4 * len]
        for (int j = 0; j < len; j++) for (int b = 0; b < 4; b++) {
            double sum = 0
            for (int t = 0; t < len; t++) {
                int k = j - t + 2
                if (k >= 0 && k < 5) sum += v[t] * (w[b * 5 + k] - w[seq[j] * 5 + k])
            }
            expected[b * len + j] = sum
        }

        then:
        (0..<(4 * len)).every { Math.abs(d[it] - expected[it]) < 1e-4 }
    }

    def "a strand-averaged model's attributions of the reverse complement are the reverse complement of its attributions (#method)"() {
        given:
        def f = new ModelFunction(InferenceNetworkSpec.trainedModel('cnn-local', 'exp', 'average'))
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(9), n)
        long[] rows = [0, 1]
        def m = Methods.create(method, f, 0, settings(baseline: 'uniform'))

        when:
        float[] forward = m.attribute(x, n, rows).hypothetical()
        float[] reverse = m.attribute(rc(f, x, n), n, rows).hypothetical()
        float[] back = rc(f, reverse, n)
        double scale = forward.collect { Math.abs(it as double) }.max()

        then:
        scale > 0
        (0..<forward.length).every { Math.abs(forward[it] - back[it]) <= 1e-4 * Math.max(1, scale) }

        where:
        method << ['saliency', 'ig', 'deeplift', 'ism', 'gradcam']
    }

    def "Grad-CAM equals ReLU(feature map · channel-mean gradient), both taken from deeplearning4j (finite differences through its layers)"() {
        given: "cnn-local's deepest positional map: conv2's activation, [64 channels, 4 positions] for 120 bp"
        def model = InferenceNetworkSpec.trainedModel('cnn-local', 'exp')
        def f = new ModelFunction(model)
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(10), n)
        int step = GradCam.defaultStep(f.network())
        def net = model.inference().network() as org.deeplearning4j.nn.multilayer.MultiLayerNetwork
        int layer = model.inference().layerIndex(f.network().layerName(step))
        def map = net.feedForwardToLayer(layer, model.input(x, n), false).get(layer + 1).dup()
        int channels = map.size(1), positions = map.size(map.rank() - 1)
        // the logit of task 0 from a (changed) feature map, through deeplearning4j's remaining layers
        def logit = { org.nd4j.linalg.api.ndarray.INDArray a, int i ->
            net.activateSelectedLayers(layer + 1, net.getnLayers() - 1, a.dup()).getDouble(i, 0)
        }

        when:
        float[] hyp = Methods.create('gradcam', f, 0, settings()).attribute(x, n, [0, 1] as long[]).hypothetical()
        def expected = (0..<n).collect { i ->
            double[] cam = new double[positions]
            channels.times { c ->
                // α_c = mean over t of ∂logit/∂A[c, t] = (1/P) × the derivative along the whole channel (central difference)
                double h = 1e-3
                def plus = map.dup(); plus.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.point(c)).addi(h)
                def minus = map.dup(); minus.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.point(c)).subi(h)
                double alpha = (logit(plus, i) - logit(minus, i)) / (2 * h) / positions
                positions.times { t -> cam[t] += alpha * map.getDouble([i, c] + (map.rank() == 4 ? [0, t] : [t]) as long[]) }
            }
            (0..<L).collect { j -> Math.max(0d, cam[Math.min(positions - 1, (int) (j * positions).intdiv(L))]) }
        }
        double scale = expected.flatten().collect { it as double }.max()

        then: 'the same map for all four bases, equal to the independent one'
        channels > 1 && positions > 1 && positions < L
        Math.abs(net.output(model.input(x, n), false).getDouble(1, 0) - logit(map, 1)) < 1e-5 // the split is exact
        scale > 0
        (0..<n).every { i -> (0..<L).every { j -> (0..<4).every { b ->
            Math.abs(hyp[i * 4 * L + b * L + j] - expected[i][j]) <= 1e-3 * scale } } }
    }

    def "saliency's attr is |gradient| at the observed base and gradxinput's is gradient × input; both keep the signed gradient as hyp"() {
        given:
        def f = new ModelFunction(InferenceNetworkSpec.trainedModel('deepbind', 'relu'))
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(11), n)
        x[5] = 0f; x[L + 5] = 0f; x[2 * L + 5] = 0f; x[3 * L + 5] = 0f // an N: nothing observed there
        long[] rows = [0, 1]
        float[] grad = f.backward(x, n, 1, Rule.GRADIENT, null)

        when:
        def saliency = Methods.create('saliency', f, 1, settings()).attribute(x, n, rows)
        def gxi = Methods.create('gradxinput', f, 1, settings()).attribute(x, n, rows)
        float[] sa = saliency.actual(x), ga = gxi.actual(x)

        then:
        saliency.hypothetical() == grad
        gxi.hypothetical() == grad
        (0..<x.length).every { sa[it] == Math.abs(grad[it]) * x[it] && ga[it] == grad[it] * x[it] }
        (0..<x.length).any { ga[it] < 0 } // so the two differ
        sa != ga
        sa.every { it >= 0 }
    }

    def "guided backpropagation on a two-layer ReLU net equals the guided rule computed by hand, and differs from the gradient"() {
        given: 'conv (4→3, width 3) → ReLU → conv (3→1, width 3) → ReLU → dense over 20 positions; "same" padding'
        int len = 20
        def random = new SplittableRandom(12)
        def gauss = { int k -> (0..<k).collect { (float) random.nextGaussian() } as float[] }
        float[] w1 = gauss(3 * 4 * 3), b1 = gauss(3), w2 = gauss(1 * 3 * 3), v = gauss(len)
        float[] b2 = [0.2f]
        def net = new ExplainNetwork([
                new ConvolutionStep('c1', Nd4j.createFromArray(w1).reshape('c' as char, [3, 4, 3] as long[]), Nd4j.createFromArray(b1), 1),
                new ActivationStep('r1', Nonlinearity.RELU),
                new ConvolutionStep('c2', Nd4j.createFromArray(w2).reshape('c' as char, [1, 3, 3] as long[]), Nd4j.createFromArray(b2), 1),
                new ActivationStep('r2', Nonlinearity.RELU),
                new DenseStep('d', Nd4j.createFromArray(v).reshape('c' as char, [len, 1] as long[]), Nd4j.createFromArray([0f] as float[]))],
                ['c1', 'r1', 'c2', 'r2', 'd'])
        def f = new ModelFunction(net, false, len, 1)
        float[] x = new float[4 * len]
        len.times { x[random.nextInt(4) * len + it] = 1f }

        when:
        float[] guided = Methods.create('guided-backprop', f, 0, settings()).attribute(x, 1, [0] as long[]).hypothetical()
        float[] gradient = Methods.create('gradxinput', f, 0, settings()).attribute(x, 1, [0] as long[]).hypothetical()
        // by hand: forward, then back through each ReLU passing only positive gradients where the unit is active
        def conv = { float[] in, float[] w, float[] b, int cin, int cout ->
            double[] out = new double[cout * len]
            for (int o = 0; o < cout; o++) for (int t = 0; t < len; t++) {
                double z = b[o]
                for (int c = 0; c < cin; c++) for (int k = 0; k < 3; k++) {
                    int j = t + k - 1
                    if (j >= 0 && j < len) z += w[(o * cin + c) * 3 + k] * in[c * len + j]
                }
                out[o * len + t] = z
            }
            out
        }
        def convBack = { double[] g, float[] w, int cin, int cout ->
            double[] back = new double[cin * len]
            for (int o = 0; o < cout; o++) for (int t = 0; t < len; t++) for (int c = 0; c < cin; c++) for (int k = 0; k < 3; k++) {
                int j = t + k - 1
                if (j >= 0 && j < len) back[c * len + j] += w[(o * cin + c) * 3 + k] * g[o * len + t]
            }
            back
        }
        def guide = { double[] g, double[] z -> (0..<g.length).collect { z[it] > 0 && g[it] > 0 ? g[it] : 0d } as double[] }
        double[] z1 = conv(x, w1, b1, 4, 3)
        float[] a1 = z1.collect { Math.max(0d, it) as float } as float[]
        double[] z2 = conv(a1, w2, b2, 3, 1)
        double[] g2 = guide(v.collect { it as double } as double[], z2)
        double[] g1 = guide(convBack(g2, w2, 3, 1), z1)
        double[] expected = convBack(g1, w1, 4, 3)

        then:
        (0..<4 * len).every { Math.abs(guided[it] - expected[it]) < 1e-4 }
        (0..<4 * len).any { Math.abs(gradient[it] - expected[it]) > 1e-2 }
    }

    def "smoothgrad equals the mean of deeplearning4j's input gradients at the seeded noisy copies"() {
        given: 'settings(): 4 samples, noise 0.1, seed 5; noise for row r drawn from References.rowRandom(5, r)'
        def model = InferenceNetworkSpec.trainedModel('deepbind', 'relu')
        def f = new ModelFunction(model)
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(13), n)
        long[] rows = [7, 30]

        when:
        float[] hyp = Methods.create('smoothgrad', f, 1, settings()).attribute(x, n, rows).hypothetical()
        double[] expected = new double[n * 4 * L]
        n.times { i ->
            def random = References.rowRandom(5L, rows[i])
            4.times {
                float[] noisy = (0..<4 * L).collect { k -> (float) (x[i * 4 * L + k] + 0.1 * random.nextGaussian()) } as float[]
                float[] g = model.inputGradients(noisy, 1, 1)
                (0..<4 * L).each { k -> expected[i * 4 * L + k] += g[k] / 4 }
            }
        }
        float[] plain = f.backward(x, n, 1, Rule.GRADIENT, null)
        double scale = expected.collect { Math.abs(it) }.max()

        then:
        scale > 0
        (0..<expected.length).every { Math.abs(hyp[it] - expected[it]) <= 1e-4 * scale }
        (0..<expected.length).any { Math.abs(plain[it] - expected[it]) > 1e-2 * scale } // the noise mattered
    }

    def "--center: #method's hyp is its uncentred hyp minus each position's mean over the four bases, and attr follows it"() {
        given:
        def f = new ModelFunction(InferenceNetworkSpec.trainedModel('deepbind', 'relu'))
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(14), n)
        long[] rows = [0, 1]

        when:
        def raw = Methods.create(method, f, 1, settings()).attribute(x, n, rows)
        def centred = Methods.create(method, f, 1, settings(centre: true)).attribute(x, n, rows)
        float[] h = raw.hypothetical(), c = centred.hypothetical(), attr = centred.actual(x)
        def mean = { int i, int j -> (0..<4).collect { b -> h[i * 4 * L + b * L + j] as double }.sum() / 4 }

        then:
        (0..<n).every { i -> (0..<L).every { j ->
            Math.abs((0..<4).collect { b -> c[i * 4 * L + b * L + j] as double }.sum()) < 1e-5 &&
                    (0..<4).every { b -> Math.abs(c[i * 4 * L + b * L + j] - (h[i * 4 * L + b * L + j] - mean(i, j))) < 1e-5 }
        } }
        (0..<x.length).every { attr[it] == (method == 'saliency' ? Math.abs(c[it]) : c[it]) * x[it] }
        (0..<x.length).any { Math.abs(c[it] - h[it]) > 1e-3 }

        where:
        method << ['saliency', 'gradxinput', 'smoothgrad', 'guided-backprop']
    }

    def "shards partition the rows in order, in whole batches"() {
        when:
        def parts = (1..n).collect { Shard.parse("$it/$n").select((0..<rows).toArray() as int[], unit).toList() }

        then:
        parts.flatten() == (0..<rows).toList()
        parts.every { p -> p.isEmpty() || p[0] % unit == 0 }

        where:
        rows | n | unit
        10   | 3 | 1
        2    | 5 | 1
        0    | 2 | 4
        23   | 3 | 4
    }
}
