package org.regulens.scan;

import org.regulens.seq.Dna;

/**
 * A log-odds scanning matrix with exact p-values. Scores are log2(p / bg) per position; for p-values they are
 * rounded to integers at {@value #UNITS_PER_BIT} units per bit, and the null distribution of the integer score
 * of a window of i.i.d. background bases is computed exactly by dynamic programming over positions. A window's
 * p-value is P(S ≥ s) for its integer score s; the real-valued score differs from s / {@value #UNITS_PER_BIT} by
 * at most width / (2 · {@value #UNITS_PER_BIT}) bits.
 */
public final class ScoreMatrix {

    /** Integer units per bit: a resolution of 0.01 bit keeps the DP small (range × width × 4) for JASPAR motifs. */
    public static final int UNITS_PER_BIT = 100;

    private final double[][] logOdds;
    private final int[][] scaled;
    private final int minScore;
    /** tail[k] = P(S ≥ minScore + k) under the background; tail[0] = 1. */
    private final double[] tail;

    private ScoreMatrix(double[][] logOdds, int[][] scaled, int minScore, double[] tail) {
        this.logOdds = logOdds;
        this.scaled = scaled;
        this.minScore = minScore;
        this.tail = tail;
    }

    /**
     * @param logOdds    [position][base] in bits, finite
     * @param background the i.i.d. base frequencies of the null model (A, C, G, T), summing to 1
     */
    public static ScoreMatrix of(double[][] logOdds, double[] background) {
        int w = logOdds.length;
        int[][] scaled = new int[w][4];
        double[][] copy = new double[w][];
        for (int i = 0; i < w; i++) {
            copy[i] = logOdds[i].clone();
            for (int b = 0; b < 4; b++) {
                if (!Double.isFinite(logOdds[i][b])) {
                    throw new IllegalArgumentException("log-odds at position " + (i + 1) + " is not finite");
                }
                scaled[i][b] = (int) Math.round(logOdds[i][b] * UNITS_PER_BIT);
            }
        }
        int minScore = 0;
        for (int[] row : scaled) {
            minScore += min(row);
        }
        return new ScoreMatrix(copy, scaled, minScore, NullDistribution.tail(scaled, background));
    }

    /** The same matrix read on the other strand: positions reversed, bases complemented. */
    public ScoreMatrix reverseComplement(double[] background) {
        int w = logOdds.length;
        double[][] rc = new double[w][4];
        for (int i = 0; i < w; i++) {
            for (int b = 0; b < 4; b++) {
                rc[w - 1 - i][3 - b] = logOdds[i][b]; // A,C,G,T = 0..3: the complement of b is 3 - b
            }
        }
        return of(rc, background);
    }

    public int width() {
        return logOdds.length;
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return minScore + tail.length - 1;
    }

    /** Integer score of the window at {@code from} of base indices (0..3; the caller skips windows with others). */
    public int score(byte[] indices, int from) {
        int s = 0;
        for (int i = 0; i < scaled.length; i++) {
            s += scaled[i][indices[from + i]];
        }
        return s;
    }

    /** The real-valued log-odds score (bits) of the window at {@code from}. */
    public double realScore(byte[] indices, int from) {
        double s = 0;
        for (int i = 0; i < logOdds.length; i++) {
            s += logOdds[i][indices[from + i]];
        }
        return s;
    }

    /** Integer score of a word of letters (A, C, G, T), for tests and examples. */
    public int score(String word) {
        return score(indices(word), 0);
    }

    /** P(S ≥ score) for a window of background bases. */
    public double pValue(int score) {
        int k = score - minScore;
        if (k <= 0) {
            return 1;
        }
        return k >= tail.length ? 0 : tail[k];
    }

    /** The smallest integer score whose p-value is at most {@code p}; above {@link #maxScore()} when none is. */
    public int thresholdScore(double p) {
        int k = tail.length;
        while (k > 0 && tail[k - 1] <= p) {
            k--;
        }
        return minScore + k;
    }

    /** A copy of the integer matrix [position][base]. */
    public int[][] scaled() {
        int[][] copy = new int[scaled.length][];
        for (int i = 0; i < scaled.length; i++) {
            copy[i] = scaled[i].clone();
        }
        return copy;
    }

    static byte[] indices(String word) {
        byte[] out = new byte[word.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Dna.index((byte) word.charAt(i));
        }
        return out;
    }

    private static int min(int[] row) {
        return Math.min(Math.min(row[0], row[1]), Math.min(row[2], row[3]));
    }
}
