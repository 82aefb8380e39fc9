package org.regulens.mirna

import org.regulens.cli.Regulens
import org.regulens.io.npz.NpzFile
import org.regulens.model.ModelFile
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.Arrays
import java.util.SplittableRandom

/**
 * mirna explain on a model trained on planted ground truth: positives carry the complement of their miRNA's seed
 * (nt 2-8) at a recorded place, negatives are shuffled targets. The attribution must find the seed pairing.
 */
class MirnaExplainSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path model
    @Shared Path heldOut
    @Shared Path explained
    @Shared List<Map<String, String>> rows

    static String rc(String s) {
        s.reverse().collect { [A: 'T', C: 'G', G: 'C', T: 'A'][it] }.join()
    }

    /** Pairs with columns id, miRNA, gene, label, site (0-based start of the planted 7mer, -1 for negatives). */
    static List<String> pairs(long seed, int n, List<String> mirnas) {
        def random = new SplittableRandom(seed)
        def base = { int k -> (0..<k).collect { 'ACGT'[random.nextInt(4)] }.join() }
        def lines = ['id\tmiRNA\tgene\tlabel\tsite']
        n.times { i ->
            def mirna = mirnas[random.nextInt(mirnas.size())]
            def target = base(50)
            int at = -1
            if (i % 2 == 0) {
                at = 8 + random.nextInt(28)
                target = target.substring(0, at) + rc(mirna.substring(1, 8)) + target.substring(at + 7)
            } else {
                def chars = target.toList()
                Collections.shuffle(chars, new Random(seed * 1000 + i))
                target = chars.join()
            }
            lines << "p$i\t$mirna\t$target\t${(i + 1) % 2}\t$at"
        }
        lines
    }

    def setupSpec() {
        def random = new SplittableRandom(21)
        def mirnas = (0..<6).collect { (0..<22).collect { 'ACGT'[random.nextInt(4)] }.join() }
        def training = dir.resolve('train.tsv')
        training.text = pairs(5, 2000, mirnas).join('\n') + '\n'
        heldOut = dir.resolve('held_out.tsv')
        heldOut.text = pairs(6, 160, mirnas).join('\n') + '\n'
        model = dir.resolve('m.zip')
        assert Regulens.execute('mirna', 'train', '--pairs', training.toString(), '--out', model.toString(),
                '--arch', 'cnn', '--epochs', '8', '--seed', '2', '--lr', '0.003', '-q') == 0
        explained = dir.resolve('explain')
        assert Regulens.execute('mirna', 'explain', '--model', model.toString(), '--pairs', heldOut.toString(),
                '--out', explained.toString(), '--svg', '5', '-q') == 0
        def lines = explained.resolve('explain.tsv').readLines()
        def header = lines[0].split('\t')
        rows = lines.drop(1).collect { line -> [header, line.split('\t', -1)].transpose().collectEntries() }
    }

    def "importance concentrates on the planted seed pairing"() {
        given: 'held-out positives the model calls binding'
        def called = rows.findIndexValues { it.label == '1' && (it.score as double) > 0.5 }*.intValue()
        def npz = NpzFile.open(explained.resolve('attributions.npz'))
        def attributions = npz.read('attributions').asFloats()
        def mirnaImportance = npz.read('mirna_importance').asFloats()
        npz.close()
        // the 7 cells of the planted duplex: miRNA position p (2-8) facing target index site + 8 - p, column 49 - that
        def diagonalShare = called.collect { i ->
            int site = rows[i].site as int
            double diagonal = (2..8).sum { p -> attributions[i * 1000 + (p - 1) * 50 + 49 - (site + 8 - p)] }
            diagonal / (rows[i].attribution_sum as double)
        }
        def meanByPosition = (0..<20).collect { p -> called.sum { i -> mirnaImportance[i * 20 + p] } / called.size() }

        expect: 'most positives are called'
        called.size() >= 60

        // floor baselines: the net is what the pair adds over the empty map and the lowest-scoring shuffles, chance
        // pairings included (0.43 here; over 0.5 from the earlier default, shuffles whatever they score)
        and: 'the 7 cells of the planted duplex (of 1,000) hold over a third of the net attribution'
        diagonalShare.sum() / diagonalShare.size() > 0.35

        and: 'every seed position (2-8) outweighs every position 9-20 on average; the seed holds over its 35% row share'
        meanByPosition[1..7].min() > meanByPosition[8..19].max()
        called.sum { rows[it].seed_share as double } / called.size() > 0.5

        and: 'the most important target position lies in the planted site, the most important miRNA position in the seed'
        called.count { i -> int top = rows[i].top_target_position as int; top > (rows[i].site as int) && top <= (rows[i].site as int) + 7 } >= 0.8 * called.size()
        called.count { rows[it].top_mirna_position as int in 2..8 } >= 0.8 * called.size()
    }

    def "planted sites align as seed duplexes on the planted target positions (chance duplexes aside)"() {
        given:
        def positives = rows.findAll { it.label == '1' }
        def seeded = positives.findAll { it.seed_match == '2-8' && it['class'] in ['seed', "seed+3'"] }

        expect:
        seeded.size() >= 0.9 * positives.size()
        // a chance second copy of the 7mer may be aligned instead (it happens once here)
        seeded.count { (it.target_start as int) <= (it.site as int) && (it.target_end as int) >= (it.site as int) + 7 } >= 0.95 * seeded.size()
    }

    def "integrated gradients are complete: attributions sum to logit minus the mean baseline logit, closer with more steps"() {
        given:
        def few = dir.resolve('few10.tsv')
        few.text = heldOut.readLines().take(11).join('\n') + '\n'
        def out = dir.resolve('steps64')
        assert Regulens.execute('mirna', 'explain', '--model', model.toString(), '--pairs', few.toString(),
                '--out', out.toString(), '--steps', '64', '--svg', '0', '-q') == 0
        def error = { List<Map> r -> r.collect { Math.abs((it.attribution_sum as double) - (it.logit_minus_baseline as double)) / (1 + Math.abs(it.logit_minus_baseline as double)) } }
        def coarse = error(rows.take(10))
        def lines = out.resolve('explain.tsv').readLines()
        def header = lines[0].split('\t')
        def fine = error(lines.drop(1).collect { line -> [header, line.split('\t', -1)].transpose().collectEntries() })

        expect: 'the default 16 steps: within a few percent; 64 steps: within 1% on average'
        coarse.sum() / coarse.size() < 0.05
        fine.sum() / fine.size() < 0.01
        fine.max() < 0.05
        fine.sum() < coarse.sum()
    }

    def "the long tables, classes and npz agree with explain.tsv"() {
        given:
        def mirnaRows = explained.resolve('mirna_importance.tsv').readLines().drop(1)*.split('\t')
        def classes = explained.resolve('classes.tsv').readLines().drop(1)*.split('\t')
        def npz = NpzFile.open(explained.resolve('attributions.npz'))
        def attributions = npz.read('attributions')
        def mirnaImportance = npz.read('mirna_importance').asFloats()
        def scores = npz.read('scores').asFloats()
        def input = heldOut.readLines()
        def header = explained.resolve('explain.tsv').readLines()[0]

        expect:
        header == input[0] + '\t' + ExplainTables.COLUMNS.join('\t')
        rows*.id == input.drop(1).collect { it.split('\t')[0] }
        mirnaRows.size() == rows.size() * 20
        mirnaRows.groupBy { it[0] }.every { pair, r -> r*.getAt(1)*.toInteger() == (1..20).toList() }
        attributions.shape() == [160L, 20L, 50L] as long[]
        npz.read('maps').shape() == [160L, 20L, 50L] as long[]
        (0..<160).every { Math.abs(scores[it] - (rows[it].score as double)) < 1e-5 }
        (0..<160).every { i ->
            double sum = (0..<20).sum { mirnaImportance[i * 20 + it] }
            Math.abs(sum - (rows[i].attribution_sum as double)) < 1e-3 + 1e-3 * Math.abs(sum)
        }
        classes*.getAt(0) == ['seed', "seed+3'", "3'-compensatory", 'other']
        classes.every { c -> (c[1] as int) == rows.count { it['class'] == c[0] } }
        classes.sum { it[6] as int } == rows.count { (it.score as double) >= 0.5 }
        classes.sum { it[7] as int } == 80

        and: 'the completeness columns agree with each other (to their rounding)'
        rows.every { r ->
            Math.abs((r.completeness_gap as double) - ((r.attribution_sum as double) - (r.logit_minus_baseline as double))) < 2e-5 &&
                    Math.abs((r.logit as double) - (r.baseline_logit as double) - (r.logit_minus_baseline as double)) < 2e-5 &&
                    (r.baseline_score as double) > 0 && (r.baseline_score as double) < 1
        }

        cleanup:
        npz?.close()
    }

    def "alignments: one text block per pair, SVGs for the first --svg pairs, well-formed"() {
        given:
        def text = explained.resolve('alignments.txt').text
        def svgs = explained.resolve('alignments').toFile().listFiles()*.name.sort()

        expect:
        text.count('# pair ') == 160
        text.count("target 3' ") == 160
        and: 'the 22-nt miRNAs are drawn with the 20 nt the model reads'
        def drawn = text.readLines().findAll { it.startsWith("miRNA  5' ") }.collect { it.substring(10).findAll(/[ACGU]/).size() }
        drawn.max() == 20
        svgs == (1..5).collect { "pair_${it}.svg" }.sort()
        svgs.every { javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(explained.resolve('alignments').resolve(it).toFile()).documentElement.tagName == 'svg' }
    }

    def "gradient x input matches finite differences; occlusion is the logit drop of emptying each pairing cell"() {
        given:
        def loaded = ModelFile.load(model)
        def encoding = new InteractionMap(0.5f)
        def first = heldOut.readLines()[1].split('\t')
        float[] map = encoding.encode(first[1], first[2])
        def cells = (0..<1000).findAll { map[it] != 0f }
        def grad = new MapAttributor(loaded, 1000, MapMethod.GRADIENT_X_INPUT, 1).attribute(map, 1, null, 1)
        def occlusion = new MapAttributor(loaded, 1000, MapMethod.OCCLUSION, 1).attribute(map, 1, null, 1)
        def logit = { float[] x -> loaded.logits(x, 1)[0][0] as double }
        double full = logit(map)
        // pairing maps take 3 values, so max pooling meets ties where the function has no gradient; a map of
        // distinct values away from ties checks the gradient itself
        def random = new SplittableRandom(9)
        float[] smooth = (0..<1000).collect { 0.1f + 0.8f * (float) random.nextDouble() } as float[]
        def smoothGrad = new MapAttributor(loaded, 1000, MapMethod.GRADIENT_X_INPUT, 1).attribute(smooth, 1, null, 1)

        expect:
        (0..<1000).every { map[it] != 0f || (grad[it] == 0f && occlusion[it] == 0f) }
        (0..<1000).step(25).every { k ->
            float[] up = smooth.clone(); up[k] += 1e-3f
            float[] down = smooth.clone(); down[k] -= 1e-3f
            double numeric = (logit(up) - logit(down)) / 2e-3 * smooth[k]
            Math.abs(numeric - smoothGrad[k]) < 1e-3 + 0.02 * Math.abs(numeric)
        }
        cells.every { k ->
            float[] empty = map.clone(); empty[k] = 0f
            Math.abs((full - logit(empty)) - occlusion[k]) < 1e-4
        }
    }

    def "floor baselines (the default): the 8 lowest-scoring of the empty map and 32 shuffles, as scored here; every called pair's total is positive"() {
        given: 'the candidates of the first pairs scored one by one with the model'
        def loaded = ModelFile.load(model)
        def baselines = new MapBaselines(new InteractionMap(0.5f), MapBaselines.FLOOR, 8, 32, 1)
        def input = heldOut.readLines().drop(1)*.split('\t')
        def expected = (0..<3).collect { i ->
            float[] maps = baselines.candidateMaps(input[i][1], input[i][2], i)
            def logits = (0..<33).collect { c -> loaded.logits(Arrays.copyOfRange(maps, c * 1000, (c + 1) * 1000), 1)[0][0] as double }
            [logits.sort(false).take(8).sum() / 8, logits.sort(false)[8]]
        }

        expect: 'the mean logit of the 8 lowest, which all lie below the ninth'
        (0..<3).every { i -> Math.abs((rows[i].baseline_logit as double) - expected[i][0]) < 1e-4 }
        (0..<3).every { i -> expected[i][0] <= expected[i][1] }

        and: 'no pair the model calls binding gets a negative total'
        rows.findAll { (it.score as double) >= 0.5 }.every { (it.attribution_sum as double) > 0 }
    }

    def "bad baselines are refused before any work: unknown kind, fewer candidates than baselines"() {
        given:
        def err = new ByteArrayOutputStream()
        def saved = System.err
        System.setErr(new PrintStream(err, true))

        when:
        int code = Regulens.execute(['mirna', 'explain', '--model', model.toString(), '--pairs', heldOut.toString(),
                '--out', dir.resolve('bad-baseline').toString()] + args as String[])

        then:
        code == 2
        err.toString().contains(message)
        !dir.resolve('bad-baseline').toFile().exists()

        cleanup:
        System.setErr(saved)

        where:
        args                                        | message
        ['--baseline', 'zero']                      | 'choose floor, shuffled or empty'
        ['--candidates', '4', '--references', '8']  | 'fewer than --references 8'
    }

    def "an unknown method is refused naming the choices"() {
        given:
        def err = new ByteArrayOutputStream()
        def saved = System.err
        System.setErr(new PrintStream(err, true))

        when:
        int code = Regulens.execute('mirna', 'explain', '--model', model.toString(), '--pairs', heldOut.toString(),
                '--out', dir.resolve('x').toString(), '--method', 'deeplift')

        then:
        code == 2
        err.toString().contains('integrated-gradients, grad-input, occlusion')
        !dir.resolve('x').toFile().exists()

        cleanup:
        System.setErr(saved)
    }

    def "mutagenesis: every substitution scored; breaking the planted seed match costs most"() {
        given:
        def out = dir.resolve('mutagenesis')
        def few = dir.resolve('few.tsv')
        few.text = heldOut.readLines().take(41).join('\n') + '\n'

        when:
        int code = Regulens.execute('mirna', 'mutagenesis', '--model', model.toString(), '--pairs', few.toString(),
                '--out', out.toString(), '-q')
        def lines = out.resolve('mutations.tsv').readLines()
        def header = lines[0].split('\t')
        def mutations = lines.drop(1).collect { line -> [header, line.split('\t')].transpose().collectEntries() }
        def input = few.readLines().drop(1)*.split('\t')
        def byPair = mutations.groupBy { it.pair as int }
        def called = (1..40).findAll { input[it - 1][3] == '1' && (rows[it - 1].score as double) > 0.5 }

        then:
        code == 0
        mutations.size() == 40 * (50 + 20) * 3
        mutations.every { m ->
            def seq = (m.molecule == 'target' ? input[(m.pair as int) - 1][2] : input[(m.pair as int) - 1][1]).replace('T', 'U')
            m.ref == seq[(m.position as int) - 1] && m.alt != m.ref &&
                    Math.abs((m.score as double) - (m.ref_score as double) - (m.delta as double)) < 2e-6
        }
        (1..40).every { Math.abs((byPair[it][0].ref_score as double) - (rows[it - 1].score as double)) < 1e-5 }
        called.size() >= 15
        called.count { p ->
            int site = input[p - 1][4] as int
            def worst = byPair[p].findAll { it.molecule == 'target' }.min { it.delta_logit as double }
            (worst.position as int) > site && (worst.position as int) <= site + 7
        } >= 0.8 * called.size()
        called.count { p ->
            def worst = byPair[p].findAll { it.molecule == 'mirna' }.min { it.delta_logit as double }
            (worst.position as int) in 2..8
        } >= 0.8 * called.size()
    }

    def "mutagenesis with measured effects: Pearson and Spearman as computed by hand"() {
        given: 'measured = 2 x predicted logit change + a deterministic wobble, for pair 1\'s target substitutions'
        def one = dir.resolve('one.tsv')
        one.text = heldOut.readLines().take(2).join('\n') + '\n'
        def first = dir.resolve('first')
        assert Regulens.execute('mirna', 'mutagenesis', '--model', model.toString(), '--pairs', one.toString(),
                '--out', first.toString(), '-q') == 0
        def targetRows = first.resolve('mutations.tsv').readLines().drop(1)*.split('\t').findAll { it[1] == 'target' }
        def effects = targetRows.withIndex().collect { r, i -> 2 * (r[8] as double) + Math.sin(i) }
        def measured = dir.resolve('measured.csv')
        measured.text = 'molecule,position,alt,effect\n' + targetRows.withIndex().collect { r, i ->
            "target,${r[2]},${r[4]},${effects[i]}" }.join('\n') + '\n'
        def out = dir.resolve('measured-out')

        when:
        int code = Regulens.execute('mirna', 'mutagenesis', '--model', model.toString(), '--pairs', one.toString(),
                '--measured', measured.toString(), '--out', out.toString(), '-q')
        def table = out.resolve('correlation.tsv').readLines().drop(1)*.split('\t')
        def row = table.find { it[0] == 'target' && it[1] == 'delta_logit' }
        def x = targetRows.collect { it[8] as double }

        then:
        code == 0
        out.resolve('mutations.tsv').readLines().drop(1).count { !it.endsWith('\tNA') } == 150
        row[2] as int == 150
        Math.abs((row[3] as double) - pearson(x, effects)) < 1e-4
        Math.abs((row[5] as double) - pearson(ranks(x), ranks(effects))) < 1e-4
        (row[4] as double) < 1e-6
        table.find { it[0] == 'mirna' }[2] == '0'
    }

    def "measured effects that are not substitutions of the pair are refused with file:line"() {
        given:
        def one = dir.resolve('one.tsv')
        one.text = heldOut.readLines().take(2).join('\n') + '\n'
        def target = one.readLines()[1].split('\t')[2]
        def bad = dir.resolve("bad${n}.tsv")
        def other = 'ACGT'.find { it != target[0] }
        bad.text = 'molecule\tposition\talt\teffect\n' + line.replace('REF', target[0]).replace('ALT', other) + '\n'
        def err = new ByteArrayOutputStream()
        def saved = System.err
        System.setErr(new PrintStream(err, true))

        when:
        int code = Regulens.execute('mirna', 'mutagenesis', '--model', model.toString(), '--pairs', one.toString(),
                '--measured', bad.toString(), '--out', dir.resolve("bad-out${n}").toString(), '-q')

        then:
        code != 0
        err.toString().contains("bad${n}.tsv:2: ")
        err.toString().contains(message)
        !dir.resolve("bad-out${n}").toFile().exists()

        cleanup:
        System.setErr(saved)

        where:
        n | line                    | message
        1 | 'target\t1\tREF\t0.5'    | "is the pair's own base"
        2 | 'stem\t1\tA\t0.5'        | 'expected target or mirna'
        3 | 'mirna\t21\tA\t0.5'      | 'outside 1–20'
        4 | 'target\t3\tN\t0.5'      | 'expected one of A, C, G, U'
        5 | 'target\t1\tALT\tstrong' | 'is not a number'
    }

    def "scan narrows a site planted in a long UTR to a core on the planted 7mer"() {
        given: 'a random 400-nt UTR with the complement of nt 2-8 of the miRNA at 200..206'
        def mirna = heldOut.readLines()[1].split('\t')[1]
        def random = new SplittableRandom(77)
        def utr = (0..<400).collect { 'ACGT'[random.nextInt(4)] }.join()
        utr = utr.substring(0, 200) + rc(mirna.substring(1, 8)) + utr.substring(207)
        def fasta = dir.resolve('utr.fa')
        fasta.text = ">utr\n$utr\n"
        def out = dir.resolve('scan')

        when:
        int code = Regulens.execute('mirna', 'scan', '--model', model.toString(), '--mirna', mirna, '--targets',
                fasta.toString(), '--out', out.toString(), '--stride', '5', '--fdr', '1', '--threshold', '0.5', '-q')
        def sites = out.resolve('sites.tsv').readLines().drop(1)*.split('\t')
        def planted = sites.find { (it[4] as int) <= 200 && (it[5] as int) >= 207 }

        then:
        code == 0
        planted != null
        (planted[8] as int) < 207 && (planted[9] as int) > 200
        (planted[9] as int) - (planted[8] as int) <= 25
    }

    static double pearson(List<Double> x, List<Double> y) {
        double mx = x.sum() / x.size(), my = y.sum() / y.size()
        double sxy = 0, sxx = 0, syy = 0
        x.indices.each { sxy += (x[it] - mx) * (y[it] - my); sxx += (x[it] - mx)**2; syy += (y[it] - my)**2 }
        sxy / Math.sqrt(sxx * syy)
    }

    /** Ranks 1..n, ties given their average rank. */
    static List<Double> ranks(List<Double> v) {
        def order = (0..<v.size()).toList().sort { v[it] }
        def r = new double[v.size()]
        int i = 0
        while (i < order.size()) {
            int j = i
            while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) { j++ }
            (i..j).each { r[order[it]] = (i + j) / 2.0 + 1 }
            i = j + 1
        }
        r as List<Double>
    }
}
