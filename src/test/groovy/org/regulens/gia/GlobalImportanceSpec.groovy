package org.regulens.gia

import org.regulens.seq.OneHot
import spock.lang.Specification

import java.util.SplittableRandom

/** GIA against a scorer written by hand, so every effect is known exactly. */
class GlobalImportanceSpec extends Specification {

    /** Decodes the n one-hot rows the scorer is handed, so the scorer can read the sequences. */
    static List<String> decode(float[] rows, int n, int length) {
        (0..<n).collect { new String(OneHot.decode(rows, it * 4 * length, length), 'US-ASCII') }
    }

    def "distance experiment: only the planted gap and orientation changes the prediction"() {
        given: 'logit 2 when GATAAG is followed, 6 bases later, by CAGCTG reverse-complemented; task 2: always 0'
        int length = 40
        def scorer = { float[] rows, int n ->
            decode(rows, n, length).collect { seq -> [(seq =~ /GATAAG.{6}CAGCTG/).find() ? 2f : 0f, 0f] as float[] } as float[][]
        } as GlobalImportance.Scorer
        def backgrounds = (1..5).collect { ('T' * length).bytes }
        def first = (1..5).collect { 'GATAAG'.bytes }
        def second = (1..5).collect { 'CAGCTG'.bytes } // its reverse complement is itself
        def conditions = Experiments.distances(first, second, [0, 2, 4, 6, 8], ['++', '+-'])

        when:
        def rows = new GlobalImportance(scorer, ['a', 'b'], 3, 50, 1).run(backgrounds, conditions)

        then: 'one row per condition and task; gap 6 gives +2 logits and sigmoid(2) - 1/2 in probability, others 0'
        rows.size() == 20
        rows.findAll { it.task() == 'a' }.each { r ->
            double expected = r.condition().x() == 6 ? 2 : 0
            assert r.logit().mean() == expected && r.logit().median() == expected && r.logit().sd() == 0
            assert r.logit().ciLow() == expected && r.logit().ciHigh() == expected
            assert Math.abs(r.probability().mean() - (expected ? 1 / (1 + Math.exp(-2)) - 0.5 : 0)) < 1e-7
            assert r.logit().n() == 5
        }
        rows.findAll { it.task() == 'b' }.every { it.logit().mean() == 0 }
        // CAGCTG is its own reverse complement, so ++ and +- agree
        rows.findAll { it.task() == 'a' && it.condition().x() == 6 }*.condition()*.series() == ['++', '+-']
    }

    def "position experiment: the effect is the difference of the scorer's values, sample by sample"() {
        given: 'logit = where the first G sits (or -1); backgrounds differ, so effects differ per sample'
        int length = 30
        def scorer = { float[] rows, int n ->
            decode(rows, n, length).collect { seq -> [seq.indexOf('G') as float] as float[] } as float[][]
        } as GlobalImportance.Scorer
        def random = new SplittableRandom(3)
        // backgrounds of A/C/T with one G at a random place
        def backgrounds = (1..7).collect {
            def b = (1..length).collect { 'ACT'[random.nextInt(3)] }.join().toCharArray(); b[random.nextInt(length)] = 'G'; new String(b).bytes
        }
        def instances = (1..7).collect { 'GCC'.bytes }

        when:
        def rows = new GlobalImportance(scorer, ['t'], 4, 0, 1).run(backgrounds,
                Experiments.positions('GCC', instances, [0, 10, 27]))

        then:
        rows*.condition()*.label() == ['pos=0', 'pos=10', 'pos=27']
        rows.eachWithIndex { r, k ->
            int at = [0, 10, 27][k]
            def effects = backgrounds.collect { b -> Math.min(at, new String(b).indexOf('G')) - new String(b).indexOf('G') as double }
            assert Math.abs(r.logit().mean() - effects.sum() / 7) < 1e-6
            assert r.logit().median() == effects.sort()[3]
        }
    }
}
