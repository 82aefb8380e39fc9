package org.regulens.e2e

import org.regulens.io.npz.NpyFile
import org.regulens.motif.MotifDatabase
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

import static org.regulens.e2e.RegulensRunner.run

/** simulate: the planted ground truth is where it says, sampled from the matrices, and reproducible. */
class SimulateSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared def jaspar = MotifDatabase.jaspar2024().collectEntries { [(it.id()): it] }

    static String revcomp(String s) {
        s.reverse().collect { [A: 'T', C: 'G', G: 'C', T: 'A'][it] }.join()
    }

    /** True when every letter has non-zero probability at its position of the motif (forward orientation). */
    boolean possible(String site, String motifId) {
        def p = jaspar[motifId].probabilities()
        (0..<site.length()).every { p[it]['ACGT'.indexOf(site[it])] > 0 }
    }

    def "genome mode: planted sites are in the genome, sampled from their matrices, inside their peaks"() {
        given:
        def out = dir.resolve('genome')

        when:
        def r = run(['simulate', '--out', out, '--seed', 4, '--chroms', 3, '--chrom-length', 40000, '--peaks', 60,
                     '--task', 'ctcf=MA0139.2', '--task', 'gata=MA0035.5+MA0091.2', '--decoy', 'MA0079.5',
                     '--decoy-count', 25])
        def genome = EncodeGenomeSpec.readFasta(out.resolve('genome.fa'))
        def planted = out.resolve('planted.bed').readLines().findAll { !it.startsWith('#') }*.split('\t')
        def peaks = ['ctcf', 'gata'].collectEntries { t ->
            [(t): new GZIPInputStream(Files.newInputStream(out.resolve(t + '.narrowPeak.gz'))).text.readLines()*.split('\t')]
        }

        then:
        r.exitCode == 0
        Files.list(out).withCloseable { it.map { it.fileName.toString() }.toList() as Set } ==
                ['genome.fa', 'genome.fa.fai', 'ctcf.narrowPeak.gz', 'gata.narrowPeak.gz', 'planted.bed', 'samplesheet.csv'] as Set
        out.resolve('samplesheet.csv').text == 'task,peaks\nctcf,ctcf.narrowPeak.gz\ngata,gata.narrowPeak.gz\n'
        genome.keySet() == ['chr1', 'chr2', 'chr3'] as Set
        genome.values().any { it.contains('N' * 200) }
        genome.values().any { it =~ /[acgt]{100}/ }

        and: 'narrowPeak columns are MACS2-like: 10 columns, summit inside, widths vary'
        peaks.ctcf.size() == 60 && peaks.gata.size() == 60
        peaks.values().sum().every { f -> f.length == 10 && (f[9] as int) >= 0 && (f[9] as int) < (f[2] as int) - (f[1] as int) }
        peaks.ctcf.collect { (it[2] as int) - (it[1] as int) }.toSet().size() > 20

        and: 'each planted site holds letters its matrix allows, read on its strand'
        planted.size() > 100
        planted.every { f ->
            def site = genome[f[0]].substring(f[1] as int, f[2] as int).toUpperCase()
            possible(f[5] == '-' ? revcomp(site) : site, f[3])
        }
        and: 'sites are sampled, not copies of the consensus'
        planted.findAll { it[3] == 'MA0139.2' }.collect { genome[it[0]].substring(it[1] as int, it[2] as int).toUpperCase() }
                .toSet().size() > 20
        and: 'both strands are used'
        planted*.getAt(5).toSet() == ['+', '-'] as Set

        and: 'core and partner sites lie inside the peak they name; decoys are counted'
        def peakByName = peaks.values().sum().collectEntries { [(it[3]): it] }
        planted.findAll { it[8] in ['core', 'partner'] }.every { f ->
            def p = peakByName[f[9]]
            p[0] == f[0] && (p[1] as int) <= (f[1] as int) && (f[2] as int) <= (p[2] as int)
        }
        planted.count { it[8] == 'decoy' && it[3] == 'MA0079.5' } == 25
        planted.findAll { it[7] == 'gata' }*.getAt(3).toSet() == ['MA0035.5', 'MA0091.2'] as Set
    }

    def "the same seed gives identical files; another seed does not"() {
        when:
        def args = { Path o, int seed -> ['simulate', '--out', o, '--seed', seed, '--chroms', 2, '--chrom-length', 20000,
                                          '--peaks', 20, '--task', 'a=MA0139.2'] }
        [run(args(dir.resolve('s1'), 8)), run(args(dir.resolve('s2'), 8)), run(args(dir.resolve('s3'), 9))]
                .each { assert it.exitCode == 0: it }

        then:
        ['genome.fa', 'a.narrowPeak.gz', 'planted.bed'].every {
            Files.readAllBytes(dir.resolve('s1').resolve(it)) == Files.readAllBytes(dir.resolve('s2').resolve(it))
        }
        Files.readAllBytes(dir.resolve('s1/genome.fa')) != Files.readAllBytes(dir.resolve('s3/genome.fa'))
    }

    def "sequences mode: labels, 3-7 instances, core motifs only in positives, truth marks core bases"() {
        given:
        def out = dir.resolve('seqs')

        when:
        def r = run(['simulate', '--mode', 'sequences', '--out', out, '--seed', 2, '--count', 400, '--length', 200,
                     '--task', 'ctcf=MA0139.2', '--task', 'gata=MA0035.5'])
        def rows = out.resolve('sequences.tsv').readLines()*.split('\t')
        def planted = out.resolve('planted.tsv').readLines().drop(1)*.split('\t').groupBy { it[0] }
        def truth = NpyFile.read(out.resolve('truth.npy'))
        byte[] t = truth.asBytes()

        then:
        r.exitCode == 0
        rows[0] as List == ['name', 'sequence', 'ctcf', 'gata']
        rows.size() == 401
        truth.shape() == [400, 200] as long[]
        (0..<400).every { int i ->
            def row = rows[i + 1]
            def sites = planted[row[0]] ?: []
            def labels = [row[2] as int, row[3] as int]
            def positive = labels.any { it == 1 }
            def expectedTruth = new byte[200]
            sites.findAll { it[7] == 'core' }.each { (it[1] as int..<(it[2] as int)).each { expectedTruth[it] = 1 } }
            assert sites.size() >= 3 && sites.size() <= 7
            assert row[1].length() == 200 && row[1] ==~ /[ACGT]+/
            // positives carry only their tasks' core motifs, at least one per positive task
            if (positive) {
                assert sites.every { it[7] == 'core' && labels[['ctcf', 'gata'].indexOf(it[6])] == 1 }
                assert ['ctcf', 'gata'].withIndex().every { name, k -> labels[k] == 0 || sites.any { it[6] == name } }
            } else {
                assert sites.every { it[7] == 'pool' && !(it[3] in ['MA0139.2', 'MA0035.5']) }
            }
            def site = sites.every { s ->
                def seq = row[1].substring(s[1] as int, s[2] as int)
                possible(s[5] == '-' ? revcomp(seq) : seq, s[3])
            }
            site && (0..<200).every { t[i * 200 + it] == expectedTruth[it] }
        }
        rows.drop(1).count { it[2] == '1' } in 150..250
    }
}
