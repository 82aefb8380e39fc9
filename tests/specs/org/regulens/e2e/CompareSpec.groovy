package org.regulens.e2e

import org.regulens.motif.Background
import org.regulens.motif.MemeWriter
import org.regulens.motif.Motif
import org.regulens.motif.MotifDatabase
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/** regulens compare as a user runs it: a noisy CTCF finds CTCF in the bundled JASPAR; bad input fails cleanly. */
class CompareSpec extends Specification {

    static final String HEADER = 'Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap' +
            '\tQuery_consensus\tTarget_consensus\tOrientation\tTarget_name'

    @Shared @TempDir Path dir
    @Shared Path noisyCtcf

    /** CTCF (MA0139.2) with a quarter of each column replaced by a random distribution (seeded), 20 sites. */
    def setupSpec() {
        def ctcf = MotifDatabase.byId(MotifDatabase.jaspar2024(), 'MA0139.2', 'JASPAR2024')
        def random = new Random(11)
        def noisy = ctcf.probabilities().collect { column ->
            def noise = (0..3).collect { random.nextDouble() }
            double total = noise.sum() as double
            (0..3).collect { 0.75 * column[it] + 0.25 * noise[it] / total } as double[]
        } as double[][]
        noisyCtcf = dir.resolve('noisy_ctcf.meme')
        MemeWriter.write(noisyCtcf, [Motif.fromProbabilities('noisy_ctcf', '', noisy, 20)], Background.uniform())
    }

    static List<String> leftovers(Path folder) {
        Files.list(folder).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.startsWith('.') }.toList() }
    }

    def "a noisy CTCF matrix finds CTCF (MA0139) in the bundled JASPAR 2024 (first with Pearson), with Tomtom's header"() {
        given:
        def out = dir.resolve("matches-${similarity}.tsv")

        when:
        def r = run(['compare', '--query', noisyCtcf, '--out', out, '--similarity', similarity])
        def lines = out.readLines()
        def rows = lines.drop(1).collect { it.split('\t') }
        def ctcf = rows.find { it[1].startsWith('MA0139.') }
        println "$similarity: " + rows.take(3).collect { "${it[1]} ${it[10]} p=${it[3]}" }.join('; ')

        then:
        r.exitCode == 0
        lines[0] == HEADER
        rows[0][0] == 'noisy_ctcf'
        rows[0][10] == 'CTCF'
        rows.take(lead).contains(ctcf)
        ctcf[10] == 'CTCF'
        ctcf[9] == '+'
        ctcf[2] == '0'
        ctcf[6] == '15'
        Double.parseDouble(ctcf[3]) < 1e-6
        Math.abs(Double.parseDouble(ctcf[4]) / (Double.parseDouble(ctcf[3]) * 879) - 1) < 0.01
        rows.every { Double.parseDouble(it[5]) <= 0.5 }

        where: 'distances favour columns as soft as the noisy query: the longer CTCF matrices MA1929.2 and MA1930.2 (same core) come first'
        similarity  | lead
        'pearson'   | 1
        'euclidean' | 3
        'sw'        | 3
    }

    def "a MEME target file, E-value threshold and --max-matches"() {
        given:
        def out = dir.resolve('self.tsv')

        when:
        def r = run(['compare', '--query', noisyCtcf, '--target', noisyCtcf, '--out', out, '--evalue', '--thresh', 1,
                     '--max-matches', 1, '-q'])

        then:
        r.exitCode == 0
        r.stderr.isEmpty()
        out.readLines().size() == 2
        out.readLines()[1].startsWith('noisy_ctcf\tnoisy_ctcf\t0\t')
    }

    def "a bad query file: exit 1, one line naming the file and line, no output left behind"() {
        given:
        def bad = dir.resolve('bad.meme')
        bad.text = 'MEME version 4\n\nALPHABET= ACGT\n\nMOTIF m1\nletter-probability matrix: alength= 4 w= 2\n' +
                '0.25 0.25 0.25 0.25\n0.25 0.25 x 0.25\n'
        def out = dir.resolve('never.tsv')

        when:
        def r = run(['compare', '--query', bad, '--out', out])
        def message = r.stderr.readLines().findAll { !it.startsWith('[') }

        then:
        r.exitCode == 1
        message.size() == 1
        message[0].startsWith('regulens compare: error: ' + bad + ':8:')
        !Files.exists(out)
        leftovers(dir).isEmpty()
    }

    def "a missing query file and an unknown similarity"() {
        when:
        def missing = run(['compare', '--query', dir.resolve('none.meme'), '--out', dir.resolve('x.tsv')])
        def unknown = run(['compare', '--query', noisyCtcf, '--out', dir.resolve('y.tsv'), '--similarity', 'cosine'])

        then:
        missing.exitCode == 1
        missing.stderr.contains(dir.resolve('none.meme').toString() + ': no such file')
        unknown.exitCode == 2
        unknown.stderr.contains('--similarity must be pearson, euclidean or sw')
        !Files.exists(dir.resolve('x.tsv'))
        !Files.exists(dir.resolve('y.tsv'))
    }
}
