package org.regulens.model

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.factory.Nd4j
import spock.lang.Specification

import java.util.SplittableRandom

/**
 * Every architecture's inference network gives the trained network's logits, and its input gradients equal
 * central finite differences of the logits (so attribution can trust them).
 */
class InferenceNetworkSpec extends Specification {

    static final int L = 120

    static RegulensModel trainedModel(String arch, String activation, String rc = 'none') {
        def settings = new ModelSettings(arch, activation, 0, 0, -1, true, rc, 1e-3, 1e-6, 7)
        Nd4j.getRandom().setSeed(7)
        MultiLayerNetwork net = NetworkFactory.network(NetworkFactory.configuration(settings, L, 2, [] as double[], true))
        def model = new RegulensModel(net, settings, L, ['a', 'b'], [:])
        def random = new SplittableRandom(3)
        int n = 16
        3.times {
            float[] x = oneHot(random, n)
            float[] y = (0..<(n * 2)).collect { random.nextInt(2) as float } as float[]
            net.fit(model.input(x, n), Nd4j.createFromArray(y).reshape(n, 2))
        }
        model.parametersChanged()
        model
    }

    static float[] oneHot(SplittableRandom random, int n) {
        float[] x = new float[n * 4 * L]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < L; j++) {
                x[i * 4 * L + random.nextInt(4) * L + j] = 1f
            }
        }
        x
    }

    def "#arch (#activation): logits match the trained network and gradients match finite differences"() {
        given:
        def model = trainedModel(arch, activation)
        def random = new SplittableRandom(11)
        int n = 4
        float[] x = oneHot(random, n)

        when:
        float[][] trained = model.network().output(model.input(x, n), false).toFloatMatrix()
        float[][] folded = model.inference().logits(model.input(x, n)).toFloatMatrix()
        float[] gradient = model.inputGradients(x, n, 1)
        def mismatches = (0..<12).collect {
            int i = random.nextInt(n * 4 * L)
            float h = 1e-3f
            float[] plus = x.clone(); plus[i] += h
            float[] minus = x.clone(); minus[i] -= h
            double fd = (model.logits(plus, n)[i.intdiv(4 * L)][1] - model.logits(minus, n)[i.intdiv(4 * L)][1]) / (2 * h)
            Math.abs(fd - gradient[i]) <= 2e-3 + 0.02 * Math.abs(fd) ? null : [i, fd, gradient[i]]
        }.findAll()

        then:
        (0..<n).every { i -> (0..1).every { t -> Math.abs(trained[i][t] - folded[i][t]) < 1e-3 * Math.max(1, Math.abs(trained[i][t])) } }
        mismatches.size() <= 1 // a finite difference may straddle a max-pool or ReLU kink

        where:
        [arch, activation] << [Architecture.names(), ['relu', 'exp']].combinations()
    }

    def "a strand-averaged model scores a sequence and its reverse complement alike; its gradients are strand-symmetric"() {
        given:
        def model = trainedModel('cnn-local', 'relu', 'average')
        int n = 3
        float[] x = oneHot(new SplittableRandom(5), n)
        float[] rc = new float[x.length]
        n.times { org.regulens.data.OneHotBatch.reverseComplement(x, it * 4 * L, rc, it * 4 * L, L) }

        when:
        def forward = model.predict(x, n)
        def reverse = model.predict(rc, n)
        float[] g = model.inputGradients(x, n, 0)
        float[] gRc = model.inputGradients(rc, n, 0)
        float[] gRcBack = new float[g.length]
        n.times { org.regulens.data.OneHotBatch.reverseComplement(gRc, it * 4 * L, gRcBack, it * 4 * L, L) }

        then:
        (0..<n).every { i -> (0..1).every { t -> Math.abs(forward[i][t] - reverse[i][t]) < 1e-5 } }
        (0..<g.length).every { Math.abs(g[it] - gRcBack[it]) < 1e-4 }
    }
}
