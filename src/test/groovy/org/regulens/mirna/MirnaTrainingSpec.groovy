package org.regulens.mirna

import org.regulens.cli.Regulens
import org.regulens.evaluate.Metrics
import org.regulens.model.ModelFile
import org.regulens.model.ModelSettings
import org.regulens.train.TrainSettings
import org.regulens.train.Trainer
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.SplittableRandom

/**
 * Training on interaction maps through the shared Trainer: a synthetic set whose positives carry a site
 * complementary to the miRNA seed (nt 2-8) and whose negatives are shuffled targets.
 */
class MirnaTrainingSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path pairs

    static String reverseComplement(String s) {
        s.reverse().collect { [A: 'T', C: 'G', G: 'C', T: 'A'][it] }.join()
    }

    def setupSpec() {
        def random = new SplittableRandom(4)
        def base = { int n -> (0..<n).collect { 'ACGT'[random.nextInt(4)] }.join() }
        def mirnas = (0..<4).collect { base(20) }
        def lines = ['id\tmiRNA\tgene\tlabel']
        1600.times { i ->
            def mirna = mirnas[random.nextInt(mirnas.size())]
            def target = base(50)
            if (i % 2 == 0) {
                int at = 10 + random.nextInt(21) // sites in the middle, so the small set suffices
                target = target.substring(0, at) + reverseComplement(mirna.substring(1, 8)) + target.substring(at + 7)
            } else {
                def chars = target.toList()
                Collections.shuffle(chars, new Random(i))
                target = chars.join()
            }
            lines << "p$i\t$mirna\t$target\t${(i + 1) % 2}"
        }
        pairs = dir.resolve('pairs.tsv')
        pairs.text = lines.join('\n') + '\n'
    }

    static TrainSettings settings(int epochs, long seed) {
        new TrainSettings(epochs, 32, 10, 5, 0.5, false, 0, 0, 'none', 0, 1, 0, 'none', null, false, seed, null)
    }

    static ModelSettings model(String arch, long seed) {
        new ModelSettings(arch, 'relu', 0, 0, -1, true, 'none', 0.003, 1e-5, seed)
    }

    PairSet set(long seed) {
        def table = PairTable.read(pairs, true, 50)
        new PairSet(table, new InteractionMap(0.5f), ValidationSplit.of(table, 0.2, 'pair', seed))
    }

    def "the plain CNN learns seed matches from 1,280 pairs: validation average precision above 0.85 in 6 epochs"() {
        when:
        def trained = new Trainer(settings(6, 1), model('mirna-cnn', 1)).train(set(1))

        then:
        trained.metadata().validation.mean_auprc > 0.85
    }

    def "the residual network builds as a graph and trains an epoch"() {
        when:
        def trained = new Trainer(settings(1, 1), model('mirna-resnet', 1)).train(set(1))

        then:
        trained.isGraph()
        trained.metadata().epochs_run == 1
        trained.metadata().validation.mean_auprc > 0.7
        def p = trained.predict(new float[20 * 50], 1)[0][0]
        p >= 0 && p <= 1
    }

    def "the same seed gives identical parameters; another seed does not"() {
        when:
        def a = new Trainer(settings(1, 5), model('mirna-cnn', 5)).train(set(5))
        def b = new Trainer(settings(1, 5), model('mirna-cnn', 5)).train(set(5))
        def c = new Trainer(settings(1, 6), model('mirna-cnn', 6)).train(set(6))

        then:
        a.network().params().toFloatVector() == b.network().params().toFloatVector()
        a.network().params().toFloatVector() != c.network().params().toFloatVector()
    }

    def "train then predict through the CLI: input columns plus score, in input order; the model records its encoding"() {
        given:
        def model = dir.resolve('m.zip')
        def out = dir.resolve('pred.tsv')

        when:
        int trained = Regulens.execute('mirna', 'train', '--pairs', pairs.toString(), '--out', model.toString(),
                '--arch', 'cnn', '--epochs', '3', '--seed', '3', '--wobble', '0.25', '--lr', '0.003', '-q')
        int predicted = Regulens.execute('mirna', 'predict', '--model', model.toString(), '--pairs', pairs.toString(),
                '--out', out.toString(), '-q')
        def input = pairs.readLines()
        def output = out.readLines()
        def loaded = ModelFile.load(model)
        def scores = output.drop(1).collect { it.split('\t')[4] as float } as float[]
        def labels = input.drop(1).collect { it.split('\t')[3] as float } as float[]

        then:
        trained == 0 && predicted == 0
        output[0] == input[0] + '\tscore'
        output.size() == input.size()
        (1..<input.size()).every { output[it].startsWith(input[it] + '\t') }
        scores.every { it >= 0 && it <= 1 }
        Metrics.of(scores, labels).auprc() > 0.75
        loaded.metadata().input == 'interaction-map'
        loaded.metadata().encoding.wobble == 0.25
        loaded.settings().arch() == 'mirna-cnn'
        dir.resolve('m.training.tsv').readLines().size() >= 2
    }

    def "predict and evaluate average several --model: the score is the sigmoid of the mean of the models' logits"() {
        given: 'two 1-epoch models of different seeds, trained on 400 of the pairs (cheap; they need not be good)'
        def (a, b) = ensembleModels()
        def few = dir.resolve('ens_train.tsv')
        def score = { List<Path> models, String name ->
            def out = dir.resolve(name)
            runWith(models, ['mirna', 'predict', '--pairs', few.toString(), '--out', out.toString(), '-q'])
            column(out, 'score')
        }

        when:
        def pa = score([a], 'ens_a.tsv')
        def pb = score([b], 'ens_b.tsv')
        def both = score([a, b], 'ens_ab.tsv')
        def metrics = dir.resolve('ens_metrics.tsv')
        int evaluated = Regulens.execute('mirna', 'evaluate', '--model', a.toString(), '--model', b.toString(),
                '--pairs', few.toString(), '--out', metrics.toString(), '-q')
        def labels = few.readLines().drop(1).collect { it.split('\t')[3] as float } as float[]

        then: 'by hand from the single-model probabilities (written with 6 decimals)'
        pa != pb
        (0..<pa.size()).every { i ->
            Math.abs(both[i] - 1 / (1 + Math.exp(-(logit(pa[i]) + logit(pb[i])) / 2))) < 1e-4
        }
        and: 'evaluate scores the same average'
        evaluated == 0
        Math.abs((metrics.readLines()[1].split('\t')[2] as double)
                - Metrics.of(both.collect { it as float } as float[], labels).auprc()) < 1e-3
    }

    def "explain, mutagenesis and scan average several --model too: logits, attributions, effects and window scores are the models' means"() {
        given: 'the two 1-epoch models of the predict/evaluate feature, and 6 of the pairs'
        def (a, b) = ensembleModels()
        def six = dir.resolve('ens_six.tsv')
        six.text = pairs.readLines().take(7).collect { it.split('\t')[1..2].join('\t') }.join('\n') + '\n'
        def explain = { List<Path> models, String name ->
            def out = dir.resolve(name)
            // the empty-map baseline keeps integrated gradients linear in the function (floor baselines are chosen by it)
            runWith(models, ['mirna', 'explain', '--pairs', six.toString(), '--out', out.toString(), '--baseline',
                             'empty', '--steps', '8', '--svg', '0', '-q'])
            [column(out.resolve('explain.tsv'), 'logit'), column(out.resolve('explain.tsv'), 'attribution_sum')]
                    .transpose()
        }
        def mutagenesis = { List<Path> models, String name ->
            def out = dir.resolve(name)
            runWith(models, ['mirna', 'mutagenesis', '--pairs', six.toString(), '--out', out.toString(), '-q'])
            column(out.resolve('mutations.tsv'), 'delta_logit')
        }

        def utr = dir.resolve('ens_utr.fa')
        def random = new SplittableRandom(11)
        utr.text = '>utr\n' + (0..<200).collect { 'ACGT'[random.nextInt(4)] }.join() + '\n'
        def mirna = six.readLines()[1].split('\t')[0]
        def scan = { List<Path> models, String name ->
            def out = dir.resolve(name)
            runWith(models, ['mirna', 'scan', '--mirna', mirna, '--targets', utr.toString(), '--out', out.toString(),
                             '--null-windows', '250', '--stride', '10', '-q'])
            column(out.resolve('windows.tsv'), 'score')
        }

        when:
        def ea = explain([a], 'ens_explain_a')
        def eb = explain([b], 'ens_explain_b')
        def eab = explain([a, b], 'ens_explain_ab')
        def ma = mutagenesis([a], 'ens_mut_a')
        def mb = mutagenesis([b], 'ens_mut_b')
        def mab = mutagenesis([a, b], 'ens_mut_ab')
        def sa = scan([a], 'ens_scan_a')
        def sb = scan([b], 'ens_scan_b')
        def sab = scan([a, b], 'ens_scan_ab')

        then: 'each pair: the mean logit, and an attribution total that is the mean of the two (5 decimals written)'
        eab.size() == 6
        (0..<6).every { i -> Math.abs(eab[i][0] - (ea[i][0] + eb[i][0]) / 2) < 2e-4 }
        (0..<6).every { i -> Math.abs(eab[i][1] - (ea[i][1] + eb[i][1]) / 2) < 2e-4 }
        ea.collect { it[0] } != eb.collect { it[0] }
        and: 'every substitution: the mean change of logit'
        mab.size() == ma.size() && ma.size() == 6 * (50 + 20) * 3
        (0..<mab.size()).every { k -> Math.abs(mab[k] - (ma[k] + mb[k]) / 2) < 2e-4 }
        and: 'every window of the scan: the sigmoid of the mean logit (probabilities written with 6 decimals)'
        sab.size() == 16 && sa.size() == 16
        (0..<16).every { w -> Math.abs(sab[w] - 1 / (1 + Math.exp(-(logit(sa[w]) + logit(sb[w])) / 2))) < 1e-4 }
    }

    def "models averaged must share their encoding: another wobble is refused, naming the file"() {
        given:
        def (a, b) = ensembleModels()
        def c = dir.resolve('ens_wobble.zip')
        def few = dir.resolve('ens_train.tsv')
        assert Regulens.execute('mirna', 'train', '--pairs', few.toString(), '--out', c.toString(), '--arch', 'cnn',
                '--epochs', '1', '--seed', '9', '--wobble', '0.25', '-q') == 0
        def err = new ByteArrayOutputStream()
        def saved = System.err
        System.setErr(new PrintStream(err, true))

        when:
        int code
        try {
            code = Regulens.execute('mirna', 'predict', '--model', a.toString(), '--model', c.toString(),
                    '--pairs', few.toString(), '--out', dir.resolve('ens_refused.tsv').toString())
        } finally {
            System.setErr(saved)
        }

        then:
        code == 1
        err.toString().contains('ens_wobble.zip')
        err.toString().contains('share their encoding')
        !dir.resolve('ens_refused.tsv').toFile().exists()
    }

    /** Runs a regulens command with one --model per file; it must succeed. */
    private static void runWith(List<Path> models, List<String> args) {
        assert Regulens.execute((args + models.collectMany { ['--model', it.toString()] }) as String[]) == 0
    }

    /** The named column of a TSV with a header, as numbers. */
    private static List<Double> column(Path tsv, String name) {
        def rows = tsv.readLines()
        int index = (rows[0].split('\t') as List).indexOf(name)
        assert index >= 0, "$tsv has no column $name"
        rows.drop(1).collect { it.split('\t')[index] as double }
    }

    private static double logit(double p) {
        Math.log(p / (1 - p))
    }

    /** Two 1-epoch models of different seeds trained on 400 of the pairs (cheap; they need not be good). */
    private List<Path> ensembleModels() {
        def a = dir.resolve('ens_a.zip')
        def b = dir.resolve('ens_b.zip')
        def few = dir.resolve('ens_train.tsv')
        if (!few.toFile().exists()) {
            few.text = pairs.readLines().take(401).join('\n') + '\n'
        }
        [[a, '7'], [b, '8']].each { model, seed ->
            if (!model.toFile().exists()) {
                assert Regulens.execute('mirna', 'train', '--pairs', few.toString(), '--out', model.toString(),
                        '--arch', 'cnn', '--epochs', '1', '--seed', seed, '-q') == 0
            }
        }
        [a, b]
    }

    def "the mean of logits is taken element-wise"() {
        expect:
        MapFunction.mean([[1f, -2f, 0.5f] as float[], [3f, 2f, -0.5f] as float[],
                          [-1f, 3f, 3f] as float[]] as float[][]) == [1f, 1f, 1f] as float[]
    }
}
