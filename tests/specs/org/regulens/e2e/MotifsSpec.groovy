package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * The motif question end to end on simulated genome data with planted ground truth: two tasks with their own planted
 * JASPAR motifs (CTCF MA0139.2, REST MA0138.3) and a decoy (MEF2A MA0052.5) planted genome-wide regardless of peaks;
 * a multi-task model, DeepSHAP per task, motifs, compare against the bundled JASPAR 2024.
 */
class MotifsSpec extends Specification {

    static final Map<String, String> PLANTED = [ctcf: 'MA0139.2', rest: 'MA0138.3']
    static final String DECOY = 'MA0052.5'

    @Shared @TempDir Path dir
    @Shared Path sim
    @Shared Path data
    @Shared Path model

    def setupSpec() {
        sim = dir.resolve('sim')
        assert run(['simulate', '--mode', 'genome', '--out', sim, '--seed', 3, '--chroms', 10, '--chrom-length', 120000,
                    '--peaks', 800, '--task', 'ctcf=MA0139.2', '--task', 'rest=MA0138.3', '--decoy', DECOY, '-q']).exitCode == 0
        data = dir.resolve('data.npz')
        assert run(['encode', '--genome', sim.resolve('genome.fa'), '--samplesheet', sim.resolve('samplesheet.csv'),
                    '--width', 200, '--out', data, '--seed', 3, '-q']).exitCode == 0
        model = dir.resolve('model.zip')
        def r = run(['train', '--data', data, '--arch', 'cnn-local', '--first-activation', 'exp', '--out', model,
                     '--epochs', 25, '--lr', 0.003, '--batch-size', 32, '--seed', 1, '-q'])
        assert r.exitCode == 0: r
        PLANTED.keySet().each { task ->
            def attr = dir.resolve("attr_${task}.npz")
            r = run(['attribute', '--model', model, '--data', data, '--method', 'deepshap', '--refs', 5, '--task', task,
                     '--label', 'positive', '--out', attr, '--modisco', dir.resolve("modisco_${task}"), '-q'])
            assert r.exitCode == 0: r
            r = run(['motifs', '--attributions', attr, '--data', data, '--out', dir.resolve("motifs_${task}"), '--seed', 1])
            assert r.exitCode == 0: r
            r = run(['compare', '--query', dir.resolve("motifs_${task}/patterns.meme"),
                     '--out', dir.resolve("motifs_${task}/matches.tsv"), '-q'])
            assert r.exitCode == 0: r
        }
    }

    /** Best match (first row: rows are sorted by p-value within a query) of each pattern. */
    Map<String, Map<String, String>> topMatches(String task) {
        def lines = dir.resolve("motifs_${task}/matches.tsv").readLines()
        def header = lines[0].split('\t')
        def rows = lines.drop(1).collect { l -> [header, l.split('\t')].transpose().collectEntries() }
        rows.groupBy { it.Query_ID }.collectEntries { q, list -> [q, list[0]] }
    }

    def "each planted motif comes out as the top positive pattern, matched to its JASPAR motif at q < 0.05"() {
        expect:
        PLANTED.every { task, id ->
            def top = topMatches(task)
            top.pos_pattern_0?.Target_ID == id && (top.pos_pattern_0.'q-value' as double) < 0.05
        }
    }

    def "the decoy planted outside peaks is not a significant pattern"() {
        expect:
        PLANTED.keySet().every { task ->
            topMatches(task).values().every { it.Target_ID != DECOY || (it.'q-value' as double) >= 0.05 }
        }
    }

    def "the seqlet BED overlaps the planted instances (precision >= 0.85, recall >= 0.6), on a consistent strand"() {
        expect:
        PLANTED.every { task, id ->
            def score = overlap(task, id)
            println "$task: precision ${score.precision}, recall ${score.recall}, strand agreement ${score.strand}"
            score.precision >= 0.85 && score.recall >= 0.6 && (score.strand >= 0.95 || score.strand <= 0.05)
        }
    }

    /** Precision/recall of pos_pattern_0's seqlets against the planted instances in the attributed peaks. */
    Map overlap(String task, String motif) {
        def planted = sim.resolve('planted.bed').readLines().findAll { !it.startsWith('#') }
                .collect { it.split('\t') }.findAll { it[3] == motif && it[7] == task }
                .collect { [chrom: it[0], start: it[1] as long, end: it[2] as long, strand: it[5]] }
        def seqlets = dir.resolve("motifs_${task}/seqlets.bed").readLines().collect { it.split('\t') }
                .findAll { it[3] == 'pos_pattern_0' }
                .collect { [chrom: it[0], start: it[1] as long, end: it[2] as long, strand: it[5]] }
        def overlaps = { a, b -> a.chrom == b.chrom && Math.min(a.end, b.end) > Math.max(a.start, b.start) }
        def true_ = seqlets.findAll { s -> planted.any { overlaps(s, it) } }
        def found = planted.findAll { p -> seqlets.any { overlaps(it, p) } }
        def same = true_.count { s -> planted.find { overlaps(s, it) }.strand == s.strand }
        [precision: true_.size() / Math.max(1, seqlets.size()), recall: found.size() / Math.max(1, planted.size()),
         strand: same / Math.max(1, true_.size())]
    }

    def "the output folder holds the documented files; PPMs are named pos_pattern_0, ..."() {
        given:
        def out = dir.resolve('motifs_ctcf')

        expect:
        ['patterns.meme', 'patterns_cwm.meme', 'patterns.npz', 'patterns.tsv', 'seqlets.tsv', 'seqlets.bed']
                .every { Files.size(out.resolve(it)) > 0 }
        out.resolve('patterns.meme').text.contains('MOTIF pos_pattern_0 ')
        out.resolve('seqlets.tsv').readLines()[0] ==
                'pattern\texample\tdata_row\tstart\tend\tstrand\tseqlet_start\tseqlet_end\tscore\tsimilarity'
    }

    def "tfmodisco-lite-style input (ohe.npz + hyp.npz) gives the same patterns; the same seed gives the same files"() {
        when:
        def again = dir.resolve('again')
        def lite = dir.resolve('lite')
        def r1 = run(['motifs', '--attributions', dir.resolve('attr_rest.npz'), '--out', again, '--seed', 1, '-q'])
        def r2 = run(['motifs', '--attributions', dir.resolve('modisco_rest/hyp.npz'), '--sequences',
                      dir.resolve('modisco_rest/ohe.npz'), '--out', lite, '--seed', 1, '-q'])

        then:
        r1.exitCode == 0 && r2.exitCode == 0
        ['patterns.meme', 'patterns_cwm.meme', 'patterns.tsv'].every { name ->
            again.resolve(name).text == dir.resolve("motifs_rest/$name").text && lite.resolve(name).text == again.resolve(name).text
        }
    }

    def "filters of the exp-activation model: each planted motif is some filter's significant best match, the decoy none's"() {
        when:
        def out = dir.resolve('filters.meme')
        def r = run(['filters', '--model', model, '--data', data, '--out', out])
        def lines = dir.resolve('filters.tsv').readLines()
        def header = lines[0].split('\t') as List
        def rows = lines.drop(1).collect { l -> [header, l.split('\t', -1) as List].transpose().collectEntries() }
        def significant = rows.findAll { it.best_match_q && (it.best_match_q as double) < 0.05 }

        then:
        r.exitCode == 0
        header.takeRight(3) == ['best_match', 'best_match_name', 'best_match_q']
        r.stderr =~ /filters: \d+ of \d+ filters with activating windows \(\d+\.\d%\) match a motif of JASPAR2024/
        PLANTED.values().every { id -> significant.any { it.best_match == id } }
        significant.every { it.best_match != DECOY }
    }

    def "bad input: one line naming the file, non-zero exit, no output folder"() {
        when:
        def out = dir.resolve('bad')
        def noSequences = run(['motifs', '--attributions', dir.resolve('modisco_rest/hyp.npz'), '--out', out])
        def wrongData = run(['motifs', '--attributions', dir.resolve('attr_rest.npz'), '--data', sim.resolve('genome.fa'), '--out', out])

        then:
        noSequences.exitCode == 1
        noSequences.stderr.trim().readLines().size() == 1
        noSequences.stderr.contains('hyp.npz') && noSequences.stderr.contains('--sequences')
        wrongData.exitCode == 1
        wrongData.stderr.contains('genome.fa')
        !Files.exists(out)
    }
}
