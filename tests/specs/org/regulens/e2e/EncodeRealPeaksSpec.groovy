package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

import static org.regulens.e2e.RegulensRunner.run

/**
 * Real ENCODE peak files (19,017 MACS2 narrowPeaks and 152 IDR regionPeaks on GRCh38 chr19) with the real
 * blacklist, on a random genome with GRCh38's chr19 and chrM lengths (the real FASTA is too big to ship).
 */
class EncodeRealPeaksSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Map arrays
    @Shared Map<String, List<List<Long>>> peaks
    @Shared List<List<Long>> blacklist
    @Shared String log

    static List<List> readBed(Path file) {
        new GZIPInputStream(Files.newInputStream(file)).text.readLines().findAll { it }.collect {
            def f = it.split('\t')
            [f[0], f[1] as long, f[2] as long] + (f.length > 9 ? [f[9] as long] : [])
        }
    }

    def setupSpec() {
        def data = RegulensRunner.DATA.resolve('encode_chr19')
        def genome = dir.resolve('chr19.fa')
        def random = new Random(19)
        Files.newBufferedWriter(genome).withCloseable { w ->
            data.resolve('hg38_chr19_chrM.chrom.sizes').readLines()*.split('\t').each { f ->
                w.write('>' + f[0] + '\n')
                long length = f[1] as long
                char[] line = new char[60]
                for (long i = 0; i < length; i += 60) {
                    int n = (int) Math.min(60, length - i)
                    for (int j = 0; j < n; j++) line[j] = 'ACGT'.charAt(random.nextInt(4))
                    w.write(line, 0, n)
                    w.write('\n')
                }
            }
        }
        def samplesheet = dir.resolve('samples.csv')
        samplesheet.text = "task,peaks\nmacs2,${data.resolve('ENCSR000DYI_rep1_sub25_macs2_pval0.01.bfilt.narrowPeak.gz')}\n" +
                "idr,${data.resolve('ENCSR000DYI_rep1-rep2.idr0.1.bfilt.regionPeak.gz')}\n"
        def out = dir.resolve('encode.npz')
        def r = run(['encode', '--genome', genome, '--samplesheet', samplesheet, '--width', 500, '--out', out,
                     '--blacklist', data.resolve('hg38.blacklist.chr19_chrM.bed.gz'), '--seed', 7])
        assert r.exitCode == 0: r
        log = r.stderr
        arrays = EncodeGenomeSpec.readArrays(out)
        peaks = [macs2: readBed(data.resolve('ENCSR000DYI_rep1_sub25_macs2_pval0.01.bfilt.narrowPeak.gz')),
                 idr  : readBed(data.resolve('ENCSR000DYI_rep1-rep2.idr0.1.bfilt.regionPeak.gz'))]
        blacklist = readBed(data.resolve('hg38.blacklist.chr19_chrM.bed.gz'))
    }

    def "one window per distinct summit, centred on it"() {
        given: 'the distinct window starts computed straight from the files (summit - 250), no edge cases here'
        def expected = (peaks.macs2 + peaks.idr).collect { it[1] + it[3] - 250 } as Set
        def positives = (0..<arrays.names.length).findAll { arrays.source[it] == 0 }

        expect:
        log.contains('built the missing FASTA index')
        positives.collect { arrays.start[it] } as Set == expected
        positives.size() == expected.size()
        arrays.meta.counts.peaks == 19017 + 152
        arrays.meta.counts.merged_windows == 19017 + 152 - expected.size()
    }

    def "labels of a random sample of windows agree with a naive scan of both files"() {
        given:
        def sample = new Random(1).with { r -> (0..<400).collect { r.nextInt(arrays.names.length) } }

        expect:
        sample.every { int i ->
            long centre = arrays.start[i] + 250
            [0, 1].every { int t ->
                def task = ['macs2', 'idr'][t]
                def hit = peaks[task].any { it[0] == arrays.chrom[i] && it[1] <= centre && centre < it[2] }
                arrays.y[i * 2 + t] == (hit ? 1f : 0f)
            }
        }
    }

    def "negatives avoid every peak of both tasks and the ENCODE blacklist"() {
        given:
        def all = (peaks.macs2 + peaks.idr + blacklist).findAll { it[0] == 'chr19' }.sort { it[1] }
        long[] starts = all.collect { it[1] } as long[]
        long[] maxEndSoFar = new long[starts.length]
        all.eachWithIndex { p, k -> maxEndSoFar[k] = Math.max(k > 0 ? maxEndSoFar[k - 1] : 0L, p[2] as long) }
        def negatives = (0..<arrays.names.length).findAll { arrays.source[it] == 1 }
        // an interval overlaps [s, e) iff some interval starting before e ends after s
        def overlaps = { long s, long e ->
            int k = Arrays.binarySearch(starts, e)
            k = k >= 0 ? k - 1 : -k - 2
            while (k >= 0 && starts[k] == e) k--
            k >= 0 && maxEndSoFar[k] > s
        }

        expect:
        negatives.size() == arrays.source.count { it == 0 }
        negatives.every { !overlaps(arrays.start[it], arrays.start[it] + 500) }
    }
}
