package org.regulens.mirna

import groovy.transform.CompileStatic
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.Arrays
import java.util.SplittableRandom

/**
 * Baseline choice and completeness of integrated gradients on interaction maps, with hand-written functions whose
 * values and integrals are worked out here independently: a linear logit (brute-force ranking of the candidates)
 * and exp(u · x) (the midpoint-rule integral in closed form).
 */
class MapBaselinesSpec extends Specification {

    @TempDir Path tempDir

    static final InteractionMap ENCODING = new InteractionMap(0.5f)
    static final String MIRNA = 'TGAGGTAGTAGGTTGTATAGTT'
    static final String TARGET = 'ACTGCAGTTCTACCTCAGCATATCGTACCTACTACCTCAAGCTATACAAA'

    static float[] weights(long seed, double scale, double shift) {
        def random = new SplittableRandom(seed)
        (0..<1000).collect { (float) (scale * (random.nextDouble() - 0.5) + shift) } as float[]
    }

    @CompileStatic
    static double dot(float[] w, float[] maps, int offset) {
        double s = 0
        for (int c = 0; c < 1000; c++) {
            s += w[c] * maps[offset + c]
        }
        s
    }

    /** logit = w · map + 0.25, gradient w: a linear function. */
    @CompileStatic
    static class Linear implements MapFunction {
        final float[] w

        Linear(float[] w) { this.w = w }

        float[] logits(float[] maps, int n) {
            float[] out = new float[n]
            for (int i = 0; i < n; i++) {
                out[i] = (float) (dot(w, maps, i * 1000) + 0.25)
            }
            out
        }

        float[] gradients(float[] maps, int n) {
            float[] out = new float[n * 1000]
            for (int i = 0; i < n; i++) {
                System.arraycopy(w, 0, out, i * 1000, 1000)
            }
            out
        }
    }

    /** logit = exp(u · map), gradient u exp(u · map). */
    @CompileStatic
    static class Exponential implements MapFunction {
        final float[] u

        Exponential(float[] u) { this.u = u }

        float[] logits(float[] maps, int n) {
            float[] out = new float[n]
            for (int i = 0; i < n; i++) {
                out[i] = (float) Math.exp(dot(u, maps, i * 1000))
            }
            out
        }

        float[] gradients(float[] maps, int n) {
            float[] out = new float[n * 1000]
            for (int i = 0; i < n; i++) {
                double e = Math.exp(dot(u, maps, i * 1000))
                for (int c = 0; c < 1000; c++) {
                    out[i * 1000 + c] = (float) (u[c] * e)
                }
            }
            out
        }
    }

    /** The midpoint rule's mean of exp(ur + α (ux − ur)) over α = (s + ½)/steps. */
    static double meanExp(double ux, double ur, int steps) {
        double total = 0
        for (int s = 0; s < steps; s++) {
            total += Math.exp(ur + (s + 0.5) / steps * (ux - ur))
        }
        return total / steps
    }

    static Map<String, Integer> dinucleotides(String s) {
        (0..<s.length() - 1).collect { s.substring(it, it + 2) }.countBy { it }
    }

    def "floor baselines are the k lowest-scoring of the empty map and the shuffles, by brute force"() {
        given:
        def w = weights(seed, 2, shift)
        def function = new Linear(w)
        def baselines = new MapBaselines(ENCODING, MapBaselines.FLOOR, 5, 12, 7)
        def shuffles = baselines.shuffles(TARGET, 3, 12)
        // brute force: every candidate map encoded here and scored by its dot product
        def candidates = [new float[1000]] + shuffles.collect { ENCODING.encode(MIRNA, it) }
        def scores = candidates.collect { dot(w, it, 0) + 0.25 }
        def expected = (0..<13).toList().sort { a, b -> scores[a] <=> scores[b] ?: a <=> b }.take(5)
        float[] chosen = new float[5 * 1000]

        when:
        baselines.fill(MIRNA, TARGET, 3, function, chosen, 0)
        def chosenMaps = (0..<5).collect { r -> (0..<1000).collect { chosen[r * 1000 + it] } }

        then: 'the shuffles keep the target\'s dinucleotides and differ from it'
        shuffles.every { dinucleotides(it) == dinucleotides(TARGET) && it != TARGET }
        (shuffles as List).toSet().size() > 6

        and: 'the chosen maps are the five lowest candidates, lowest first, and none outscores an unchosen one'
        chosenMaps == expected.collect { candidates[it] as List }
        expected.collect { scores[it] }.max() <= ((0..<13) - expected).collect { scores[it] }.min()
        (0 in expected) == emptyChosen

        and: 'the same pair (row) gets the same baselines on another call'
        float[] again = new float[5 * 1000]
        baselines.fill(MIRNA, TARGET, 3, function, again, 0)
        again == chosen

        where: 'pairing raises the logit (the empty map is the floor) or lowers it (the empty map scores highest)'
        seed | shift | emptyChosen
        1    | 0.5   | true
        2    | -0.5  | false
    }

    def "a batch of pairs gets, pair by pair, the baselines a single pair gets"() {
        given: '40 pairs (the candidates of several pairs are scored per call), rows 3 to 40 of the table'
        def random = new SplittableRandom(5)
        def table = tempDir.resolve('pairs.tsv')
        table.text = 'miRNA\tgene\n' + (0..<40).collect { MIRNA + '\t' + (0..<50).collect { 'ACGT'[random.nextInt(4)] }.join() }.join('\n') + '\n'
        def pairs = PairTable.read(table, false, 50)
        def function = new Linear(weights(6, 2, 0.2))
        def baselines = new MapBaselines(ENCODING, MapBaselines.FLOOR, 4, 20, 7)

        when:
        float[] batch = baselines.of(pairs, 3, 40, function)

        then:
        (3..<40).every { row ->
            float[] one = new float[4000]
            baselines.fill(pairs.mirna(row), pairs.target(row), row, function, one, 0)
            Arrays.copyOfRange(batch, (row - 3) * 4000, (row - 2) * 4000) == one
        }
    }

    def "shuffled baselines are the first shuffles whatever they score; empty is one all-zero map"() {
        given:
        def function = new Linear(weights(3, 2, 0))
        def shuffled = new MapBaselines(ENCODING, MapBaselines.SHUFFLED, 3, 0, 7)
        def empty = new MapBaselines(ENCODING, MapBaselines.EMPTY, 8, 0, 7)
        float[] s = new float[3000]
        float[] e = new float[1000]
        e[17] = 5f

        when:
        shuffled.fill(MIRNA, TARGET, 3, function, s, 0)
        empty.fill(MIRNA, TARGET, 3, function, e, 0)

        then:
        s as List == new MapBaselines(ENCODING, MapBaselines.FLOOR, 1, 12, 7).shuffles(TARGET, 3, 3)
                .collect { ENCODING.encode(MIRNA, it) as List }.flatten()
        empty.count() == 1
        e.every { it == 0f }
    }

    def "unknown baselines and too few candidates are refused"() {
        when:
        new MapBaselines(ENCODING, kind, 8, candidates, 1)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(message)

        where:
        kind       | candidates | message
        'zero'     | 32         | 'choose floor, shuffled or empty'
        'floor'    | 6          | 'the empty map and 6 shuffles for 8 baselines'
    }

    def "integrated gradients: attributions, their sum, the baseline logit and score and the completeness gap by hand"() {
        given: 'logit exp(u . x); baselines: 3 shuffles; S midpoint steps'
        def u = weights(4, 0.2, 0)
        def function = new Exponential(u)
        float[] x = ENCODING.encode(MIRNA, TARGET)
        def baselines = new MapBaselines(ENCODING, MapBaselines.SHUFFLED, 3, 0, 7)
        float[] base = new float[3000]
        baselines.fill(MIRNA, TARGET, 3, function, base, 0)
        float[] baseLogits = new MapAttributor(function, 1000, MapMethod.INTEGRATED_GRADIENTS, steps).logits(base, 3)

        when:
        float[] a = new MapAttributor(function, 1000, MapMethod.INTEGRATED_GRADIENTS, steps).attribute(x, 1, base, 3)
        def c = Completeness.of(a, 0, 1000, Math.exp(dot(u, x, 0)), baseLogits, 0, 3)
        // by hand: along x − r, u . point = u . r + α d with d = u . (x − r); the midpoint rule averages exp at
        // α = (s + ½)/S
        double fx = Math.exp(dot(u, x, 0))
        def rs = (0..<3).collect { r -> dot(u, base, r * 1000) }
        def cell = { int k -> (0..<3).sum { r -> return (x[k] - base[r * 1000 + k]) * u[k] * meanExp(dot(u, x, 0), rs[r], steps) } / 3 }
        double sum = (0..<3).sum { r -> return (dot(u, x, 0) - rs[r]) * meanExp(dot(u, x, 0), rs[r], steps) } / 3
        double baseLogit = rs.sum { Math.exp(it) } / 3
        double baseScore = rs.sum { 1 / (1 + Math.exp(-Math.exp(it))) } / 3

        then: 'each cell, the sum, the baselines\' logit and score and the gap as worked out'
        (0..<1000).step(37).every { k -> Math.abs(a[k] - cell(k)) < 1e-5 + 1e-4 * Math.abs(cell(k)) }
        Math.abs(c.attributionSum() - sum) < 1e-4 * (1 + Math.abs(sum))
        Math.abs(c.baselineLogit() - baseLogit) < 1e-5 * (1 + baseLogit)
        Math.abs(c.baselineScore() - baseScore) < 1e-6
        Math.abs(c.logitMinusBaseline() - (fx - baseLogit)) < 1e-5 * (1 + fx)
        Math.abs(c.gap() - (sum - (fx - baseLogit))) < 1e-4 * (1 + Math.abs(sum))
        Math.abs(c.gap()) > minGap

        where: 'a coarse integral leaves a visible gap'
        steps | minGap
        2     | 1e-3
        16    | 0
    }
}
