package org.regulens.train

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork
import org.nd4j.linalg.factory.Nd4j
import org.regulens.data.TrainingData
import org.regulens.io.npz.DType
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import org.regulens.model.ModelSettings
import org.regulens.model.NetworkFactory
import org.regulens.model.RegulensModel
import org.regulens.motif.Background
import org.regulens.motif.MotifDatabase
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.SplittableRandom

/** The trainer's options on a tiny data set whose positives carry a GATA motif core (AGATAA). */
class TrainerSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path file
    @Shared Path small
    static final int L = 60

    def setupSpec() {
        def random = new SplittableRandom(2)
        int n = 1000
        byte[] x = new byte[n * 4 * L]
        float[] y = new float[n]
        byte[] split = new byte[n]
        n.times { i ->
            char[] s = (0..<L).collect { 'ACGT'[random.nextInt(4)] as char } as char[]
            if (i % 2 == 0) {
                int at = random.nextInt(L - 8)
                'AGATAAGG'.eachWithIndex { c, k -> s[at + k] = c as char }
                y[i] = 1
            }
            s.eachWithIndex { c, j -> x[i * 4 * L + 'ACGT'.indexOf(c as String) * L + j] = 1 }
            split[i] = i % 5 == 0 ? 1 : 0
        }
        y[3] = Float.NaN // a masked label must not break anything
        file = dir.resolve('tiny.npz')
        write(file, x, y, split, n)
        small = dir.resolve('small.npz') // the first 100 rows: for tests that train only to look at what changed
        write(small, Arrays.copyOf(x, 100 * 4 * L), Arrays.copyOf(y, 100), Arrays.copyOf(split, 100), 100)
    }

    static void write(Path file, byte[] x, float[] y, byte[] split, int n) {
        NpzWriter.create(file).withCloseable { npz ->
            npz.write('x', NpyArray.ofBytes(x, DType.UINT8, n, 4, L))
            npz.write('y', NpyArray.ofFloats(y, n, 1))
            npz.write('split', NpyArray.ofBytes(split, DType.INT8, n))
            npz.write('tasks', NpyArray.ofStrings('gata'))
            npz.commit()
        }
    }

    static TrainSettings settings(Map overrides = [:]) {
        Map s = [epochs: 6, batchSize: 32, patience: 6, lrPatience: 3, lrFactor: 0.5, rcAugment: true, maxShift: 0,
                 noise: 0d, adversarial: 'none', advEpsilon: 0.1d, advSteps: 2, advFraction: 0.5d,
                 positiveWeight: 'none', initMotifs: null, freezeMotifs: false, seed: 1L, log: null] + overrides
        new TrainSettings(s.epochs, s.batchSize, s.patience, s.lrPatience, s.lrFactor, s.rcAugment, s.maxShift,
                s.noise, s.adversarial, s.advEpsilon, s.advSteps, s.advFraction, s.positiveWeight,
                s.initMotifs as Path, s.freezeMotifs, s.seed, s.log as Path)
    }

    static ModelSettings model(String rc = 'none') {
        new ModelSettings('cnn-local', 'relu', 8, 9, 0, true, rc, 0.01, 0, 1)
    }

    def "every training option runs and learns the motif (validation auROC > 0.8): #name"() {
        when:
        def trained = TrainingData.open(file, true).withCloseable { new Trainer(settings(options), model(rc)).train(it) }

        then:
        trained.metadata().validation.mean_auroc > 0.8

        where:
        name                   | options                                        | rc
        'plain'                | [:]                                            | 'none'
        'balanced weights'     | [positiveWeight: 'balanced']                   | 'none'
        'shift and noise'      | [maxShift: 3, noise: 0.05d]                    | 'none'
        'FGSM'                 | [adversarial: 'fgsm']                          | 'none'
        'PGD'                  | [adversarial: 'pgd']                           | 'none'
        'strand averaging'     | [rcAugment: false]                             | 'average'
    }

    def "motif-initialised filters start as the motif's log-odds and, frozen, stay so"() {
        given: 'a one-motif file: GATA1 from the bundled JASPAR'
        def motifFile = dir.resolve('gata.jaspar')
        def gata = MotifDatabase.byId(MotifDatabase.jaspar2024(), 'MA0035.5', 'JASPAR2024')
        org.regulens.motif.MemeWriter.write(motifFile, [gata], Background.uniform())
        double[][] logOdds = org.regulens.motif.MotifReader.read(motifFile)[0].logOdds(0.5, Background.uniform())

        when:
        def trained = TrainingData.open(file, true).withCloseable {
            new Trainer(settings(initMotifs: motifFile, freezeMotifs: true, epochs: 2), model()).train(it)
        }
        def w = trained.network().getLayer('conv1').getParam('W')
        def filters = w.reshape('c' as char, [8, 4, 9] as long[])
        int width = logOdds.length
        int offset = (9 - width).intdiv(2)

        then: 'filter 0 holds the central 9 columns of the motif (it is wider than the filter); filter 1 is free'
        (0..<9).every { j ->
            int m = j - offset
            (0..<4).every { b -> Math.abs(filters.getDouble(0, b, j) - (m >= 0 && m < width ? logOdds[m][b] : 0)) < 1e-5 }
        }
    }

    static ModelSettings residualBind(long seed = 1) {
        // the publication's layers with a smaller first layer (and so residual block): 16 filters of width 9
        new ModelSettings('residualbind', 'relu', 16, 9, -1, true, 'none', 0.01, 0, seed)
    }

    def "residualbind (a graph) learns the motif (validation auROC > 0.8): #name"() {
        when:
        def trained = TrainingData.open(file, true).withCloseable { new Trainer(settings(options), residualBind()).train(it) }

        then:
        trained.isGraph()
        trained.metadata().validation.mean_auroc > 0.8

        where:
        name                               | options
        'plain'                            | [:]
        'FGSM, shifts, noise, pos. weights' | [adversarial: 'fgsm', maxShift: 3, noise: 0.05d, positiveWeight: 'balanced']
    }

    def "residualbind training is deterministic: the same seed gives identical parameters, another seed others"() {
        when:
        def train = { long seed ->
            TrainingData.open(file, true).withCloseable {
                new Trainer(settings(epochs: 1, adversarial: 'pgd', maxShift: 2, noise: 0.02d, seed: seed), residualBind(seed)).train(it)
            }.network().params().dup()
        }
        def a = train(4)
        def b = train(4)
        def c = train(5)

        then:
        a == b
        a != c
    }

    def "motif initialisation reaches residualbind's first layer"() {
        given:
        def motifFile = dir.resolve('gata-rb.jaspar')
        def gata = MotifDatabase.byId(MotifDatabase.jaspar2024(), 'MA0035.5', 'JASPAR2024')
        org.regulens.motif.MemeWriter.write(motifFile, [gata], Background.uniform())
        double[][] logOdds = org.regulens.motif.MotifReader.read(motifFile)[0].logOdds(0.5, Background.uniform())

        when:
        def trained = TrainingData.open(file, true).withCloseable {
            new Trainer(settings(initMotifs: motifFile, freezeMotifs: true, epochs: 1), residualBind()).train(it)
        }
        def filters = trained.parameter('conv1', 'W').reshape('c' as char, [16, 4, 9] as long[])
        int offset = (9 - logOdds.length).intdiv(2)

        then:
        (0..<9).every { j ->
            int m = j - offset
            (0..<4).every { b -> Math.abs(filters.getDouble(0, b, j) - (m >= 0 && m < logOdds.length ? logOdds[m][b] : 0)) < 1e-5 }
        }
    }

    def "every improving epoch hands the best model so far to the checkpoint, as the training log marks them"() {
        given:
        def log = dir.resolve('checkpoints.training.tsv')
        def handed = []

        when:
        def trained = TrainingData.open(small, true).withCloseable {
            new Trainer(settings(epochs: 5, patience: 5, log: log), model())
                    .checkpointing { handed << [epoch: it.metadata().best_epoch, stopped: it.metadata().stopped,
                                                params: it.network().params().dup()] }
                    .train(it)
        }
        def improving = log.readLines().drop(1).collect { it.split('\t') }.findAll { it[8] == 'true' }
                .collect { it[0] as int }

        then: 'one hand-over per improving epoch, in order, while training runs'
        handed*.epoch == improving
        handed.every { it.stopped == 'running' }
        and: 'the last one is the model returned'
        handed.last().params.equals(trained.network().params())
        trained.metadata().best_epoch == improving.last()
        trained.metadata().stopped == 'completed'
    }

    def "a time limit stops after the first epoch (always completed) when it is already used up"() {
        when:
        def trained = TrainingData.open(small, true).withCloseable {
            new Trainer(settings(epochs: 4), model()).timeLimit(1e-6).train(it)
        }

        then:
        trained.metadata().epochs_run == 1
        trained.metadata().best_epoch == 1
        trained.metadata().stopped == 'time_limit'
    }

    // What each option changes, against expectations computed here (a no-op implementation fails each of these).

    /** A cnn-local network without batch norm or dropout, so that training-mode gradients equal inference ones. */
    static ModelSettings plainModel(double lr = 0.01) {
        new ModelSettings('cnn-local', 'relu', 8, 9, 0, false, 'none', lr, 0, 1)
    }

    static RegulensModel untrained(double[] positiveWeights = [1] as double[]) {
        Nd4j.getRandom().setSeed(7)
        new RegulensModel(NetworkFactory.build(plainModel(), L, 1, positiveWeights, true), plainModel(), L, ['gata'], [:])
    }

    /** Rows [first, first + n) of the tiny data set as one-hot floats, with their labels. */
    Map rows(int first, int n) {
        TrainingData.open(file, true).withCloseable { data ->
            [x: data.oneHot(first, n), y: (first..<first + n).collect { data.label(it, 0) }]
        }
    }

    /** Σ over rows of the weighted binary cross-entropy of the model's logits (w on positives), by hand. */
    static double loss(RegulensModel model, float[] x, List y, int n, double w = 1) {
        float[][] z = model.logits(x, n)
        (0..<n).collect { i ->
            double s = z[i][0]
            double softplusNeg = Math.log1p(Math.exp(-s))
            y[i] * w * softplusNeg + (1 - y[i]) * (softplusNeg + s)
        }.sum() as double
    }

    def "noise augmentation adds zero-mean Gaussian noise of the set standard deviation to every input value"() {
        given:
        def data = rows(0, 200)
        def trainer = new Trainer(settings(rcAugment: false, noise: 0.1d), plainModel())

        when:
        float[] out = trainer.augment(data.x as float[], 200, L, 4 * L, new SplittableRandom(3))
        def d = (0..<out.length).collect { (double) out[it] - data.x[it] }
        double mean = d.sum() / d.size()
        double sd = Math.sqrt(d.collect { (it - mean) * (it - mean) }.sum() / (d.size() - 1))

        then: '48,000 draws: the sample sd is within 2% of 0.1, the mean within 5 standard errors of 0'
        d.every { it != 0d }
        Math.abs(sd - 0.1) < 0.002
        Math.abs(mean) < 5 * 0.1 / Math.sqrt(d.size())
    }

    def "shift augmentation moves each row by at most the set shift, padding with all-zero (N) columns, using every shift"() {
        given:
        def data = rows(0, 200)
        float[] x = data.x
        def trainer = new Trainer(settings(rcAugment: false, maxShift: 3), plainModel())

        when:
        float[] out = trainer.augment(x, 200, L, 4 * L, new SplittableRandom(4))
        def shifts = (0..<200).collect { i ->
            (-L..L).findAll { s ->
                (0..<4).every { b ->
                    (0..<L).every { j ->
                        int from = j - s
                        float expected = from >= 0 && from < L ? x[i * 4 * L + b * L + from] : 0f
                        out[i * 4 * L + b * L + j] == expected
                    }
                }
            }
        }

        then: 'every row is its input shifted by exactly one s in [-3, 3], zero-padded; all seven shifts occur'
        shifts.every { it.size() == 1 && Math.abs(it[0]) <= 3 }
        shifts.collect { it[0] }.toSet() == (-3..3).toSet()
    }

    def "FGSM moves every input value that the gradient reaches by exactly epsilon along the sign of the loss gradient (finite differences) and raises the loss"() {
        given:
        def model = untrained()
        def data = rows(4, 4) // rows 4-7: labelled (row 3 is masked)
        float[] x = data.x
        def labels = Nd4j.createFromArray(data.y as float[]).reshape(4, 1)
        def trainer = new Trainer(settings(adversarial: 'fgsm', advEpsilon: 0.05d), plainModel())

        when:
        float[] adv = trainer.adversarial(model, model.input(x, 4), labels, Nd4j.ones(4, 1)).dup('c' as char).reshape(-1).toFloatVector()
        def random = new SplittableRandom(5)
        def signs = (0..<40).collect {
            int k = random.nextInt(x.length)
            float[] plus = x.clone(); plus[k] += 1e-2f
            float[] minus = x.clone(); minus[k] -= 1e-2f
            double fd = (loss(model, plus, data.y, 4) - loss(model, minus, data.y, 4)) / 2e-2
            [fd, adv[k] - x[k]]
        }.findAll { Math.abs(it[0]) > 1e-4 }

        then: 'L-infinity distance epsilon on every value, steps that agree in sign with the gradient, a larger loss'
        // sign(0) = 0: entries that no gradient reaches (ReLU off, not a pool's maximum) stay
        (0..<x.length).every { double d = Math.abs(adv[it] - x[it]); d < 1e-6 || Math.abs(d - 0.05) < 1e-6 }
        (0..<x.length).count { Math.abs(adv[it] - x[it]) > 1e-6 } > x.length / 4
        signs.size() >= 10
        signs.every { Math.signum(it[0]) == Math.signum(it[1]) }
        loss(model, adv, data.y, 4) > loss(model, x, data.y, 4)
    }

    def "PGD stays within the epsilon L-infinity ball, moves further than one of its steps, and raises the loss more than FGSM's first step"() {
        given:
        def model = untrained()
        def data = rows(4, 4) // rows 4-7: labelled (row 3 is masked)
        float[] x = data.x
        def labels = Nd4j.createFromArray(data.y as float[]).reshape(4, 1)
        def attack = { Map options ->
            new Trainer(settings(options), plainModel()).adversarial(model, model.input(x, 4), labels, Nd4j.ones(4, 1))
                    .dup('c' as char).reshape(-1).toFloatVector()
        }

        when:
        float[] pgd = attack(adversarial: 'pgd', advEpsilon: 0.05d, advSteps: 8)
        float[] oneStep = attack(adversarial: 'pgd', advEpsilon: 0.05d, advSteps: 1)
        double distance = (0..<x.length).collect { Math.abs(pgd[it] - x[it]) }.max()

        then: 'steps of epsilon/4: after 8 of them, clipped, the largest change is exactly epsilon'
        (0..<x.length).every { Math.abs(pgd[it] - x[it]) <= 0.05 + 1e-6 }
        Math.abs(distance - 0.05) < 1e-6
        (0..<x.length).every { double d = Math.abs(oneStep[it] - x[it]); d < 1e-6 || Math.abs(d - 0.0125) < 1e-6 }
        loss(model, pgd, data.y, 4) > loss(model, oneStep, data.y, 4)
        loss(model, oneStep, data.y, 4) > loss(model, x, data.y, 4)
    }

    def "positive weights: 'balanced' is negatives/positives of the labelled training rows, and the trained loss scales positives' gradients by the weight"() {
        given: 'training rows are those with i % 5 != 0: 400 positives (even i) and 399 labelled negatives (row 3 is masked)'
        def balanced = TrainingData.open(file, true).withCloseable { d ->
            new Trainer(settings(positiveWeight: 'balanced'), plainModel()).positiveWeights(d, d.rowsOf(0))
        }

        when: 'a model trained with weight 3, and the same parameters under an unweighted loss'
        def trained = TrainingData.open(small, true).withCloseable {
            new Trainer(settings(positiveWeight: '3', epochs: 1, rcAugment: false), plainModel()).train(it)
        }
        def unweighted = NetworkFactory.build(plainModel(), L, 1, [1] as double[], true)
        unweighted.setParams(trained.network().params().dup())
        def reference = new RegulensModel(unweighted, plainModel(), L, ['gata'], [:])
        def data = rows(0, 10)
        def ratio = { int row ->
            def input = trained.input(Arrays.copyOfRange(data.x as float[], row * 4 * L, (row + 1) * 4 * L), 1)
            def label = Nd4j.createFromArray([data.y[row]] as float[]).reshape(1, 1)
            def g = trained.lossInputGradient(input, label, Nd4j.ones(1, 1))
            def g1 = reference.lossInputGradient(input, label, Nd4j.ones(1, 1))
            g.sumNumber().doubleValue() / g1.sumNumber().doubleValue()
        }

        then:
        balanced == [399d / 400] as double[]
        trained.metadata().positive_weights == [3d] as double[]
        [0, 2, 4].every { Math.abs(ratio(it) - 3) < 1e-4 }   // positives
        [1, 5, 7].every { Math.abs(ratio(it) - 1) < 1e-4 }   // negatives
    }

    def "early stopping ends training 'patience' epochs after the last improvement, and the learning rate is halved after 'lrPatience' epochs without one"() {
        given: 'a learning rate too small to change float parameters: validation auPR never improves after epoch 1'
        def log = dir.resolve('stop.tsv')

        when:
        def trained = TrainingData.open(small, true).withCloseable {
            new Trainer(settings(epochs: 10, patience: 4, lrPatience: 2, lrFactor: 0.5d, rcAugment: false, log: log),
                    plainModel(1e-12)).train(it)
        }
        def lines = log.readLines().tail().collect { it.split('\t') }

        then: 'by hand: epochs 2-3 without improvement cut the rate (epoch 4 runs at half), epoch 5 is the 4th without: stop'
        lines.collect { it[5] as double }.toSet().size() == 1 // the premise: auPR constant
        lines.collect { it[8] } == ['true', 'false', 'false', 'false', 'false']
        trained.metadata().epochs_run == 5
        trained.metadata().best_epoch == 1
        lines.collect { it[1] as double } == [1e-12, 1e-12, 1e-12, 5e-13, 5e-13]
        Math.abs((trained.network() as MultiLayerNetwork).getLearningRate(0) - 5e-13) < 1e-18
    }
}
