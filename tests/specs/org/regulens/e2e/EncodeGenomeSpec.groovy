package org.regulens.e2e

import org.regulens.io.npz.NpzFile
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

import static org.regulens.e2e.RegulensRunner.run

/**
 * simulate (genome mode) then encode, checked against independent computations: windows against a brute-force
 * slice of the FASTA on both strands, labels against a plain overlap scan of the peak files, GC matching,
 * chromosome-disjoint splits, numpy readability and determinism.
 */
class EncodeGenomeSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path sim
    @Shared Path data
    @Shared Map<String, String> genome
    @Shared Map<String, List<List<Long>>> peaksByTask
    @Shared Map<String, Object> arrays

    def setupSpec() {
        sim = dir.resolve('sim')
        def simulated = run(['simulate', '--mode', 'genome', '--out', sim, '--seed', 3, '--chroms', 10,
                             '--chrom-length', 60000, '--peaks', 150,
                             '--task', 'ctcf=MA0139.2', '--task', 'gata=MA0035.5+MA0091.2', '--decoy', 'MA0079.5'])
        assert simulated.exitCode == 0: simulated
        data = dir.resolve('data.npz')
        def encoded = run(['encode', '--genome', sim.resolve('genome.fa'), '--samplesheet', sim.resolve('samplesheet.csv'),
                           '--width', 200, '--out', data, '--seed', 5])
        assert encoded.exitCode == 0: encoded
        genome = readFasta(sim.resolve('genome.fa'))
        peaksByTask = ['ctcf', 'gata'].collectEntries { [(it): readPeaks(sim.resolve(it + '.narrowPeak.gz'))] }
        arrays = readArrays(data)
    }

    static Map<String, String> readFasta(Path file) {
        def map = [:]
        String name = null
        StringBuilder seq = null
        file.eachLine { line ->
            if (line.startsWith('>')) {
                if (name) map[name] = seq.toString()
                name = line.substring(1).trim()
                seq = new StringBuilder()
            } else {
                seq.append(line.trim())
            }
        }
        map[name] = seq.toString()
        map
    }

    static List<List> readPeaks(Path file) {
        new GZIPInputStream(Files.newInputStream(file)).text.readLines().findAll { it }.collect {
            def f = it.split('\t')
            [f[0], f[1] as long, f[2] as long]
        }
    }

    static Map<String, Object> readArrays(Path file) {
        NpzFile.open(file).withCloseable { npz ->
            readArraysOf(file) + [chrom : npz.read('chrom').asStrings(), start: npz.read('start').asLongs(),
                                  end   : npz.read('end').asLongs(), strand: npz.read('strand').asStrings()]
        }
    }

    /** The arrays every data set has. */
    static Map<String, Object> readArraysOf(Path file) {
        NpzFile.open(file).withCloseable { npz ->
            [x     : npz.read('x'), y: npz.read('y').asFloats(), split: npz.read('split').asBytes().collect { it as int },
             names : npz.read('names').asStrings(), tasks: npz.read('tasks').asStrings(),
             gc    : npz.read('gc').asFloats(), source: npz.read('source').asBytes().collect { it as int },
             meta  : new groovy.json.JsonSlurper().parseText(npz.read('meta').asString())]
        }
    }

    static String decode(byte[] x, int row, int width) {
        def sb = new StringBuilder()
        for (int j = 0; j < width; j++) {
            int base = -1
            for (int b = 0; b < 4; b++) {
                if (x[row * 4 * width + b * width + j] == 1) base = b
            }
            sb.append(base < 0 ? 'N' : 'ACGT'[base])
        }
        sb.toString()
    }

    static long sum(byte[] values) {
        long total = 0
        for (byte v : values) total += v
        total
    }

    static String revcomp(String s) {
        s.reverse().collect { [A: 'T', C: 'G', G: 'C', T: 'A', N: 'N'][it] }.join()
    }

    def "arrays have the documented shapes and dtypes"() {
        expect:
        arrays.x.shape() == [arrays.names.length, 4, 200] as long[]
        arrays.x.dtype().descr() == '|u1'
        arrays.tasks as List == ['ctcf', 'gata']
        arrays.y.length == arrays.names.length * 2
        arrays.meta.width == 200
        arrays.meta.split_mode == 'chromosomes'
    }

    def "every window equals a brute-force slice of the FASTA, upper-cased, on its strand"() {
        given:
        byte[] x = arrays.x.asBytes()

        expect:
        (0..<arrays.names.length).every { int i ->
            def chrom = arrays.chrom[i]
            long start = arrays.start[i]
            assert arrays.end[i] == start + 200
            assert arrays.names[i] == "$chrom:$start-${start + 200}(${arrays.strand[i]})" ||
                    arrays.names[i].startsWith("$chrom:$start-${start + 200}(+)_shuffle")
            def slice = genome[chrom].substring((int) start, (int) start + 200).toUpperCase()
            def expected = arrays.strand[i] == '-' ? revcomp(slice) : slice
            decode(x, i, 200) == expected.replaceAll('[^ACGT]', 'N')
        }
    }

    def "labels equal an independent overlap scan of the peak files at the window centre"() {
        expect:
        (0..<arrays.names.length).every { int i ->
            long centre = arrays.start[i] + 100
            [0, 1].every { int t ->
                def peaks = peaksByTask[arrays.tasks[t]]
                def expected = peaks.any { it[0] == arrays.chrom[i] && it[1] <= centre && centre < it[2] } ? 1f : 0f
                arrays.y[i * 2 + t] == expected
            }
        }
    }

    def "negatives lie outside every peak and match the positives' GC within 0.02 per 5% bin"() {
        given:
        def all = peaksByTask.values().sum()
        def negatives = (0..<arrays.names.length).findAll { arrays.source[it] == 1 }
        def positives = (0..<arrays.names.length).findAll { arrays.source[it] == 0 }
        def share = { List<Integer> rows, int bin -> rows.count { Math.min(19, (int) (arrays.gc[it] * 20)) == bin } / rows.size() }

        expect:
        positives.size() > 250
        negatives.size() == positives.size()
        negatives.every { int i ->
            !all.any { it[0] == arrays.chrom[i] && it[1] < arrays.start[i] + 200 && arrays.start[i] < it[2] }
        }
        (0..<20).every { Math.abs(share(positives, it) - share(negatives, it)) <= 0.02 }
        and: 'the stored gc is the GC of the window'
        (0..<arrays.names.length).every { int i ->
            def s = decode(arrays.x.asBytes(), i, 200)
            def acgt = s.count('A') + s.count('C') + s.count('G') + s.count('T')
            Math.abs(arrays.gc[i] - (s.count('G') + s.count('C')) / acgt) < 1e-6
        }
    }

    def "splits are disjoint by chromosome: chr7 valid, chr8 and chr9 test"() {
        given:
        def chromsBySplit = (0..<arrays.names.length).groupBy { arrays.split[it] }
                .collectEntries { k, rows -> [(k): rows.collect { arrays.chrom[it] } as Set] }

        expect:
        chromsBySplit[1] == ['chr7'] as Set
        chromsBySplit[2] == ['chr8', 'chr9'] as Set
        !chromsBySplit[0].intersect(['chr7', 'chr8', 'chr9'])
    }

    def "the same inputs and seed give byte-identical output; another seed changes the negatives"() {
        given:
        def again = dir.resolve('again.npz')
        def other = dir.resolve('other.npz')

        when:
        def r1 = run(['encode', '--genome', sim.resolve('genome.fa'), '--samplesheet', sim.resolve('samplesheet.csv'),
                      '--width', 200, '--out', again, '--seed', 5])
        def r2 = run(['encode', '--genome', sim.resolve('genome.fa'), '--samplesheet', sim.resolve('samplesheet.csv'),
                      '--width', 200, '--out', other, '--seed', 6])

        then:
        r1.exitCode == 0 && r2.exitCode == 0
        Files.readAllBytes(again) == Files.readAllBytes(data)
        readArrays(other).names != arrays.names
    }

    @Requires({ RegulensRunner.hasNumpy() })
    def "numpy reads the data set without pickle and sees the same values"() {
        when:
        def out = RegulensRunner.python('''
import sys, numpy as np
d = np.load(sys.argv[1], allow_pickle=False)
x, y = d["x"], d["y"]
assert x.dtype == np.uint8 and x.ndim == 3 and x.shape[1] == 4, x.shape
assert y.dtype == np.float32 and y.shape == (x.shape[0], len(d["tasks"]))
assert d["split"].dtype == np.int8
assert (x.sum(axis=1) <= 1).all()
import json; json.loads(str(d["meta"]))
print(x.shape[0], int(x.sum()), float(y.sum()), d["names"][0], d["tasks"][1])
''', [data])

        then:
        def f = out.trim().split(' ')
        f[0] as int == arrays.names.length
        f[1] as long == sum(arrays.x.asBytes())
        f[2] as double == arrays.y.sum() as double
        f[3] == arrays.names[0]
        f[4] == 'gata'
    }

    def "stranded peaks on a real genome: minus-strand windows are reverse complements"() {
        given:
        def yeast = RegulensRunner.DATA.resolve('yeast_pho4/sacCer3_chrIV.fa')
        def peaks = dir.resolve('stranded.bed')
        def lines = RegulensRunner.DATA.resolve('yeast_pho4/pho4_sites_sacCer3_chrIV.bed').readLines()
        peaks.text = lines.withIndex().collect { String l, int i ->
            def f = l.split('\t'); f[5] = i % 2 ? '-' : '+'; f.join('\t')
        }.join('\n') + '\n'
        def out = dir.resolve('yeast.npz')

        when:
        def r = run(['encode', '--genome', yeast, '--peaks', peaks, '--width', 300, '--out', out, '--neg-ratio', 3])
        def a = readArrays(out)
        def chrIV = readFasta(yeast).chrIV

        then:
        r.exitCode == 0
        a.meta.split_mode == 'blocks'
        a.source.count { it == 0 } == 17
        a.source.count { it == 1 } == 51
        a.strand.count { it == '-' } == 8
        (0..<a.names.length).every { int i ->
            def slice = chrIV.substring((int) a.start[i], (int) a.start[i] + 300)
            decode(a.x.asBytes(), i, 300) == (a.strand[i] == '-' ? revcomp(slice) : slice)
        }
    }
}
