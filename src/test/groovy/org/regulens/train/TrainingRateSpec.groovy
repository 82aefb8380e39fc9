package org.regulens.train

import org.nd4j.linalg.factory.Nd4j
import org.regulens.data.TrainingData
import org.regulens.io.npz.DType
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import org.regulens.model.ModelSettings
import org.regulens.model.NetworkFactory
import org.regulens.model.RegulensModel
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.SplittableRandom

/**
 * The training loss as logged, the learning-rate range test and the exponential layer's initial scale, on 200
 * sequences with a planted GATA core and two identical tasks (so that a sum over tasks and a mean differ by 2).
 */
class TrainingRateSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path file
    static final int L = 60
    static final int N = 200

    def setupSpec() {
        def random = new SplittableRandom(3)
        byte[] x = new byte[N * 4 * L]
        float[] y = new float[N * 2]
        byte[] split = new byte[N]
        N.times { i ->
            char[] s = (0..<L).collect { 'ACGT'[random.nextInt(4)] as char } as char[]
            if (i % 2 == 0) {
                int at = random.nextInt(L - 8)
                'AGATAAGG'.eachWithIndex { c, k -> s[at + k] = c as char }
            }
            y[2 * i] = y[2 * i + 1] = i % 2 == 0 ? 1 : 0
            s.eachWithIndex { c, j -> x[i * 4 * L + 'ACGT'.indexOf(c as String) * L + j] = 1 }
            split[i] = i % 5 == 0 ? 1 : 0
        }
        y[2 * 3 + 1] = Float.NaN // one unknown label: it must count in neither the sum nor the number of labels
        file = dir.resolve('two-tasks.npz')
        NpzWriter.create(file).withCloseable { npz ->
            npz.write('x', NpyArray.ofBytes(x, DType.UINT8, N, 4, L))
            npz.write('y', NpyArray.ofFloats(y, N, 2))
            npz.write('split', NpyArray.ofBytes(split, DType.INT8, N))
            npz.write('tasks', NpyArray.ofStrings('a', 'b'))
            npz.commit()
        }
    }

    static TrainSettings settings(int epochs, boolean autoRate, Path log = null) {
        new TrainSettings(epochs, 32, epochs, epochs, 0.5, false, 0, 0, 'none', 0, 1, 0, 'none', null, false, 1L, log,
                LearningRateSchedule.Mode.CONSTANT, autoRate)
    }

    /** cnn-local without batch norm or dropout: training-mode outputs equal inference ones. */
    static ModelSettings plain(double lr) {
        new ModelSettings('cnn-local', 'relu', 8, 9, 0, false, 'none', lr, 0, 1)
    }

    def "the logged training loss is the cross-entropy per known label, as the validation loss is (not a sum over tasks)"() {
        given: 'a rate too small to move the parameters during the one epoch'
        def log = dir.resolve('per-label.tsv')

        when:
        def trained = TrainingData.open(file, true).withCloseable { new Trainer(settings(1, false, log), plain(1e-12)).train(it) }
        def logged = log.readLines()[1].split('\t')[2] as double
        def expected = TrainingData.open(file, true).withCloseable { d ->
            float[][] z = trained.logits(d.oneHot(0, N), N)
            // by hand: Σ over training rows and known labels of softplus(-z)·y + softplus(z)·(1 - y), / labels
            double sum = 0
            int labels = 0
            (0..<N).findAll { it % 5 != 0 }.each { i ->
                (0..1).each { k ->
                    float y = d.label(i, k)
                    if (!Float.isNaN(y)) {
                        double s = z[i][k]
                        sum += y * Math.log1p(Math.exp(-s)) + (1 - y) * (Math.log1p(Math.exp(-s)) + s)
                        labels++
                    }
                }
            }
            sum / labels
        }

        then:
        Math.abs(logged - expected) < 1e-4
    }

    def "--lr auto: a seeded range test chooses the rate by its rule; the model is built with it and records the test"() {
        when:
        def train = {
            TrainingData.open(file, true).withCloseable {
                def trainer = new Trainer(settings(1, true), plain(1e-3))
                trainer.rangeTestSteps = 20
                trainer.train(it)
            }
        }
        def a = train()
        def b = train()
        def test = a.metadata().lr_range_test

        then:
        test.steps > 1 && test.steps <= 20
        test.chosen == Math.max(1e-4, Math.min(0.03, test.rate_at_minimum / 10))
        a.settings().learningRate() == test.chosen
        b.metadata().lr_range_test == test
        a.network().params() == b.network().params()
    }

    def "the exponential first layer's initial scale goes on conv1_bn's gamma with batch norm, on conv1's weights without"() {
        given:
        def withBn = new ModelSettings('cnn-local', 'exp', 8, 9, 0, true, 'none', 1e-3, 0, 1)
        def withoutBn = new ModelSettings('cnn-local', 'exp', 8, 9, 0, false, 'none', 1e-3, 0, 1)
        def relu = new ModelSettings('cnn-local', 'relu', 8, 9, 0, true, 'none', 1e-3, 0, 1)
        def build = { ModelSettings s ->
            Nd4j.getRandom().setSeed(3)
            new RegulensModel(NetworkFactory.build(s, L, 1, [1] as double[], true), s, L, ['a'], [:])
        }

        when:
        def bn = build(withBn)
        def gamma = bn.parameter('conv1_bn', 'gamma').dup()
        def w = bn.parameter('conv1', 'W').dup()
        def scaledBn = ExponentialInitialiser.apply(bn, withBn, 0.25d)
        def noBn = build(withoutBn)
        def w0 = noBn.parameter('conv1', 'W').dup()
        def scaledNoBn = ExponentialInitialiser.apply(noBn, withoutBn, 0.25d)
        def r = build(relu)
        def rw = r.parameter('conv1', 'W').dup()

        then:
        scaledBn == 'conv1_bn gamma'
        bn.parameter('conv1_bn', 'gamma') == gamma.mul(0.25d)
        bn.parameter('conv1', 'W') == w
        scaledNoBn == 'conv1 W'
        noBn.parameter('conv1', 'W') == w0.mul(0.25d)
        ExponentialInitialiser.apply(r, relu, 0.25d) == null
        r.parameter('conv1', 'W') == rw

        and: 'by default nothing is scaled (the curves in bench/real/RESULTS.md: it slowed learning)'
        ExponentialInitialiser.scale() == 1d
    }
}
