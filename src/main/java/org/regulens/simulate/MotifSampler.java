package org.regulens.simulate;

import java.util.SplittableRandom;
import org.regulens.motif.Motif;
import org.regulens.seq.Dna;

/**
 * Draws motif instances from a motif's position probability matrix (each position independently), so planted
 * sites vary the way real binding sites do instead of repeating the consensus.
 */
public final class MotifSampler {

    private final Motif motif;
    private final double[][] cumulative;

    public MotifSampler(Motif motif) {
        this.motif = motif;
        double[][] p = motif.probabilities();
        cumulative = new double[p.length][4];
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (int b = 0; b < 4; b++) {
                sum += p[i][b];
                cumulative[i][b] = sum;
            }
        }
    }

    public Motif motif() {
        return motif;
    }

    public int width() {
        return cumulative.length;
    }

    /** A sampled instance written into {@code target[at, at + width)}, reverse-complemented when {@code minus}. */
    public void plant(byte[] target, int at, boolean minus, SplittableRandom random) {
        int w = width();
        for (int i = 0; i < w; i++) {
            double[] c = cumulative[i];
            double u = random.nextDouble() * c[3];
            int base = u < c[0] ? 0 : u < c[1] ? 1 : u < c[2] ? 2 : 3;
            byte letter = Dna.letter(base);
            if (minus) {
                target[at + w - 1 - i] = Dna.complement(letter);
            } else {
                target[at + i] = letter;
            }
        }
    }
}
