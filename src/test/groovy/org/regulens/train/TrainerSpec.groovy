package org.regulens.train

import org.regulens.data.TrainingData
import org.regulens.io.npz.DType
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import org.regulens.model.ModelSettings
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
}
