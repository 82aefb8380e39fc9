package org.regulens.compare

import org.regulens.cli.Regulens
import org.regulens.core.Log
import org.regulens.motif.Background
import org.regulens.motif.MemeWriter
import org.regulens.motif.Motif
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * When motifs found no pattern its patterns.meme is a MEME header without motifs: compare and scan (the pipeline's
 * steps after motifs) exit 0 with header-only tables and one log line, so that one weak task does not fail the run.
 * A file that is not such a header still fails with one line naming it, and writes nothing.
 */
class EmptyQuerySpec extends Specification {

    @TempDir
    Path dir

    ByteArrayOutputStream log = new ByteArrayOutputStream()
    StringWriter err = new StringWriter()

    def setup() {
        Log.setStream(new PrintStream(log, true, 'UTF-8'))
        dir.resolve('patterns.meme').text = MemeWriter.toMeme([], Background.uniform())
        dir.resolve('seqs.fa').text = '>s1\nACGTACGTTTGCCAGCAGGGGGCGCTAAACGT\n>s2\nGGGGCCCCAAAATTTT\n'
        // a one-motif database, so that the target is read fast and checked
        dir.resolve('db.meme').text = MemeWriter.toMeme([Motif.fromProbabilities('T1', 't', [[1, 0, 0, 0], [0, 1, 0, 0],
                [0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0]] as double[][], 10)], Background.uniform())
    }

    def cleanup() {
        Log.setStream(System.err)
    }

    int execute(List args) {
        def cli = Regulens.commandLine()
        cli.err = new PrintWriter(err)
        cli.execute(args*.toString() as String[])
    }

    String logText() {
        log.toString('UTF-8')
    }

    def "compare: no query motifs gives Tomtom's header line only, exit 0 and one log line"() {
        given:
        def query = dir.resolve('patterns.meme')
        def out = dir.resolve('matches.tsv')

        when:
        int code = execute(['compare', '--query', query, '--target', dir.resolve('db.meme'), '--out', out])

        then:
        code == 0
        out.text == 'Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap\tQuery_consensus' +
                '\tTarget_consensus\tOrientation\tTarget_name\n'
        out.text == MatchTable.HEADER + '\n'
        logText().readLines().findAll { it.contains('no query motifs') } ==
                logText().readLines().findAll { it.endsWith("no query motifs in ${query}: empty table") }
        logText().readLines().count { it.contains('no query motifs') } == 1
        err.toString().isEmpty()
    }

    def "compare: the target is still checked when there is no query"() {
        when:
        int code = execute(['compare', '--query', dir.resolve('patterns.meme'), '--target', dir.resolve('missing.meme'),
                            '--out', dir.resolve('matches.tsv')])

        then:
        code != 0
        err.toString().contains("${dir.resolve('missing.meme')}: no such file")
        !Files.exists(dir.resolve('matches.tsv'))
    }

    def "compare: #what fails with one line naming the file and writes nothing"() {
        given:
        def query = dir.resolve('query.txt')
        query.text = text

        when:
        int code = execute(['compare', '--query', query, '--target', dir.resolve('db.meme'), '--out', dir.resolve('m.tsv')])

        then:
        code == 1
        err.toString().trim().readLines().size() == 1
        err.toString().contains("${query}")
        err.toString().contains(fragment)
        !Files.exists(dir.resolve('m.tsv'))

        where:
        what           | text                                           | fragment
        'an empty file'| ''                                             | 'is empty'
        'not MEME'     | 'query motifs follow\n'                        | 'cannot tell the motif format'
        'garbled MEME' | 'MEME version 4\n\nALPHABET= ACGT\nxq#@!\n'     | 'not part of a MEME header'
    }

    def "scan: no motifs gives the header line only, an empty BED, exit 0 and one log line"() {
        given:
        def motifs = dir.resolve('patterns.meme')

        when:
        int code = execute(['scan', '--motifs', motifs, '--fasta', dir.resolve('seqs.fa'), '--out', dir.resolve('hits.tsv'),
                            '--bed-out', dir.resolve('hits.bed')])

        then:
        code == 0
        dir.resolve('hits.tsv').text == 'motif_id\tmotif_alt_id\tsequence_name\tstart\tstop\tstrand\tscore\tp-value' +
                '\tq-value\tmatched_sequence\n'
        dir.resolve('hits.bed').text == ''
        logText().readLines().count { it.endsWith("no motifs in ${motifs}: empty table") } == 1
    }

    def "scan: a bad sequence input is still an error when there are no motifs"() {
        when:
        int code = execute(['scan', '--motifs', dir.resolve('patterns.meme'), '--fasta', dir.resolve('none.fa'),
                            '--out', dir.resolve('hits.tsv')])

        then:
        code != 0
        err.toString().contains('none.fa')
        !Files.exists(dir.resolve('hits.tsv'))
    }
}
