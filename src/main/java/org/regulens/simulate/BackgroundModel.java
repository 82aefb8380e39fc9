package org.regulens.simulate;

import java.util.SplittableRandom;
import org.regulens.seq.Dna;

/**
 * Random DNA with a given GC content from a first-order Markov chain in which CpG is depleted, as in mammalian
 * genomes (a C is followed by G about four times less often than its share predicts).
 */
public final class BackgroundModel {

    /** Observed/expected CpG ratio of the human genome is about 0.2-0.25. */
    public static final double CPG_DEPLETION = 0.25;

    private final double[][] cumulative = new double[5][4];

    /**
     * @param gc GC fraction of the A/C/G/T mononucleotide distribution (before CpG depletion)
     * @param cpgRatio multiplier of P(G | C); 1 gives independent bases
     */
    public BackgroundModel(double gc, double cpgRatio) {
        double[] p = {(1 - gc) / 2, gc / 2, gc / 2, (1 - gc) / 2};
        for (int previous = 0; previous < 5; previous++) {
            double[] row = p.clone();
            if (previous == 1) {
                row[2] *= cpgRatio;
            }
            double total = row[0] + row[1] + row[2] + row[3];
            double sum = 0;
            for (int b = 0; b < 4; b++) {
                sum += row[b] / total;
                cumulative[previous][b] = sum;
            }
        }
    }

    /** Fills {@code target[from, to)}; the base before {@code from} (if any) conditions the first one. */
    public void fill(byte[] target, int from, int to, SplittableRandom random) {
        int previous = from > 0 ? Math.max(Dna.index(target[from - 1]), -1) : -1;
        for (int i = from; i < to; i++) {
            double[] c = cumulative[previous < 0 ? 4 : previous];
            double u = random.nextDouble();
            int base = u < c[0] ? 0 : u < c[1] ? 1 : u < c[2] ? 2 : 3;
            target[i] = Dna.letter(base);
            previous = base;
        }
    }
}
