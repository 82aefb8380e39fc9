package org.regulens.seq

import spock.lang.Specification

import java.util.SplittableRandom

class DinucleotideShuffleSpec extends Specification {

    static Map<String, Integer> dinucleotides(String s) {
        def counts = [:].withDefault { 0 }
        for (int i = 0; i < s.length() - 1; i++) {
            counts[s.substring(i, i + 2)]++
        }
        counts
    }

    static String shuffle(String s, long seed) {
        new String(DinucleotideShuffle.shuffle(s.bytes, new SplittableRandom(seed)))
    }

    def "a shuffle keeps the dinucleotide counts and the first and last letters"() {
        given:
        def random = new SplittableRandom(7)
        def letters = 'ACGTN'
        when:
        def original = (1..length).collect { letters[random.nextInt(letters.length())] }.join()
        def shuffled = shuffle(original, seed)
        then:
        dinucleotides(shuffled) == dinucleotides(original)
        shuffled[0] == original[0]
        shuffled[-1] == original[-1]

        where:
        length << [3, 10, 50, 200, 1000, 1000]
        seed << [1, 2, 3, 4, 5, 6]
    }

    def "a long sequence is actually rearranged, and the same seed gives the same shuffle"() {
        given:
        def random = new SplittableRandom(3)
        def original = (1..500).collect { 'ACGT'[random.nextInt(4)] }.join()
        expect:
        shuffle(original, 11) != original
        shuffle(original, 11) == shuffle(original, 11)
        shuffle(original, 11) != shuffle(original, 12)
    }

    def "every sequence with the same dinucleotide counts is equally likely (brute force over all permutations)"() {
        given: 'every sequence that starts like the original and uses up exactly its dinucleotides (backtracking)'
        def original = 'AACGTACGAATCGA'
        def valid = [] as Set
        def extend
        extend = { String prefix, Map<String, Integer> left ->
            if (prefix.length() == original.length()) {
                valid << prefix
                return
            }
            'ACGT'.each { b ->
                def pair = prefix[-1] + b
                if (left[pair] > 0) {
                    left[pair]--
                    extend(prefix + b, left)
                    left[pair]++
                }
            }
        }
        extend(original[0], new HashMap(dinucleotides(original)))
        def draws = 20000
        def seen = [:].withDefault { 0 }
        def random = new SplittableRandom(99)

        when:
        draws.times { seen[new String(DinucleotideShuffle.shuffle(original.bytes, random))]++ }

        then: 'only valid sequences come out, all of them do, each near draws / |valid|'
        valid.size() > 5
        valid.every { it[-1] == original[-1] }
        seen.keySet() == valid
        def expected = draws / valid.size()
        seen.values().every { Math.abs(it - expected) < 5 * Math.sqrt(expected) }
    }

    def "sequences of one or two letters come back unchanged"() {
        expect:
        shuffle('A', 1) == 'A'
        shuffle('AC', 1) == 'AC'
    }
}
