package org.regulens.report

import org.regulens.cli.Regulens
import spock.lang.Specification
import spock.lang.TempDir

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files
import java.nio.file.Path

/** The miRNA section from a hand-made explain folder and metrics: hand-computed means, examples by score. */
class MirnaSectionSpec extends Specification {

    @TempDir
    Path dir

    def setup() {
        dir.resolve('metrics.tsv').text = "task\tauroc\tauprc\tn_pos\tn_neg\tsplit\nbinding\t0.9\t0.85\t10\t10\tpairs\n"
        dir.resolve('metrics.pr.tsv').text = "task\tthreshold\trecall\tprecision\nbinding\t0.5\t0.5\t1\nbinding\t0\t1\t0.5\n"
        def explain = Files.createDirectories(dir.resolve('explain'))
        explain.resolve('classes.tsv').text = "class\tpairs\tshare\tmean_score\tmean_seed_share\tmean_three_prime_share\tpredicted_binding\n" +
                "seed\t2\t0.6667\t0.8\t0.7\t0.2\t2\nseed+3'\t0\t0\tNA\tNA\tNA\t0\n3'-compensatory\t0\t0\tNA\tNA\tNA\t0\nother\t1\t0.3333\t0.1\t0.3\t0.5\t0\n"
        explain.resolve('explain.tsv').text = "miRNA\tgene\tscore\tclass\nA\tB\t0.7\tseed\nA\tB\t0.1\tother\nA\tB\t0.9\tseed\n"
        // pairs 1 and 3 score >= 0.5: position 3 means (1 + 2) / 2 = 1.5; pair 2 (4.0) must not count
        explain.resolve('mirna_importance.tsv').text = 'pair\tposition\tbase\timportance\n' +
                (1..3).collectMany { p -> (1..20).collect { pos -> "$p\t$pos\tA\t${pos == 3 ? [1: 1, 2: 4, 3: 2][p] : pos == 12 ? -0.5 : 0}" } }.join('\n') + '\n'
        explain.resolve('alignments.txt').text = (1..3).collect { "# pair $it  score x\nline one of <$it>\nline two\n\n" }.join('')
        def svgs = Files.createDirectories(explain.resolve('alignments'))
        (1..3).each { svgs.resolve("pair_${it}.svg").text = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"duplex-$it\" width=\"10\" height=\"10\"></svg>\n" }
    }

    def "a miRNA-only report: metrics and curves, classes, hand-computed position means, examples best first"() {
        when:
        int code = Regulens.execute('report', '--out', dir.resolve('report.html').toString(), '--mirna-metrics',
                dir.resolve('metrics.tsv').toString(), '--mirna-explain', dir.resolve('explain').toString(),
                '--examples', '2', '-q')
        def html = dir.resolve('report.html').text
        def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve('report.html').toFile())

        then:
        code == 0
        doc.documentElement.tagName == 'html'
        html.contains('<section id="mirna">')
        ['dataset', 'training', 'performance', 'motifs', 'filters', 'examples'].every { !html.contains("<section id=\"$it\"") }
        !html.contains('class="omitted">Omitted')
        html.contains('id="mirna-pr-0"')
        html.contains('<title>position 3: 1.5</title>')
        html.contains('<title>position 12: -0.5</title>')
        html.contains('3&#39;-compensatory')
        html.indexOf('id="duplex-3"') >= 0 && html.indexOf('id="duplex-1"') > html.indexOf('id="duplex-3"')
        !html.contains('id="duplex-2"')
        html.contains('line one of &lt;3&gt;')
    }

    def "a mismatched importance table is refused naming its line, and nothing is written"() {
        given:
        dir.resolve('explain/mirna_importance.tsv').text = "pair\tposition\tbase\timportance\n1\t1\tA\t0.1\n9\t1\tA\t0.1\n"

        when:
        int code = Regulens.execute('report', '--out', dir.resolve('bad.html').toString(), '--mirna-explain',
                dir.resolve('explain').toString(), '-q')

        then:
        code != 0
        !Files.exists(dir.resolve('bad.html'))
    }
}
