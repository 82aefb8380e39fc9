package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * Bad input: a one-line error naming the file and line or record, a non-zero exit status (1 for data, 2 for
 * usage), and no output file or temporary file left behind.
 */
class CliErrorsSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path genome
    @Shared Path peaks

    def setupSpec() {
        genome = dir.resolve('genome.fa')
        genome.text = '>chr1\n' + ('ACGTTGCA' * 500) + '\n>chr2\n' + ('GGCATTAC' * 500) + '\n'
        peaks = dir.resolve('good.bed')
        peaks.text = 'chr1\t1000\t1200\nchr2\t2000\t2300\n'
    }

    Path write(String name, String text) {
        def file = dir.resolve(name)
        file.text = text
        file
    }

    static List<String> leftovers(Path folder) {
        Files.list(folder).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.startsWith('.') }.toList() }
    }

    @Unroll
    def "encode: #what"() {
        given:
        def out = dir.resolve("out-${what.hashCode()}.npz")
        def args = ['encode', '--out', out] + arguments.call(this)

        when:
        def r = run(args)
        def message = r.stderr.readLines().findAll { !it.startsWith('[') }

        then:
        r.exitCode == status
        message.size() >= 1
        message.any { it.contains(expected.call(this)) }
        !Files.exists(out)
        leftovers(dir).isEmpty()

        where:
        what                              | status | arguments                                                                                                   | expected
        'a malformed peak line'           | 1      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.write('bad.bed', 'chr1\t10\t20\nchr1\tx\t30\n')] } | { s -> "${s.dir.resolve('bad.bed')}:2: start 'x' is not an integer" }
        'peaks off every chromosome'      | 1      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.write('off.bed', 'chrZ\t10\t20\n')] }              | { s -> "${s.dir.resolve('off.bed')}:1: chromosome 'chrZ' is not in" }
        'one task entirely off the genome' | 1     | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.peaks, '--peaks', s.write('off2.bed', 'chrM\t10\t20\nchrZ\t5\t9\n')] } | { s -> "${s.dir.resolve('off2.bed')}:1: chromosome 'chrM' is not in ${s.genome}, and neither is any other peak's of task off2" }
        'a peak beyond a chromosome end'  | 1      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.write('far.bed', 'chr1\t10\t20\nchr1\t3990\t4100\n')] } | { s -> "${s.dir.resolve('far.bed')}:2: peak end 4100 lies beyond the end of chr1" }
        'a bad character in the genome'   | 1      | { s -> ['--genome', s.write('bad.fa', '>chr1\nACGT\nAC5T\n'), '--width', 2, '--peaks', s.write('p1.bed', 'chr1\t1\t3\n')] } | { s -> "${s.dir.resolve('bad.fa')}:3: unexpected character '5'" }
        'a samplesheet with a missing file' | 1    | { s -> ['--genome', s.genome, '--width', 100, '--samplesheet', s.write('ss1.csv', 'task,peaks\na,good.bed\nb,nope.bed\n')] } | { s -> "${s.dir.resolve('ss1.csv')}:3: peak file" }
        'a samplesheet with a duplicate task' | 1  | { s -> ['--genome', s.genome, '--width', 100, '--samplesheet', s.write('ss2.csv', 'task,peaks\na,good.bed\na,good.bed\n')] } | { s -> "${s.dir.resolve('ss2.csv')}:3: task 'a' appears twice" }
        'a missing genome file'           | 1      | { s -> ['--genome', s.dir.resolve('none.fa'), '--width', 100, '--peaks', s.peaks] }                           | { s -> "${s.dir.resolve('none.fa')}: no such file" }
        'an unknown test chromosome'      | 1      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.peaks, '--test-chroms', 'chrQ'] }                 | { s -> "has no chromosome 'chrQ'" }
        'a table with a bad letter'       | 1      | { s -> ['--sequences', s.write('t1.tsv', 'sequence\tA\nACGT\t1\nAC-T\t0\n')] }                               | { s -> "${s.dir.resolve('t1.tsv')}:3: unexpected character '-'" }
        'a table with a bad label'        | 1      | { s -> ['--sequences', s.write('t2.tsv', 'sequence\tA\nACGT\tyes\n')] }                                      | { s -> "${s.dir.resolve('t2.tsv')}:2: label 'yes' for task A is not a number" }
        'a table with unequal lengths'    | 1      | { s -> ['--sequences', s.write('t3.csv', 'name,sequence,A\nx,ACGT,1\ny,ACG,0\n')] }                         | { s -> "${s.dir.resolve('t3.csv')}:3: sequence y has 3 bases" }
        'a table without a sequence column' | 1    | { s -> ['--sequences', s.write('t4.tsv', 'seqs\tA\nACGT\t1\n')] }                                            | { s -> "${s.dir.resolve('t4.tsv')}:1: the header has no 'sequence' column" }
        'a table with a ragged row'       | 1      | { s -> ['--sequences', s.write('t5.tsv', 'sequence\tA\tB\nACGT\t1\n')] }                                     | { s -> "${s.dir.resolve('t5.tsv')}:2: expected 3 columns, found 2" }
        'every window dropped'            | 1      | { s -> ['--genome', s.genome, '--width', 100, '--negatives', 'none', '--peaks', s.write('nn.bed', 'chr1\t10\t20\n'), '--edge', 'drop'] } | { s -> 'no windows left to write' }
        'a width beyond every chromosome' | 2      | { s -> ['--genome', s.genome, '--width', 5000, '--peaks', s.peaks] }                                          | { s -> '--width 5000 exceeds the longest sequence' }
        'an infinite label'               | 1      | { s -> ['--sequences', s.write('t6.tsv', 'sequence\tA\nACGT\tInfinity\n')] }                              | { s -> "${s.dir.resolve('t6.tsv')}:2: label 'Infinity'" }
        'a chromosome in both splits'     | 2      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.peaks, '--valid-chroms', 'chr1', '--test-chroms', 'chr1'] } | { s -> 'chr1 is in both' }
        'no --width with peaks'           | 2      | { s -> ['--genome', s.genome, '--peaks', s.peaks] }                                                           | { s -> '--width is required' }
        'an unknown negatives mode'       | 2      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.peaks, '--negatives', 'random'] }                  | { s -> "--negatives" }
        'peaks and sequences together'    | 2      | { s -> ['--genome', s.genome, '--width', 100, '--peaks', s.peaks, '--sequences', s.peaks] }                   | { s -> 'give either' }
    }

    def "simulate: an unknown motif id names the motif source, and nothing is written"() {
        given:
        def out = dir.resolve('sim-bad')

        when:
        def r = run(['simulate', '--out', out, '--task', 'a=MA9999.9'])

        then:
        r.exitCode == 1
        r.stderr.contains('MA9999.9')
        !Files.exists(out) || Files.list(out).withCloseable { it.count() } == 0
    }

    def "simulate: a malformed task is a usage error"() {
        when:
        def r = run(['simulate', '--out', dir.resolve('sim-bad2'), '--task', 'nomotif'])
        then:
        r.exitCode == 2
        r.stderr.contains('NAME=MOTIF_ID')
    }

    def "an unknown subcommand is a usage error and --version prints the version"() {
        expect:
        run(['frobnicate']).exitCode == 2
        with(run(['--version'])) {
            exitCode == 0
            stdout.startsWith('regulens ')
        }
    }
}
