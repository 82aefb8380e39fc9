package org.regulens.mirna;

/**
 * A map attribution collapsed onto the two molecules: a miRNA position's importance is the sum over its row (every
 * cell pairing it with some target position), a target position's the sum over its column. Target importance is
 * indexed 5'→3' (column c of the map is target position length − 1 − c).
 */
public record PairImportance(float[] mirna, float[] target) {

    /** Seed region, positions 2–8 (1-based). */
    static final int SEED_FROM = 2;
    static final int SEED_TO = 8;

    public static PairImportance of(float[] attribution, int offset, int rows, int targetLength) {
        float[] mirna = new float[rows];
        float[] target = new float[targetLength];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < targetLength; c++) {
                float a = attribution[offset + i * targetLength + c];
                mirna[i] += a;
                target[targetLength - 1 - c] += a;
            }
        }
        return new PairImportance(mirna, target);
    }

    /**
     * Share of the miRNA's positive importance (position sums clipped at 0) on the seed, positions 2–8. Clipping
     * after summing each position lets the scattered positive and negative contributions of chance pairings cancel
     * within a row instead of adding up as absolute values.
     */
    public double seedShare() {
        return share(SEED_FROM, SEED_TO);
    }

    /** Share of the miRNA's positive importance 3' of the seed, positions 9 on. */
    public double threePrimeShare() {
        return share(SEED_TO + 1, mirna.length);
    }

    private double share(int from, int to) {
        double part = 0;
        double total = 0;
        for (int p = 1; p <= mirna.length; p++) {
            double a = Math.max(0, mirna[p - 1]);
            total += a;
            if (p >= from && p <= to) {
                part += a;
            }
        }
        return total == 0 ? 0 : part / total;
    }

    /** Index of the largest positive value, or -1 when none is positive. */
    static int argmax(float[] values) {
        int best = -1;
        for (int k = 0; k < values.length; k++) {
            if (values[k] > 0 && (best < 0 || values[k] > values[best])) {
                best = k;
            }
        }
        return best;
    }
}
