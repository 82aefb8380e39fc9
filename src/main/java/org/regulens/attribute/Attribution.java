package org.regulens.attribute;

/**
 * Attributions for n rows: hypothetical contributions (n × 4 × L, the score each base would get at each
 * position), for DeepLIFT/DeepSHAP the convergence delta per row (NaN for other methods), and the actual
 * contributions (n × 4 × L, zero off the observed bases) when a method defines them otherwise than as
 * hypothetical × one-hot (saliency: |gradient| at the observed base); null means hypothetical × one-hot.
 * {@code logits} [n][tasks] are the model's logits of the rows when the method computed them on the way (null
 * otherwise), so that predictions need no second forward pass.
 */
public record Attribution(float[] hypothetical, float[] delta, float[] actual, float[][] logits) {

    public Attribution(float[] hypothetical, float[] delta) {
        this(hypothetical, delta, null, null);
    }

    public Attribution(float[] hypothetical, float[] delta, float[] actual) {
        this(hypothetical, delta, actual, null);
    }

    /** The actual contributions of the rows {@code x} (n × 4 × L, as attributed): {@link #actual()}, or hypothetical × x. */
    public float[] actual(float[] x) {
        if (actual != null) {
            return actual;
        }
        float[] out = new float[hypothetical.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = hypothetical[k] * x[k];
        }
        return out;
    }

    /**
     * Adds {@code weight} × the hypothetical contributions of one row of multipliers m (at {@code from}) against a
     * reference r (same offset) to the row of {@code hyp} at {@code to}: hyp[b, j] += w·(m[b, j] − Σ_c m[c, j]·r[c, j]).
     */
    static void addHypothetical(float[] m, float[] ref, int from, float[] hyp, int to, int length, double weight) {
        for (int j = 0; j < length; j++) {
            double base = 0;
            for (int c = 0; c < 4; c++) {
                base += (double) m[from + c * length + j] * ref[from + c * length + j];
            }
            for (int b = 0; b < 4; b++) {
                hyp[to + b * length + j] += (float) (weight * (m[from + b * length + j] - base));
            }
        }
    }

    /** Means of consecutive blocks of {@code block} rows (each {@code size} floats): n rows out. */
    static float[] blockMeans(float[] values, int n, int block, int size) {
        float[] means = new float[n * size];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < block; s++) {
                int from = (i * block + s) * size;
                for (int k = 0; k < size; k++) {
                    means[i * size + k] += values[from + k] / block;
                }
            }
        }
        return means;
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
