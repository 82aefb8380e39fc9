package org.regulens.genome

import htsjdk.samtools.util.BlockCompressedOutputStream
import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

class FastaStreamSpec extends Specification {

    static final Path DATA = Path.of(System.getProperty('regulens.home', '.'), 'tests', 'data')

    @TempDir
    Path dir

    static List<Chromosome> readAll(Path file) {
        def list = []
        new FastaStream(file, [:]).withCloseable { stream ->
            Chromosome c
            while ((c = stream.next()) != null) {
                list << c
            }
        }
        list
    }

    def "streams records with wrapped lines, lower case and CRLF, in plain, gzip and bgzip form"() {
        given:
        def text = '>chrA description here\r\nACGTacgt\r\nNNAC\r\n\r\n>chrB\nGG\nTT\n'
        def plain = dir.resolve('g.fa')
        plain.text = text
        def gz = dir.resolve('g.fa.gz')
        new GZIPOutputStream(Files.newOutputStream(gz)).withCloseable { it.write(text.bytes) }
        def bgz = dir.resolve('g.bgz.fa.gz')
        new BlockCompressedOutputStream(bgz.toFile()).withCloseable { it.write(text.bytes) }

        expect:
        [plain, gz, bgz].every { file ->
            def records = readAll(file)
            records*.name() == ['chrA', 'chrB'] &&
                    new String(records[0].sequence()) == 'ACGTacgtNNAC' &&
                    new String(records[1].sequence()) == 'GGTT'
        }
    }

    def "the real yeast chromosome (one 1.5 Mb line) matches its .fai"() {
        given:
        def index = GenomeIndex.of(DATA.resolve('yeast_pho4/sacCer3_chrIV.fa'))
        when:
        def records = readAll(index.fasta())
        then:
        records.size() == 1
        records[0].name() == 'chrIV'
        records[0].length() == 1531933
        index.lengths() == [chrIV: 1531933L]
    }

    def "malformed FASTA fails with the file and line"() {
        given:
        def file = dir.resolve('bad.fa')
        file.text = text

        when:
        readAll(file)

        then:
        def e = thrown(RegulensException)
        e.message.contains(file.toString())
        e.message.contains(expected)

        where:
        text                         | expected
        '>a\nACGT\nAC1T\n'           | ':3: unexpected character \'1\''
        'ACGT\n'                     | ':1: expected a FASTA header'
        '>a\nAC\n>a\nGT\n'           | ":3: duplicate sequence name 'a'"
        '>a\nAC\n>\nGT\n'            | ':3: FASTA header without a sequence name'
        '>a\n>b\nAC\n'               | 'a: empty sequence'
        ''                           | 'empty FASTA file'
    }

    def "a missing .fai is built beside the FASTA; a stale one is detected"() {
        given:
        def fasta = dir.resolve('genome.fa')
        fasta.text = '>c1\n' + 'ACGT' * 30 + '\n>c2\nGGGG\n'

        when:
        def index = GenomeIndex.of(fasta)

        then:
        Files.exists(dir.resolve('genome.fa.fai'))
        index.lengths() == [c1: 120L, c2: 4L]

        when: 'the FASTA changes under an old index'
        fasta.text = '>c1\nACGT\n>c2\nGGGG\n'
        def stale = GenomeIndex.of(fasta)
        stale.stream().withCloseable { stale.check(it.next()) }

        then:
        def e = thrown(RegulensException)
        e.message.contains('c1') && e.message.contains('stale')
    }

    def "FastaWriter writes 60-column lines and an index htsjdk agrees with"() {
        given:
        def fasta = dir.resolve('w.fa')
        def seq = ('ACGTN' * 50).bytes
        FastaWriter.write(fasta, [new Chromosome('x', seq), new Chromosome('y', 'AC'.bytes)])
        def reference = new htsjdk.samtools.reference.IndexedFastaSequenceFile(fasta)

        expect:
        fasta.readLines()[1].length() == 60
        new String(reference.getSubsequenceAt('x', 61, 130).bases) == new String(seq, 60, 70)
        new String(reference.getSequence('y').bases) == 'AC'
    }
}
