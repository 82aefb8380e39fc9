package org.regulens.genome

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

class PeakReaderSpec extends Specification {

    static final Path DATA = Path.of(System.getProperty('regulens.home', '.'), 'tests', 'data')

    @TempDir
    Path dir

    def "reads a real ENCODE narrowPeak file: every line, summits at start + column 10"() {
        given:
        def file = DATA.resolve('encode_chr19/ENCSR000DYI_rep1_sub25_macs2_pval0.01.bfilt.narrowPeak.gz')
        def lines = new GZIPInputStream(Files.newInputStream(file)).text.readLines().findAll { it }

        when:
        def peaks = PeakReader.read(file)

        then:
        peaks.size() == lines.size()
        peaks.size() == 19017
        [peaks, lines].transpose().every { Peak p, String line ->
            def f = line.split('\t')
            p.chrom() == f[0] && p.start() == f[1] as long && p.end() == f[2] as long &&
                    p.summit() == (f[1] as long) + (f[9] as long) && p.anchor() == p.summit()
        }
    }

    def "reads ENCODE regionPeak and a BED6 without summits (anchor at the midpoint)"() {
        when:
        def region = PeakReader.read(DATA.resolve('encode_chr19/ENCSR000DYI_rep1-rep2.idr0.1.bfilt.regionPeak.gz'))
        def bed = PeakReader.read(DATA.resolve('yeast_pho4/pho4_sites_sacCer3_chrIV.bed'))

        then:
        region.size() == 152
        bed.size() == 17
        bed.every { it.summit() == -1 && it.anchor() == it.start() + (it.end() - it.start()).intdiv(2) && it.strand() == '.' as char }
        bed[0].chrom() == 'chrIV' && bed[0].start() == 273363 && bed[0].end() == 274361
    }

    def "skips track, browser, comment and blank lines; reads strands"() {
        given:
        def file = dir.resolve('p.bed')
        file.text = 'track name=x\nbrowser position chr1\n# comment\n\nchr1\t10\t20\tp1\t0\t-\nchr1 30 40\n'
        when:
        def peaks = PeakReader.read(file)
        then:
        peaks*.start() == [10L, 30L]
        peaks[0].isMinus() && peaks[0].line() == 5
        peaks[1].strand() == '.' as char
    }

    def "bad lines fail with the file and line number"() {
        given:
        def file = dir.resolve('bad.narrowPeak')
        file.text = 'chr1\t10\t20\n' + line + '\n'

        when:
        PeakReader.read(file)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith(file.toString() + ':2: ')
        e.message.contains(expected)

        where:
        line                                    | expected
        'chr1\t10'                              | 'at least 3 columns'
        'chr1\tten\t20'                         | "start 'ten' is not an integer"
        'chr1\t30\t20'                          | 'not after start'
        'chr1\t-5\t20'                          | 'negative start'
        'chr1\t10\t20\tp\t0\t.\t1\t1\t1\t50'    | 'summit offset 50 lies outside'
        'chr1\t10\t20\tp\t0\tx'                 | 'strand'
        'chr1\t10\t20\tp\t0\t.\tabc'            | 'signalValue'
    }

    def "an empty peak file is an error"() {
        given:
        def file = dir.resolve('empty.bed')
        file.text = '# nothing\n'
        when:
        PeakReader.read(file)
        then:
        def e = thrown(RegulensException)
        e.message.contains('no peaks')
    }
}
