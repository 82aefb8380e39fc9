package org.regulens.e2e

import org.regulens.io.npz.NpzFile
import org.regulens.motif.Background
import org.regulens.motif.MemeWriter
import org.regulens.motif.MotifDatabase
import org.regulens.seq.OneHot
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * scan on the three inputs: an encoded data set, the same windows as FASTA, and as BED + genome give the same
 * hits (and the same genome sites in --bed-out); bad input fails in one line and leaves nothing behind.
 */
class ScanSpec extends Specification {

    static final int WIDTH = 100

    @Shared @TempDir Path dir
    @Shared Path motifs
    @Shared Path genome
    @Shared Path data
    @Shared Path fasta
    @Shared Path bed
    @Shared String ctcfWord

    def setupSpec() {
        def jaspar = MotifDatabase.jaspar2024()
        def ctcf = MotifDatabase.byId(jaspar, 'MA0139', 'JASPAR2024')
        ctcfWord = ctcf.probabilities().collect { row -> 'ACGT'.charAt((0..<4).max { row[it] }) }.join()
        motifs = dir.resolve('motifs.meme')
        MemeWriter.write(motifs, [ctcf, MotifDatabase.byId(jaspar, 'GATA1', 'JASPAR2024')], Background.uniform())

        def random = new Random(11)
        def chroms = ['chr1', 'chr2'].collectEntries { name ->
            def letters = (0..<3000).collect { 'ACGT'.charAt(random.nextInt(4)) } as char[]
            [(name): letters]
        }
        // a CTCF site in each peak; peaks 2 and 4 are on the minus strand
        def peaks = [['chr1', 200, '+'], ['chr1', 900, '-'], ['chr2', 400, '+'], ['chr2', 1500, '-']]
        peaks.each { p -> ctcfWord.toCharArray().eachWithIndex { c, i -> chroms[p[0]][(p[1] as int) + 30 + i] = c } }
        genome = dir.resolve('genome.fa')
        genome.text = chroms.collect { k, v -> ">${k}\n${new String(v)}\n" }.join()
        def peakFile = dir.resolve('peaks.bed')
        peakFile.text = peaks.withIndex().collect { p, i -> "${p[0]}\t${p[1]}\t${(p[1] as int) + WIDTH}\tpeak${i}\t0\t${p[2]}\n" }.join()

        data = dir.resolve('data.npz')
        def encoded = run(['encode', '--genome', genome, '--peaks', peakFile, '--width', WIDTH, '--negatives', 'none',
                           '--out', data])
        assert encoded.exitCode == 0: encoded

        // the same windows as BED (named as the data set names them) and as FASTA
        def rows = NpzFile.open(data).withCloseable { npz ->
            def names = npz.read('names').asStrings()
            def chrom = npz.read('chrom').asStrings()
            def start = npz.read('start').asLongs()
            def end = npz.read('end').asLongs()
            def strand = npz.read('strand').asStrings()
            float[] x = npz.read('x').asFloats()
            names.toList().indices.collect { i ->
                [names[i], chrom[i], start[i], end[i], strand[i], new String(OneHot.decode(x, i * 4 * WIDTH, WIDTH))]
            }
        }
        assert rows.size() == 4 && rows.count { it[4] == '-' } == 2
        bed = dir.resolve('windows.bed')
        bed.text = rows.collect { r -> "${r[1]}\t${r[2]}\t${r[3]}\t${r[0]}\t0\t${r[4]}\n" }.join()
        fasta = dir.resolve('windows.fa')
        fasta.text = rows.collect { r -> ">${r[0]}\n${r[5]}\n" }.join()
    }

    static List<String> rowsOf(Path file) {
        file.readLines().drop(1)
    }

    static List<String> leftovers(Path folder) {
        Files.list(folder).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.startsWith('.') }.toList() }
    }

    def "data set, FASTA and BED + genome give the same hits, and the genome sites of data set and BED agree"() {
        given:
        def outputs = [data: ['--data', data], fasta: ['--fasta', fasta], bed: ['--bed', bed, '--genome', genome]]
                .collectEntries { mode, input ->
                    def out = dir.resolve("hits-${mode}.tsv")
                    def bedOut = dir.resolve("hits-${mode}.bed")
                    def r = run(['scan', '--motifs', motifs, '--out', out, '--bed-out', bedOut, '--thresh', '1e-4'] + input)
                    assert r.exitCode == 0: r
                    [(mode): [tsv: out, bed: bedOut, log: r.stderr]]
                }

        expect: 'FIMO columns; the planted site in every window, read as CTCF on the strand it was put on'
        outputs.data.tsv.readLines()[0] == 'motif_id\tmotif_alt_id\tsequence_name\tstart\tstop\tstrand\tscore\tp-value\tq-value\tmatched_sequence'
        def hits = rowsOf(outputs.data.tsv).collect { it.split('\t') }
        hits.count { it[0].startsWith('MA0139') && it[9] == ctcfWord } == 4
        hits.every { it.size() == 10 && (it[7] as double) <= 1e-4 && (it[8] as double) >= (it[7] as double) }

        and: 'the same rows from the three inputs'
        rowsOf(outputs.data.tsv) as Set == rowsOf(outputs.fasta.tsv) as Set
        rowsOf(outputs.data.tsv) as Set == rowsOf(outputs.bed.tsv) as Set

        and: 'the data set and the BED put them at the same genome sites; the planted ones where they were put'
        rowsOf(outputs.data.bed) as Set == rowsOf(outputs.bed.bed) as Set
        def planted = outputs.data.bed.readLines().collect { it.split('\t') }.findAll { it[3].startsWith('MA0139') }
                .collect { [it[0], it[1] as long, it[5]] } as Set
        planted.containsAll([['chr1', 230L, '+'], ['chr1', 930L, '+'], ['chr2', 430L, '+'], ['chr2', 1530L, '+']])

        and: 'progress is logged'
        outputs.data.log.contains('scan: ')
        leftovers(dir).isEmpty()
    }

    def "a bad motif file fails with its file and line, and leaves no output"() {
        given:
        def bad = dir.resolve('bad.meme')
        bad.text = 'MEME version 4\n\nALPHABET= ACGT\n\nMOTIF m1\nletter-probability matrix: alength= 4 w= 2\n0.25 0.25 0.25 0.25\n0.5 x 0.25 0.25\n'
        def out = dir.resolve('bad-motif.tsv')

        when:
        def r = run(['scan', '--motifs', bad, '--fasta', fasta, '--out', out])
        def errors = r.stderr.readLines().findAll { !it.startsWith('[') }

        then:
        r.exitCode == 1
        errors.size() == 1
        errors[0].contains("${bad}:8:")
        !Files.exists(out)
        leftovers(dir).isEmpty()
    }

    def "a BED line with end before start fails with its file and line, and leaves no output"() {
        given:
        def bad = dir.resolve('bad.bed')
        bad.text = 'chr1\t10\t50\tok\nchr1\t40\t20\tbackwards\n'
        def out = dir.resolve('bad-bed.tsv')
        def bedOut = dir.resolve('bad-bed.bed')

        when:
        def r = run(['scan', '--motifs', motifs, '--bed', bad, '--genome', genome, '--out', out, '--bed-out', bedOut])
        def errors = r.stderr.readLines().findAll { !it.startsWith('[') }

        then:
        r.exitCode == 1
        errors.size() == 1
        errors[0].contains("${bad}:2: end 20 is not after start 40")
        !Files.exists(out)
        !Files.exists(bedOut)
        leftovers(dir).isEmpty()
    }

    def "two inputs at once are a usage error"() {
        when:
        def r = run(['scan', '--motifs', motifs, '--fasta', fasta, '--data', data, '--out', dir.resolve('two.tsv')])

        then:
        r.exitCode == 2
        r.stderr.contains('exactly one input')
    }
}
