package org.regulens.motifs;

import java.util.List;

/**
 * The tracks of one metacluster's seqlets (core plus flanks), ready for comparison: actual and hypothetical
 * contributions multiplied by the metacluster's sign (so that the motif's contributions are positive) and
 * L1-normalised, as called (forward). Layout: [seqlet][position·4 + base]. Positions beyond the example's ends are
 * zero (no base, no contribution).
 * <p>
 * Only the two normalised forward tracks are held (about 1 KB per seqlet, 200 MB for 200k seqlets): the raw
 * tracks, the one-hot bases and every reverse complement are made on demand from the contribution scores, which
 * are held anyway, since each is read a few times per seqlet at most.
 */
public final class SeqletTracks {

    private final ContributionScores scores;
    private final List<Seqlet> seqlets;
    private final int flank;
    private final int sign;
    private final int length;
    private final float[][] normalisedActual;
    private final float[][] normalisedHypothetical;

    public SeqletTracks(ContributionScores scores, List<Seqlet> seqlets, int flank, int sign) {
        this.scores = scores;
        this.seqlets = List.copyOf(seqlets);
        this.flank = flank;
        this.sign = sign;
        int n = seqlets.size();
        this.length = n == 0 ? 0 : seqlets.get(0).width() + 2 * flank;
        normalisedActual = new float[n][];
        normalisedHypothetical = new float[n][];
        for (int s = 0; s < n; s++) {
            normalisedActual[s] = l1Normalised(raw(s, Kind.ACTUAL));
            normalisedHypothetical[s] = l1Normalised(raw(s, Kind.HYPOTHETICAL));
        }
    }

    private enum Kind { ACTUAL, HYPOTHETICAL, ONE_HOT }

    /** The forward track of one kind, read from the scores (sign applied to contributions). */
    private float[] raw(int s, Kind kind) {
        Seqlet seqlet = seqlets.get(s);
        float[] t = new float[length * 4];
        for (int p = 0; p < length; p++) {
            int position = seqlet.start() - flank + p;
            if (position < 0 || position >= scores.length()) {
                continue;
            }
            for (int b = 0; b < 4; b++) {
                t[p * 4 + b] = switch (kind) {
                    case ACTUAL -> sign * scores.actual(seqlet.example(), b, position);
                    case HYPOTHETICAL -> sign * scores.hypothetical(seqlet.example(), b, position);
                    case ONE_HOT -> scores.oneHot(seqlet.example(), b, position);
                };
            }
        }
        return t;
    }

    private static float[] oriented(float[] forward, int strand) {
        return strand == 0 ? forward : reverseComplement(forward);
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

    public ContributionScores scores() {
        return scores;
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

    /** A fresh array. @param strand 0 as called, 1 reverse complement */
    public float[] actual(int s, int strand) {
        return oriented(raw(s, Kind.ACTUAL), strand);
    }

    /** A fresh array. */
    public float[] hypothetical(int s, int strand) {
        return oriented(raw(s, Kind.HYPOTHETICAL), strand);
    }

    /** The held array on strand 0 (do not modify), a fresh one on strand 1. */
    public float[] normalisedActual(int s, int strand) {
        return oriented(normalisedActual[s], strand);
    }

    /** The held array on strand 0 (do not modify), a fresh one on strand 1. */
    public float[] normalisedHypothetical(int s, int strand) {
        return oriented(normalisedHypothetical[s], strand);
    }

    /** A fresh array. */
    public float[] oneHot(int s, int strand) {
        return oriented(raw(s, Kind.ONE_HOT), strand);
    }
}
