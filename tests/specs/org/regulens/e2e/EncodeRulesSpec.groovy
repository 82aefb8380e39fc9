package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

import static org.regulens.e2e.RegulensRunner.run

/** The window rules of encode on hand-made cases whose answers are worked out by hand. */
class EncodeRulesSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path genome

    def setupSpec() {
        // chr1: 10 kb of a repeating 8-mer with 300 N at 5,000-5,300; chr2: 3 kb.
        def chr1 = new StringBuilder('ACGTTGCA' * 1250)
        (5000..<5300).each { chr1.setCharAt(it, 'N' as char) }
        genome = dir.resolve('g.fa')
        genome.text = '>chr1\n' + chr1 + '\n>chr2\n' + ('GATTACAC' * 375) + '\n'
    }

    Map encode(String name, String peaksA, String peaksB, List extra) {
        def a = dir.resolve(name + '_A.bed')
        a.text = peaksA
        def files = ['--peaks', a]
        if (peaksB != null) {
            def b = dir.resolve(name + '_B.bed.gz')
            new GZIPOutputStream(Files.newOutputStream(b)).withCloseable { it.write(peaksB.bytes) }
            files += ['--peaks', b]
        }
        def out = dir.resolve(name + '.npz')
        def r = run(['encode', '--genome', genome, '--width', 200, '--out', out, '--negatives', 'none'] + files + extra)
        assert r.exitCode == 0: r
        EncodeGenomeSpec.readArrays(out) + [log: r.stderr]
    }

    def "a window over the N gap is dropped and counted; --max-n 1 keeps it"() {
        when:
        def strict = encode('n1', 'chr1\t1000\t1100\nchr1\t5050\t5150\n', null, [])
        def lax = encode('n2', 'chr1\t1000\t1100\nchr1\t5050\t5150\n', null, ['--max-n', '1'])

        then:
        strict.names as List == ['chr1:950-1150(+)']
        strict.meta.counts.dropped_n == 1
        strict.log.contains('1 windows dropped for more than 20 non-ACGT bases')
        lax.names.length == 2
    }

    def "windows running off a chromosome end are shifted inside or dropped, never truncated"() {
        when: 'a peak at chr2 0-60 (midpoint 30) and one at 2,900-3,000 (midpoint 2,950)'
        def peaks = 'chr2\t0\t60\nchr2\t1000\t1100\nchr2\t2900\t3000\n'
        def shifted = encode('e1', peaks, null, [])
        def dropped = encode('e2', peaks, null, ['--edge', 'drop'])

        then: 'shifted windows keep the label of the summit they were made for (it is still inside the window)'
        shifted.names as List == ['chr2:0-200(+)', 'chr2:950-1150(+)', 'chr2:2800-3000(+)']
        shifted.y as List == [1f, 1f, 1f]
        shifted.meta.counts.shifted_edge == 2
        dropped.names as List == ['chr2:950-1150(+)']
        dropped.meta.counts.dropped_edge == 2
    }

    def "peaks sharing a window merge; labels follow the centre base; the ambiguity rules"() {
        given: 'task A: a peak at 1,000-1,100 (window 950-1150, centre 1050); task B: a peak at 1,120-1,400 overlapping that window off-centre, and one at 3,000-3,100'
        def a = 'chr1\t1000\t1100\nchr1\t1000\t1100\n'
        def b = 'chr1\t1120\t1400\nchr1\t3000\t3100\n'

        when:
        def negative = encode('a1', a, b, [])
        def exclude = encode('a2', a, b, ['--ambiguous', 'exclude'])
        def mask = encode('a3', a, b, ['--ambiguous', 'mask'])

        then: 'A windows: 950-1150; B windows: 1160-1360 and 2950-3150'
        negative.names as List == ['chr1:950-1150(+)', 'chr1:1160-1360(+)', 'chr1:2950-3150(+)']
        negative.meta.counts.merged_windows == 1
        negative.y as List == [1f, 0f, 0f, 1f, 0f, 1f]
        exclude.names as List == ['chr1:1160-1360(+)', 'chr1:2950-3150(+)']
        exclude.y as List == [0f, 1f, 0f, 1f]
        mask.y[0] == 1f && Float.isNaN(mask.y[1])
        mask.y[2..5] == [0f, 1f, 0f, 1f]
    }

    def "GC-matched negatives avoid every task's peaks and the blacklist; fractional ratios"() {
        given:
        def peaks = dir.resolve('many.bed')
        peaks.text = (0..<20).collect { "chr1\t${300 + it * 230}\t${350 + it * 230}" }.join('\n') + '\n'
        def blacklist = dir.resolve('black.bed')
        blacklist.text = 'chr1\t6000\t9000\n'
        def out = dir.resolve('neg.npz')

        when:
        def r = run(['encode', '--genome', genome, '--width', 100, '--out', out, '--peaks', peaks, '--blacklist',
                     blacklist, '--neg-ratio', '0.5', '--seed', 3])
        def a = EncodeGenomeSpec.readArrays(out)
        def negatives = (0..<a.names.length).findAll { a.source[it] == 1 }

        then:
        r.exitCode == 0
        a.source.count { it == 0 } == 20
        negatives.size() >= 5 && negatives.size() <= 15
        negatives.every { int i ->
            long s = a.start[i]
            long e = s + 100
            a.chrom[i] == 'chr1' && !(s < 9000 && 6000 < e) &&
                    !(0..<20).any { k -> s < 350 + k * 230 && 300 + k * 230 < e }
        }
        and: 'negatives overlap neither one another nor any positive window'
        def rows = (0..<a.names.length).collect { [a.start[it], a.start[it] + 100, a.source[it]] }
        [rows, rows].combinations().every { p, q ->
            p.is(q) || (p[2] == 0 && q[2] == 0) || !(p[0] < q[1] && q[0] < p[1])
        }
    }

    def "column 10 is a summit only in 10-column files: a BED12 line is centred on its midpoint"() {
        given:
        def bed12 = dir.resolve('blocks.bed')
        bed12.text = 'chr1\t1000\t1400\tname\t0\t+\t1000\t1400\t0\t2\t50,50\t0,350\n'
        when:
        def r = run(['encode', '--genome', genome, '--width', 100, '--out', dir.resolve('b12.npz'), '--peaks', bed12,
                     '--negatives', 'none'])
        then:
        r.exitCode == 0
        EncodeGenomeSpec.readArrays(dir.resolve('b12.npz')).names as List == ['chr1:1150-1250(+)']
    }

    def "an empty blacklist is fine; a samplesheet with quotes and a byte-order mark is read"() {
        given:
        def blacklist = dir.resolve('empty.bed')
        blacklist.text = '# nothing blacklisted\n'
        def peaks = dir.resolve('one.bed')
        peaks.text = 'chr1\t1000\t1100\n'
        def sheet = dir.resolve('sheet.csv')
        sheet.text = '\uFEFF"task","peaks"\n"my task","one.bed"\n'

        when:
        def r = run(['encode', '--genome', genome, '--width', 100, '--out', dir.resolve('q.npz'), '--samplesheet', sheet,
                     '--blacklist', blacklist])

        then:
        r.exitCode == 0
        EncodeGenomeSpec.readArrays(dir.resolve('q.npz')).tasks as List == ['my task']
    }
}
