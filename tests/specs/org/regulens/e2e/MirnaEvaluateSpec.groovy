package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.zip.GZIPInputStream

import static org.regulens.e2e.RegulensRunner.run

/**
 * mirna evaluate on real CLASH pairs: its auROC and average precision agree with values computed here from mirna
 * predict's scores of the same table, the curves are the files evaluate writes (the report draws them), and bad
 * tables fail with one line naming file and line.
 */
class MirnaEvaluateSpec extends Specification {

    static final Map<String, String> ONE_THREAD = [OMP_NUM_THREADS: '1']

    @Shared @TempDir Path dir
    @Shared Path pairs
    @Shared Path model

    def setupSpec() {
        // every 30th pair for training (positives come first in the file), an offset slice of 400 for evaluation
        def lines = new GZIPInputStream(RegulensRunner.DATA.resolve(
                'mirbind_clash2013/train_set_1_1_CLASH2013_paper.tsv.gz').toFile().newInputStream()).readLines()
        def training = dir.resolve('train.tsv')
        training.text = ([lines[0]] + (1..<lines.size()).findAll { it % 30 == 1 }.collect { lines[it] }).join('\n') + '\n'
        pairs = dir.resolve('pairs.tsv')
        pairs.text = ([lines[0]] + (1..<lines.size()).findAll { it % 77 == 5 }.collect { lines[it] }).join('\n') + '\n'
        model = dir.resolve('cnn.zip')
        def r = run(['mirna', 'train', '--pairs', training, '--out', model, '--arch', 'cnn', '--epochs', 1, '--seed', 3, '-q'],
                ONE_THREAD)
        assert r.exitCode == 0: r
    }

    static List<Map<String, String>> tsv(Path file) {
        def lines = file.readLines()
        def header = lines[0].split('\t') as List
        lines.drop(1).collect { [header, it.split('\t', -1) as List].transpose().collectEntries() }
    }

    def "auROC and average precision match those computed from mirna predict's scores"() {
        given:
        def metrics = dir.resolve('eval/metrics.tsv')
        def predictions = dir.resolve('pred.tsv')

        when:
        def e = run(['mirna', 'evaluate', '--model', model, '--pairs', pairs, '--out', metrics, '--batch-size', 64], ONE_THREAD)
        def p = run(['mirna', 'predict', '--model', model, '--pairs', pairs, '--out', predictions], ONE_THREAD)
        def rows = tsv(metrics)
        def scored = tsv(predictions).collect { [it.score as double, it.label as int] }
        def pos = scored.findAll { it[1] == 1 }*.get(0)
        def neg = scored.findAll { it[1] == 0 }*.get(0)
        // auROC: the share of (positive, negative) pairs ranked right, ties half
        double right = pos.sum { double a -> neg.sum { double b -> a > b ? 1d : a == b ? 0.5d : 0d } }
        double auroc = right / (pos.size() * neg.size())
        // average precision: at each distinct score, recall gained × precision
        double ap = 0
        scored.collect { it[0] }.unique().sort { -it }.each { double t ->
            def atOrAbove = scored.findAll { it[0] >= t }
            int tp = atOrAbove.count { it[1] == 1 }
            int gained = atOrAbove.count { it[1] == 1 && it[0] == t }
            ap += gained / pos.size() * tp / atOrAbove.size()
        }

        then:
        e.exitCode == 0 && p.exitCode == 0
        rows.size() == 1
        rows[0].task == 'binding' && rows[0].split == 'pairs'
        rows[0].n_pos as int == pos.size() && rows[0].n_neg as int == neg.size()
        pos.size() > 150 && neg.size() > 150
        Math.abs((rows[0].auroc as double) - auroc) < 2e-4
        Math.abs((rows[0].auprc as double) - ap) < 2e-4
        auroc > 0.6
    }

    def "the curves are evaluate's files: ROC from (0, 0) to (1, 1), PR to recall 1; the report draws them"() {
        given:
        def roc = tsv(dir.resolve('eval/metrics.roc.tsv'))
        def pr = tsv(dir.resolve('eval/metrics.pr.tsv'))
        def report = dir.resolve('report.html')

        when:
        def r = run(['report', '--out', report, '--metrics', dir.resolve('eval/metrics.tsv'), '-q'])
        def html = report.text

        then:
        roc.first() == [task: 'binding', threshold: 'inf', fpr: '0', tpr: '0']
        (roc.last().fpr as double) == 1d && (roc.last().tpr as double) == 1d
        roc.drop(1).collect { it.threshold as double } == roc.drop(1).collect { it.threshold as double }.sort { -it }
        (pr.last().recall as double) == 1d
        pr.size() == roc.size() - 1
        r.exitCode == 0
        html.contains('id="roc-0"') && html.contains('id="pr-0"')
        html.contains('binding: auROC')
    }

    def "bad input exits 1 with one line naming the file and line, and writes nothing: #problem"() {
        given:
        def bad = dir.resolve("bad_${problem.replace(' ', '_')}.tsv")
        def good = pairs.readLines()[1]
        bad.text = content.replace('GOOD', good)
        def out = dir.resolve("bad_${problem.replace(' ', '_')}/metrics.tsv")

        when:
        def r = run(['mirna', 'evaluate', '--model', model, '--pairs', bad, '--out', out, '-q'])

        then:
        r.exitCode == 1
        r.stderr.trim().readLines().size() == 1
        r.stderr.contains("$bad:$line: $message")
        !out.parent.toFile().exists()

        where:
        problem           | content                                                 || line | message
        'no label column' | "miRNA\tgene\n${'A' * 20}\t${'C' * 50}\n"               || 1    | "no 'label' column"
        'label 2'         | "miRNA\tgene\tlabel\nGOOD\n${'A' * 20}\t${'C' * 50}\t2\n" || 3    | "label '2' is not 0 or 1"
        'empty label'     | "miRNA\tgene\tlabel\nGOOD\n${'A' * 20}\t${'C' * 50}\t\n"  || 3    | 'empty label field'
    }

    def "a DNA model is refused with one line naming it"() {
        given: 'a DNA model of 50-nt sequences'
        def table = dir.resolve('dna.tsv')
        table.text = 'sequence\ta\n' + (1..16).collect { i -> ('ACGT' * 14).substring(i % 4, i % 4 + 50) + '\t' + (i % 2) }.join('\n') + '\n'
        def data = dir.resolve('dna.npz')
        def dnaModel = dir.resolve('dna.zip')
        assert run(['encode', '--sequences', table, '--out', data, '-q']).exitCode == 0
        assert run(['train', '--data', data, '--out', dnaModel, '--arch', 'deepbind', '--epochs', 1, '-q'], ONE_THREAD).exitCode == 0

        when:
        def r = run(['mirna', 'evaluate', '--model', dnaModel, '--pairs', pairs, '--out', dir.resolve('dna_metrics.tsv'), '-q'])

        then:
        r.exitCode == 1
        r.stderr.trim().readLines().size() == 1
        r.stderr.contains('dna.zip') && r.stderr.contains('of DNA, not of miRNA:target pairs')
    }
}
