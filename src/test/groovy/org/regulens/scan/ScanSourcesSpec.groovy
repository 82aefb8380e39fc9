package org.regulens.scan

import org.regulens.io.npz.DType
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import org.regulens.motif.Background
import org.regulens.seq.Dna
import org.regulens.seq.OneHot
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** FASTA, BED + genome and npz inputs give the same hits for the same sequences, in the same genome places. */
class ScanSourcesSpec extends Specification {

    @TempDir
    Path dir

    static final int WIDTH = 60

    /** Name, chrom, start, minus for three windows; the third is read on the minus strand. */
    static final List<List> WINDOWS = [['w1', 'chr1', 40, false], ['w2', 'chr2', 10, false], ['w3', 'chr1', 200, true]]

    static List<Map> scanAll(SequenceSource source, MotifScanner scanner) {
        def rows = []
        source.withCloseable {
            it.forEach { seq ->
                scanner.scan(seq.letters()).each { h ->
                    def site = seq.origin()?.toGenome(h.start(), h.end(), h.strand())
                    rows << [name: seq.name(), start: h.start(), strand: h.strand(), score: h.score(), site: site]
                }
            }
        }
        rows
    }

    def "the three inputs give the same hits, and genome sites agree with the sequences"() {
        given: 'a genome with a planted CTCF site inside each window (w3 on the genome minus strand)'
        def random = new Random(3)
        def word = MotifScannerSpec.bestWord(MotifScannerSpec.CTCF)
        byte[] chr1 = MotifScannerSpec.randomSequence(random, 400, Background.uniform())
        byte[] chr2 = MotifScannerSpec.randomSequence(random, 120, Background.uniform())
        System.arraycopy(word.bytes, 0, chr1, 50, word.length())
        System.arraycopy(Dna.reverseComplement(word.bytes), 0, chr1, 230, word.length())
        System.arraycopy(word.bytes, 0, chr2, 30, word.length())
        def genome = dir.resolve('genome.fa')
        genome.text = ">chr1\n${new String(chr1)}\n>chr2\n${new String(chr2)}\n"
        def chroms = [chr1: chr1, chr2: chr2]
        def sequences = WINDOWS.collect { w ->
            byte[] c = chroms[w[1]]
            w[3] ? Dna.reverseComplement(c, w[2] as int, (w[2] as int) + WIDTH)
                 : Arrays.copyOfRange(c, w[2] as int, (w[2] as int) + WIDTH)
        }
        def bed = dir.resolve('windows.bed')
        bed.text = WINDOWS.collect { w -> "${w[1]}\t${w[2]}\t${(w[2] as int) + WIDTH}\t${w[0]}\t0\t${w[3] ? '-' : '+'}\n" }.join()
        def fasta = dir.resolve('windows.fa')
        fasta.text = WINDOWS.indices.collect { ">${WINDOWS[it][0]}\n${new String(sequences[it])}\n" }.join()
        def npz = dir.resolve('windows.npz')
        NpzWriter.create(npz).withCloseable { writer ->
            byte[] x = new byte[WINDOWS.size() * 4 * WIDTH]
            sequences.eachWithIndex { s, i -> OneHot.encode(s, 0, WIDTH, x, i * 4 * WIDTH) }
            writer.write('x', NpyArray.ofBytes(x, DType.UINT8, WINDOWS.size(), 4, WIDTH))
            writer.write('names', NpyArray.ofStrings(WINDOWS.collect { it[0] } as String[]))
            writer.write('chrom', NpyArray.ofStrings(WINDOWS.collect { it[1] } as String[]))
            writer.write('start', NpyArray.ofLongs(WINDOWS.collect { it[2] as long } as long[], WINDOWS.size()))
            writer.write('end', NpyArray.ofLongs(WINDOWS.collect { (it[2] as long) + WIDTH } as long[], WINDOWS.size()))
            writer.write('strand', NpyArray.ofStrings(WINDOWS.collect { it[3] ? '-' : '+' } as String[]))
            writer.commit()
        }
        def scanner = new MotifScanner([MotifScannerSpec.CTCF], Path.of('ctcf'), Background.uniform(), 0.1, 1e-3, true, false)

        when:
        def fromFasta = scanAll(new FastaSource(fasta), scanner)
        def fromBed = scanAll(new BedSource(bed, genome), scanner)
        def fromNpz = scanAll(new DatasetSource(npz), scanner)
        def key = { r -> [r.name, r.start, r.strand, r.score] }

        then: 'same hits in sequence coordinates'
        fromFasta.size() >= 3
        fromFasta.collect(key) as Set == fromBed.collect(key) as Set
        fromFasta.collect(key) as Set == fromNpz.collect(key) as Set
        fromFasta.every { it.site == null }

        and: 'BED and npz put them at the same genome sites'
        fromBed.collect { [it.name, it.site] } as Set == fromNpz.collect { [it.name, it.site] } as Set

        and: 'the planted sites sit where they were put, on the genome strand they were put on'
        def planted = fromNpz.findAll { it.score == fromNpz*.score.max() }*.site as Set
        planted == [new Origin.Site('chr1', 50, 50 + word.length(), '+' as char),
                    new Origin.Site('chr1', 230, 230 + word.length(), '-' as char),
                    new Origin.Site('chr2', 30, 30 + word.length(), '+' as char)] as Set

        and: 'the genome letters at each site, read on its strand, are the matched word'
        fromNpz.every { r ->
            byte[] c = chroms[r.site.chrom()]
            byte[] letters = r.site.strand() == ('+' as char)
                    ? Arrays.copyOfRange(c, r.site.start() as int, r.site.end() as int)
                    : Dna.reverseComplement(c, r.site.start() as int, r.site.end() as int)
            byte[] seq = sequences[WINDOWS.findIndexOf { it[0] == r.name }]
            int w = word.length()
            byte[] inSequence = r.strand == ('+' as char) ? Arrays.copyOfRange(seq, r.start, r.start + w)
                    : Dna.reverseComplement(seq, r.start, r.start + w)
            Arrays.equals(letters, inSequence)
        }
    }

    def "a minus-strand row maps back by hand: row [2, 6) on + of chr1:[100, 110)(-) is chr1:[104, 108) on -"() {
        given: 'the row is the reverse complement of genome 100..109, so row position j is genome base 109 - j'
        def origin = new Origin('chr1', 100, 110, true)

        expect: 'row bases 2..5 are genome bases 107..104'
        origin.toGenome(2, 6, '+' as char) == new Origin.Site('chr1', 104, 108, '-' as char)
        origin.toGenome(0, 10, '-' as char) == new Origin.Site('chr1', 100, 110, '+' as char)
        new Origin('chr1', 100, 110, false).toGenome(2, 6, '-' as char) == new Origin.Site('chr1', 102, 106, '-' as char)
    }
}
