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
        new Methods.Settings(m.baseline as String, (m.refs ?: 4) as int, (m.steps ?: 32) as int, 4, 0.1, false,
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

    def "Grad-CAM maps are non-negative, base-independent, and zero only where no feature fires"() {
        given:
        int n = 2
        float[] x = InferenceNetworkSpec.oneHot(new SplittableRandom(10), n)

        when:
        float[] hyp = Methods.create('gradcam', cnnLocal, 0, settings()).attribute(x, n, [0, 1] as long[]).hypothetical()

        then:
        hyp.every { it >= 0 }
        (0..<n).every { i -> (0..<L).every { j -> (1..3).every { b -> hyp[i * 4 * L + b * L + j] == hyp[i * 4 * L + j] } } }
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
