package org.regulens.attribute;

/**
 * Attributions for n rows: hypothetical contributions (n × 4 × L, the score each base would get at each
 * position) and, for DeepLIFT/DeepSHAP, the convergence delta per row (NaN for other methods).
 */
public record Attribution(float[] hypothetical, float[] delta) {

    /** Hypothetical contributions from multipliers m against a reference r: hyp[b, j] = m[b, j] − Σ_c m[c, j]·r[c, j]. */
    static void addHypothetical(float[] m, float[] ref, float[] hyp, int offset, int length, double weight) {
        for (int j = 0; j < length; j++) {
            double base = 0;
            for (int c = 0; c < 4; c++) {
                base += (double) m[offset + c * length + j] * (ref == null ? 0 : ref[offset + c * length + j]);
            }
            for (int b = 0; b < 4; b++) {
                hyp[offset + b * length + j] += (float) (weight * (m[offset + b * length + j] - base));
            }
        }
    }

    /** Σ over a row of hyp × x: the row's total actual contribution. */
    static double total(float[] hyp, float[] x, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + 4 * length; i++) {
            sum += (double) hyp[i] * x[i];
        }
        return sum;
    }

    /** Subtracts, at every position, the mean over the four bases (Majdandzic et al.'s gradient correction). */
    static void centre(float[] hyp, int n, int length) {
        for (int i = 0; i < n; i++) {
            int offset = i * 4 * length;
            for (int j = 0; j < length; j++) {
                float mean = 0;
                for (int b = 0; b < 4; b++) {
                    mean += hyp[offset + b * length + j];
                }
                mean /= 4;
                for (int b = 0; b < 4; b++) {
                    hyp[offset + b * length + j] -= mean;
                }
            }
        }
    }

    static float[] noDelta(int n) {
        float[] delta = new float[n];
        java.util.Arrays.fill(delta, Float.NaN);
        return delta;
    }
}
