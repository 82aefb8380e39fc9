package org.regulens.encode

import org.regulens.core.RegulensException
import spock.lang.Specification

import java.nio.file.Path

class SplitAssignerSpec extends Specification {

    static final Path GENOME = Path.of('genome.fa')

    static SplitAssigner create(List<String> chroms, Map<String, Integer> windows, List<String> valid = null,
                                List<String> test = null, long seed = 1) {
        SplitAssigner.create(GENOME, chroms, windows, valid, test, 0.1, 0.2, seed)
    }

    def "human-like genomes use chr7 for validation and chr8, chr9 for test, with or without the chr prefix"() {
        given:
        def chroms = (1..22).collect { prefix + it } + [prefix + 'X']
        def windows = chroms.collectEntries { [(it): 10] }

        when:
        def splits = create(chroms, windows)

        then:
        splits.mode() == 'chromosomes'
        splits.splitOf(prefix + '7', 5) == Split.VALID
        splits.splitOf(prefix + '8', 5) == Split.TEST
        splits.splitOf(prefix + '9', 5) == Split.TEST
        splits.splitOf(prefix + '1', 5) == Split.TRAIN
        splits.splitOf(prefix + 'X', 5) == Split.TRAIN

        where:
        prefix << ['chr', '']
    }

    def "user-given chromosomes win, and an unknown one names the genome"() {
        expect:
        create(['a', 'b', 'c'], [a: 1, b: 1, c: 1], ['b'], ['c']).splitOf('b', 0) == Split.VALID

        when:
        create(['a', 'b'], [a: 1, b: 1], null, ['chrQ'])
        then:
        def e = thrown(RegulensException)
        e.message == "genome.fa: has no chromosome 'chrQ' (from --test-chroms)"

        when:
        create(['a', 'b'], [a: 1, b: 1], ['a'], ['a'])
        then:
        thrown(IllegalArgumentException)
    }

    def "without the default names, whole chromosomes are held out by window share, reproducibly"() {
        given:
        def chroms = (1..10).collect { "chr${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][it - 1]}" as String }
        def windows = chroms.collectEntries { [(it): 100] }

        when:
        def a = create(chroms, windows, null, null, 3)
        def b = create(chroms, windows, null, null, 3)
        def bySplit = chroms.groupBy { a.splitOf(it, 0) }

        then:
        a.mode() == 'chromosome-fraction'
        chroms.every { a.splitOf(it, 0) == b.splitOf(it, 123456) }
        bySplit[Split.TEST].size() == 2
        bySplit[Split.VALID].size() == 1
        bySplit[Split.TRAIN].size() == 7
    }

    def "a single chromosome is split in 100 kb blocks drawn with the fractions"() {
        given:
        def splits = create(['chrIV'], [chrIV: 17])
        def blocks = (0..<2000).collect { splits.splitOf('chrIV', it * 100_000L + 500) }

        expect:
        splits.mode() == 'blocks'
        (0..<50).every { splits.splitOf('chrIV', it * 100_000L) == splits.splitOf('chrIV', it * 100_000L + 99_999) }
        Math.abs(blocks.count(Split.TEST) / 2000 - 0.2) < 0.03
        Math.abs(blocks.count(Split.VALID) / 2000 - 0.1) < 0.03
    }
}
