package org.regulens.report

import org.regulens.cli.Regulens
import org.regulens.core.RegulensException
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import org.regulens.motif.MotifDatabase
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The motifs section, key findings and MultiQC table on what motifs and compare write for weak results: no pattern
 * passed (summary.tsv's seqlet count, compare's header-only table), rejected candidates (patterns.tsv's passed and
 * reason columns; patterns.npz holds only the passed ones), matches above the q threshold (not shown as matches) and
 * mostly uninformative patterns (flagged, their hits not findings).
 */
class MotifsSectionSpec extends Specification {

    @TempDir
    Path dir

    static final String MATCH_HEADER = "Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap" +
            "\tQuery_consensus\tTarget_consensus\tOrientation\tTarget_name\n"
    static final String TSV_HEADER = 'pattern\tsign\tseqlets\twidth\tconsensus\tcwm_consensus\tcontribution\tinformation_bits' +
            '\tpassed\treason\n'
    /** Three positions of 2, 1.53 and 2 bits. */
    static final double[][] SHARP = [[1, 0, 0, 0], [0, 0.9, 0.1, 0], [0, 0, 1, 0]]
    /** 12 positions: 2 of 2 bits, 10 near uniform (0.03 bits each): mostly uninformative. */
    static final double[][] MOSTLY_N = [[0.25, 0.25, 0.25, 0.25]] * 4 + [[0, 0, 0, 1]] * 2 + [[0.3, 0.2, 0.2, 0.3]] * 6

    /**
     * A motifs folder: {@code rows} are [name, sign, seqlets, consensus, passed, reason]; patterns.npz holds the passed
     * ones (ppm from {@code ppms} by name, SHARP otherwise); summary.tsv when {@code summary} is given.
     */
    Path folder(String name, List<List> rows, Map<String, double[][]> ppms = [:], String matches = null,
                Map<String, Integer> summary = null) {
        def d = Files.createDirectories(dir.resolve(name))
        d.resolve('patterns.tsv').text = TSV_HEADER +
                rows.collect { "${it[0]}\t${it[1]}\t${it[2]}\t3\t${it[3]}\t${it[3]}\t1.0\t4.0\t${it[4]}\t${it[5]}\n" }.join('')
        d.resolve('patterns.meme').text = 'MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\n'
        def passed = rows.findAll { it[4] == 'yes' }
        if (passed) {
            def npz = NpzWriter.create(d.resolve('patterns.npz'))
            passed.each {
                double[][] ppm = ppms[it[0]] ?: SHARP
                npz.write("${it[0]}.cwm", NpyArray.ofDoubles(ppm.flatten() as double[], ppm.length, 4))
                npz.write("${it[0]}.ppm", NpyArray.ofDoubles(ppm.flatten() as double[], ppm.length, 4))
            }
            npz.commit()
        }
        if (matches != null) {
            d.resolve('matches.tsv').text = matches
        }
        if (summary != null) {
            d.resolve('summary.tsv').text = 'key\tvalue\n' + summary.collect { k, v -> "$k\t$v\n" }.join('')
        }
        d
    }

    /** Runs the report on the folders (label = folder name, task = label); returns [html, MultiQC data lines]. */
    List report(List<Path> folders, List extra = []) {
        def out = dir.resolve("out${folders*.fileName.join('_')}/report.html")
        def args = ['report', '--out', out, '--motif-db', 'none', '-q'] +
                folders.collectMany { ['--motifs', "${it.fileName}=${it}"] } + extra
        assert Regulens.execute(args*.toString() as String[]) == 0
        [out.text, out.resolveSibling('regulens_motifs_mqc.tsv').readLines().findAll { !it.startsWith('#') }.tail()]
    }

    /** The text of a section, tags and logos removed, whitespace collapsed. */
    static String text(String html, String id) {
        def from = html.indexOf("<section id=\"$id\"")
        html.substring(from, html.indexOf('</section>', from)).replaceAll(/(?s)<svg.*?<\/svg>/, '')
                .replaceAll(/<[^>]+>/, ' ').replace('&#8804;', '<=').replaceAll(/\s+/, ' ')
    }

    def "no pattern passed: the section, key findings and MultiQC row give the seqlets motifs found"() {
        given: 'motifs wrote header-only tables and summary.tsv; compare wrote its header line only'
        def weak = folder('weak', [], [:], MATCH_HEADER,
                [seqlets_positive: 20, seqlets_negative: 9, patterns_passed: 0, patterns_rejected: 0])

        when:
        def (html, mqc) = report([weak])

        then:
        text(html, 'motifs').contains('No pattern passed: motifs found 29 seqlets (20 positive, 9 negative) and no group ' +
                'of at least --min-seqlets similar ones.')
        text(html, 'key-findings').contains('no pattern passed 0 in 0 pattern(s); 29 seqlets (20 positive, 9 negative) found')
        mqc == ['weak\tweak\tno pattern passed\t29\t\t\t\t']
    }

    def "rejected candidates are listed with their reasons; patterns.npz is read for the passed pattern only"() {
        given: 'patterns.npz has no arrays for the rejected rows (reading them would fail)'
        def set = folder('mixed', [['pos_pattern_0', '+', 12, 'ACG', 'yes', '-'],
                                   ['pos_pattern_1', '+', 40, 'GGC', 'no', 'information 2.1 bits < 3'],
                                   ['neg_pattern_0', '-', 5, 'TTTT', 'no', '5 seqlets < 20']], [:],
                MATCH_HEADER + "pos_pattern_0\tMA0001.1\t0\t1e-6\t1e-3\t1e-3\t3\tACG\tACG\t+\tFOO\n",
                [seqlets_positive: 60, seqlets_negative: 7, patterns_passed: 1, patterns_rejected: 2])

        when:
        def (html, mqc) = report([set])
        def motifs = text(html, 'motifs')

        then:
        motifs.contains('1 pattern(s) in')
        motifs.contains('from 67 seqlets (60 positive, 7 negative)')
        motifs.contains('Rejected candidates (2): pos_pattern_1 GGC (40 seqlets): information 2.1 bits &lt; 3; ' +
                'neg_pattern_0 TTTT (5 seqlets): 5 seqlets &lt; 20.')
        HtmlReportSpec.tableRows(html, 'class="motif-table"')*.get(0) == ['pos_pattern_0ACG']
        text(html, 'key-findings').contains('pos_pattern_0 ACG MA0001.1 FOO (q = 0.001) 12 of 12 in 1 pattern(s)')
        mqc == ['mixed/pos_pattern_0\tmixed\tpos_pattern_0\t12\tMA0001.1\tFOO\t0.001000\t']
    }

    def "every candidate rejected: no pattern passed, and why"() {
        given:
        def set = folder('rejected', [['pos_pattern_0', '+', 9, 'GGC', 'no', 'information 2.1 bits < 3']], [:], MATCH_HEADER,
                [seqlets_positive: 9, seqlets_negative: 0, patterns_passed: 0, patterns_rejected: 1])

        when:
        def (html, mqc) = report([set])

        then:
        text(html, 'motifs').contains('No pattern passed: motifs found 9 seqlets (9 positive, 0 negative); every candidate ' +
                'pattern was rejected (below). Rejected candidates (1): pos_pattern_0 GGC (9 seqlets): information 2.1 bits &lt; 3.')
        mqc == ['rejected\trejected\tno pattern passed\t9\t\t\t\t']
    }

    def "matches above the q threshold are not shown as matches: the best hit is named as not significant"() {
        given: 'compare (--thresh 0.5) reported two hits at q 0.2 and 0.3'
        def set = folder('weakhits', [['pos_pattern_0', '+', 12, 'ACG', 'yes', '-']], [:],
                MATCH_HEADER + "pos_pattern_0\tMA0002.1\t0\t2e-3\t2e-1\t0.3\t3\tACG\tACG\t+\tBAR\n" +
                        "pos_pattern_0\tMA0001.1\t0\t1e-3\t1e-1\t0.2\t3\tACG\tACG\t-\tFOO\n")

        when: 'the default --match-q 0.05'
        def (html, mqc) = report([set])

        then:
        !html.contains('class="match"')
        text(html, 'motifs').contains('no match with q <= 0.05; best hit, not significant: MA0001.1 FOO (q = 0.2)')
        text(html, 'motifs').contains('none of them has a match with q <= 0.05')
        text(html, 'key-findings').contains('no match; best hit, not significant: MA0001.1 FOO (q = 0.2)')
        mqc == ['weakhits/pos_pattern_0\tweakhits\tpos_pattern_0\t12\t\t\t\t']

        when: '--match-q 0.25 admits the first only'
        def (html2, mqc2) = report([set], ['--match-q', '0.25'])

        then:
        html2.count('class="match"') == 1
        text(html2, 'motifs').contains('MA0001.1 FOO q = 0.2 (-)')
        !text(html2, 'motifs').contains('MA0002.1')
        mqc2 == ['weakhits/pos_pattern_0\tweakhits\tpos_pattern_0\t12\tMA0001.1\tFOO\t0.2000\t']
    }

    def "a wide, mostly uninformative pattern is flagged: its hits are not findings and the key findings prefer an informative one"() {
        given: 'the flagged pattern has more seqlets and a hit at q 1e-4'
        def set = folder('lowinfo', [['pos_pattern_0', '+', 90, 'NNNNTTNNNNNN', 'yes', '-'],
                                     ['pos_pattern_1', '+', 30, 'ACG', 'yes', '-']], [pos_pattern_0: MOSTLY_N],
                MATCH_HEADER + "pos_pattern_0\tMA0003.1\t0\t1e-6\t1e-4\t1e-4\t5\tNNNNT\tAATTT\t+\tATRICH\n" +
                        "pos_pattern_1\tMA0001.1\t0\t1e-5\t1e-3\t1e-3\t3\tACG\tACG\t+\tFOO\n")

        when:
        def (html, mqc) = report([set])
        def motifs = text(html, 'motifs')

        then:
        motifs.contains('pos_pattern_0 NNNNTTNNNNNN low information')
        motifs.contains('low-information pattern (10 of 12 positions under 0.5 bits, 2 of 1 bit or more): its hits are ' +
                'not findings; best hit MA0003.1 ATRICH (q = 1.00e-04)')
        html.count('class="match"') == 1 // pos_pattern_1's
        text(html, 'key-findings').contains('pos_pattern_1 ACG MA0001.1 FOO (q = 0.001) 30 of 120 in 2 pattern(s)')
        mqc == ['lowinfo/pos_pattern_0\tlowinfo\tpos_pattern_0\t90\t\t\t\tlow information',
                'lowinfo/pos_pattern_1\tlowinfo\tpos_pattern_1\t30\tMA0001.1\tFOO\t0.001000\t']
    }

    def "information per position by hand: 2, 0, 1 and 0.64 bits are 1 weak and 2 strong positions"() {
        when:
        def info = PatternInformation.of([[1, 0, 0, 0], [0.25, 0.25, 0.25, 0.25], [0.5, 0.5, 0, 0], [0.7, 0.1, 0.1, 0.1]] as double[][])

        then:
        info == new PatternInformation(4, 1, 2)
        !info.mostlyUninformative()
        PatternInformation.of(MOSTLY_N) == new PatternInformation(12, 10, 2)
        PatternInformation.of(MOSTLY_N).mostlyUninformative()
        // one more strong position and it is kept: 3 positions of 1 bit or more make a core
        !PatternInformation.of((MOSTLY_N as List) + [[0, 1, 0, 0]] as double[][]).mostlyUninformative()
    }

    def "no JASPAR 2024 vertebrate matrix is flagged"() {
        expect:
        MotifDatabase.jaspar2024().findAll { PatternInformation.of(it.probabilities()).mostlyUninformative() }*.id() == []
    }

    def "a passed value other than yes or no names the file and line"() {
        given:
        def set = folder('bad', [['pos_pattern_0', '+', 12, 'ACG', 'maybe', '-']])

        when:
        MotifsSection.read('bad', set.toString())

        then:
        def e = thrown(RegulensException)
        e.message == "${set.resolve('patterns.tsv')}:2: passed 'maybe' is not yes or no".toString()
    }

    def "a bad --match-q is a usage error"() {
        expect:
        Regulens.execute(['report', '--out', dir.resolve('r.html').toString(), '--match-q', '0', '-q'] as String[]) == 2
    }
}
