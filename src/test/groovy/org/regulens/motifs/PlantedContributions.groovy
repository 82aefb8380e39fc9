package org.regulens.motifs

import org.regulens.motif.Motif

/**
 * Synthetic attribution data with planted ground truth: random sequences in which motif instances are sampled from
 * PWMs at known positions and strands; hypothetical contributions are small Gaussian noise everywhere plus, on the
 * instance, sign × (p(base) − 0.25) of the (oriented) PWM column — so the contributions themselves carry the motif.
 */
class PlantedContributions {

    /** One planted instance: example, first position, width, strand, which motif. */
    static class Instance {
        int example, start, width, motif
        boolean minus
    }

    int examples, length
    float[] x, hyp
    List<Instance> instances = []

    /**
     * @param motifs  motifs to plant; sign[i] is the sign of motif i's contributions; rate[i] the fraction of
     *                examples that get one instance of it (instances never overlap)
     */
    PlantedContributions(int examples, int length, List<Motif> motifs, List<Integer> sign, List<Double> rate,
                         double noise, long seed) {
        this.examples = examples
        this.length = length
        def random = new Random(seed)
        x = new float[examples * 4 * length]
        hyp = new float[examples * 4 * length]
        for (int i = 0; i < examples; i++) {
            int[] bases = (0..<length).collect { random.nextInt(4) } as int[]
            boolean[] used = new boolean[length]
            motifs.eachWithIndex { Motif m, int k ->
                if (random.nextDouble() >= rate[k]) {
                    return
                }
                boolean minus = random.nextBoolean()
                double[][] p = (minus ? m.reverseComplement() : m).probabilities()
                int w = p.length
                int start = -1
                for (int attempt = 0; attempt < 50 && start < 0; attempt++) {
                    int s = random.nextInt(length - w + 1)
                    if (!(s..<(s + w)).any { used[it] }) {
                        start = s
                    }
                }
                if (start < 0) {
                    return
                }
                (start..<(start + w)).each { used[it] = true }
                for (int j = 0; j < w; j++) {
                    bases[start + j] = sample(p[j], random)
                    for (int b = 0; b < 4; b++) {
                        hyp[(i * 4 + b) * length + start + j] += (float) (sign[k] * (p[j][b] - 0.25))
                    }
                }
                instances << new Instance(example: i, start: start, width: w, motif: k, minus: minus)
            }
            for (int j = 0; j < length; j++) {
                x[(i * 4 + bases[j]) * length + j] = 1f
                for (int b = 0; b < 4; b++) {
                    hyp[(i * 4 + b) * length + j] += (float) (noise * random.nextGaussian())
                }
            }
        }
    }

    static int sample(double[] p, Random random) {
        double u = random.nextDouble()
        double c = 0
        for (int b = 0; b < 4; b++) {
            c += p[b]
            if (u < c) {
                return b
            }
        }
        3
    }

    ContributionScores scores() {
        long[] rows = (0L..<(long) examples) as long[]
        new ContributionScores(examples, length, x, hyp, rows)
    }
}
