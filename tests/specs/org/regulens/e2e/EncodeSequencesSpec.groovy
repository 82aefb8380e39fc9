package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/** encode --sequences: tables and labelled FASTA to a data set, with seeded or given splits. */
class EncodeSequencesSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path table

    def setupSpec() {
        def sim = dir.resolve('sim')
        def r = run(['simulate', '--mode', 'sequences', '--out', sim, '--seed', 1, '--count', 1000,
                     '--task', 'ctcf=MA0139.2', '--task', 'gata=MA0035.5'])
        assert r.exitCode == 0: r
        table = sim.resolve('sequences.tsv')
    }

    static Map<String, String> dinucleotides(String s) {
        def c = [:].withDefault { 0 }
        (0..<s.length() - 1).each { c[s.substring(it, it + 2)]++ }
        c
    }

    def "a simulated table: every row encoded in order, labels copied, random split of exactly 70/10/20"() {
        given:
        def out = dir.resolve('seq.npz')

        when:
        def r = run(['encode', '--sequences', table, '--out', out, '--seed', 4])
        def a = EncodeGenomeSpec.readArraysOf(out)
        def rows = table.readLines().drop(1)*.split('\t')

        then:
        r.exitCode == 0
        a.names as List == rows*.getAt(0)
        a.x.shape() == [1000, 4, 200] as long[]
        (0..<1000).every { EncodeGenomeSpec.decode(a.x.asBytes(), it, 200) == rows[it][1] }
        (0..<1000).every { a.y[2 * it] == rows[it][2] as float && a.y[2 * it + 1] == rows[it][3] as float }
        a.split.count { it == 2 } == 200
        a.split.count { it == 1 } == 100
        a.split.count { it == 0 } == 700
        a.meta.split_mode == 'random'
    }

    def "a split column is honoured, --width cuts the centre, shuffled negatives keep dinucleotides and split"() {
        given:
        def input = dir.resolve('small.tsv')
        input.text = 'name\tsequence\tbound\tsplit\n' +
                'a\tAACCGGTTACGTACGTAC\t1\ttrain\n' +
                'b\tCCCCGGGGAAAATTTTAC\t0\ttest\n' +
                'c\tACGTTGCAACGTTGCAGG\t1\tvalid\n'
        def out = dir.resolve('small.npz')

        when:
        def r = run(['encode', '--sequences', input, '--out', out, '--width', 10, '--negatives', 'shuffle', '--neg-ratio', 2])
        def a = EncodeGenomeSpec.readArraysOf(out)
        def seqs = (0..<a.names.length).collect { EncodeGenomeSpec.decode(a.x.asBytes(), it, 10) }

        then:
        r.exitCode == 0
        a.names as List == ['a', 'a_shuffle1', 'a_shuffle2', 'b', 'c', 'c_shuffle1', 'c_shuffle2']
        seqs[0] == 'AACCGGTTACGTACGTAC'.substring(4, 14)
        seqs[3] == 'CCCCGGGGAAAATTTTAC'.substring(4, 14)
        [1, 2].every { dinucleotides(seqs[it]) == dinucleotides(seqs[0]) && a.split[it] == a.split[0] && a.y[it] == 0f }
        [5, 6].every { dinucleotides(seqs[it]) == dinucleotides(seqs[4]) && a.split[it] == 1 }
        a.split == [0, 0, 0, 2, 1, 1, 1]
        a.source == [3, 2, 2, 3, 3, 2, 2]
    }

    def "positive-only FASTA: one task named after the file; negatives from a background FASTA, seeded, centred"() {
        given: '6 bare-named positives, 10 background records of 14 bases (the centre 10 is used)'
        def pos = dir.resolve('bound.fa')
        pos.text = (1..6).collect { ">p$it\n${'ACGTACGTAC'.substring(0, 10)}\n" }.join('')
        def bg = dir.resolve('bg.fa')
        bg.text = (1..10).collect { ">b$it description text\nTT${'CAGT' * 2}C${'ACGT'[it % 4]}TT\n" }.join('')
        def out = { dir.resolve("pos-${it}.npz") }

        when:
        def r1 = run(['encode', '--sequences', pos, '--background', bg, '--neg-ratio', 1.5, '--out', out(1), '--seed', 3])
        def r2 = run(['encode', '--sequences', pos, '--background', bg, '--neg-ratio', 1.5, '--out', out(2), '--seed', 3])
        def r3 = run(['encode', '--sequences', pos, '--background', bg, '--neg-ratio', 1.5, '--out', out(3), '--seed', 4])
        def refused = run(['encode', '--sequences', pos, '--out', out(4)])
        def a = EncodeGenomeSpec.readArraysOf(out(1))
        def b = EncodeGenomeSpec.readArraysOf(out(2))
        def c = EncodeGenomeSpec.readArraysOf(out(3))
        def negatives = (0..<a.names.length).findAll { a.source[it] == 1 }

        then: '9 = round(1.5 x 6) of the 10 background records, in file order, labelled 0, centre 10 bases'
        r1.exitCode == 0 && r2.exitCode == 0 && r3.exitCode == 0
        a.tasks as List == ['bound']
        a.names.take(6) as List == (1..6).collect { "p$it" }
        (0..<6).every { a.y[it] == 1f && a.source[it] == 3 }
        negatives.size() == 9
        def names = negatives.collect { a.names[it] }
        names == names.sort(false) { (it.substring(1) as int) }
        negatives.every { a.y[it] == 0f && EncodeGenomeSpec.decode(a.x.asBytes(), it, 10) == "${'CAGT' * 2}C${'ACGT'[(a.names[it].substring(1) as int) % 4]}" }
        a.meta.negatives == 'background' && a.meta.background_rows == 9 && a.meta.unlabelled_input

        and: 'the same seed draws the same records; another seed (very likely) other ones'
        b.names as List == a.names as List && b.split as List == a.split as List
        c.names as List != a.names as List || c.split as List != a.split as List

        and: 'without negatives a label-free file is refused with a hint'
        refused.exitCode == 1
        refused.stderr.contains("${pos}:1: no label in the header")
        refused.stderr.contains('--negatives shuffle or --background FASTA')
        !java.nio.file.Files.exists(out(4))
    }
}
