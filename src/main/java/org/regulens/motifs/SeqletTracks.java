package org.regulens.motifs;

import java.util.List;

/**
 * The tracks of one metacluster's seqlets (core plus flanks), ready for comparison: actual and hypothetical
 * contributions multiplied by the metacluster's sign (so that the motif's contributions are positive), their
 * L1-normalised copies, and the one-hot bases, each on both strands. Layout: [seqlet][position·4 + base]. Positions
 * beyond the example's ends are zero (no base, no contribution).
 */
public final class SeqletTracks {

    private final List<Seqlet> seqlets;
    private final int length;
    private final float[][][] actual = new float[2][][];
    private final float[][][] hypothetical = new float[2][][];
    private final float[][][] normalisedActual = new float[2][][];
    private final float[][][] normalisedHypothetical = new float[2][][];
    private final float[][][] oneHot = new float[2][][];

    public SeqletTracks(ContributionScores scores, List<Seqlet> seqlets, int flank, int sign) {
        this.seqlets = List.copyOf(seqlets);
        int n = seqlets.size();
        this.length = n == 0 ? 0 : seqlets.get(0).width() + 2 * flank;
        for (int strand = 0; strand < 2; strand++) {
            actual[strand] = new float[n][];
            hypothetical[strand] = new float[n][];
            normalisedActual[strand] = new float[n][];
            normalisedHypothetical[strand] = new float[n][];
            oneHot[strand] = new float[n][];
        }
        for (int s = 0; s < n; s++) {
            Seqlet seqlet = seqlets.get(s);
            float[] a = new float[length * 4];
            float[] h = new float[length * 4];
            float[] x = new float[length * 4];
            for (int p = 0; p < length; p++) {
                int position = seqlet.start() - flank + p;
                if (position < 0 || position >= scores.length()) {
                    continue;
                }
                for (int b = 0; b < 4; b++) {
                    a[p * 4 + b] = sign * scores.actual(seqlet.example(), b, position);
                    h[p * 4 + b] = sign * scores.hypothetical(seqlet.example(), b, position);
                    x[p * 4 + b] = scores.oneHot(seqlet.example(), b, position);
                }
            }
            set(0, s, a, h, x);
            set(1, s, reverseComplement(a), reverseComplement(h), reverseComplement(x));
        }
    }

    private void set(int strand, int s, float[] a, float[] h, float[] x) {
        actual[strand][s] = a;
        hypothetical[strand][s] = h;
        oneHot[strand][s] = x;
        normalisedActual[strand][s] = l1Normalised(a);
        normalisedHypothetical[strand][s] = l1Normalised(h);
    }

    /** A [position·4 + base] track read on the other strand. */
    static float[] reverseComplement(float[] track) {
        int length = track.length / 4;
        float[] rc = new float[track.length];
        for (int p = 0; p < length; p++) {
            for (int b = 0; b < 4; b++) {
                // A,C,G,T = 0..3, so the complement of base b is 3 - b
                rc[(length - 1 - p) * 4 + 3 - b] = track[p * 4 + b];
            }
        }
        return rc;
    }

    static float[] l1Normalised(float[] track) {
        double total = 0;
        for (float v : track) {
            total += Math.abs(v);
        }
        float[] out = new float[track.length];
        if (total > 0) {
            for (int k = 0; k < track.length; k++) {
                out[k] = (float) (track[k] / total);
            }
        }
        return out;
    }

    public int size() {
        return seqlets.size();
    }

    /** Positions per seqlet (core plus flanks). */
    public int length() {
        return length;
    }

    public Seqlet seqlet(int s) {
        return seqlets.get(s);
    }

    /** @param strand 0 as called, 1 reverse complement */
    public float[] actual(int s, int strand) {
        return actual[strand][s];
    }

    public float[] hypothetical(int s, int strand) {
        return hypothetical[strand][s];
    }

    public float[] normalisedActual(int s, int strand) {
        return normalisedActual[strand][s];
    }

    public float[] normalisedHypothetical(int s, int strand) {
        return normalisedHypothetical[strand][s];
    }

    public float[] oneHot(int s, int strand) {
        return oneHot[strand][s];
    }
}
