package org.regulens.attribute;

/**
 * Max pooling over non-overlapping windows of {@code size} positions of [n, c, length] arrays (flat, c order),
 * the last incomplete window dropped, and its backward pass. Gradients go to the first maximum of each window.
 * DeepLIFT multipliers route the window's whole output difference Δy = max(x) − max(x₀) through one input, so
 * that the window's contributions sum exactly to Δy: when the maximum rises (Δy ≥ 0) through the input's maximum a
 * (Δx_a ≥ Δy, as x₀_a ≤ max(x₀)), when it falls through the reference's maximum b (Δx_b ≤ Δy &lt; 0, as x_b ≤ max(x)).
 * Either way the multiplier Δy/Δxᵢ lies in [0, 1], which keeps float rounding from being amplified.
 */
final class MaxRouting {

    private MaxRouting() {
    }

    static float[] forward(float[] x, int rows, int length, int size) {
        int out = length / size;
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int w = 0; w < out; w++) {
                int from = r * length + w * size;
                float max = x[from];
                for (int i = 1; i < size; i++) {
                    max = Math.max(max, x[from + i]);
                }
                y[r * out + w] = max;
            }
        }
        return y;
    }

    static float[] backward(float[] x, float[] grad, int rows, int length, int size, Rule rule, float[] ref) {
        int out = length / size;
        float[] dx = new float[rows * length];
        for (int r = 0; r < rows; r++) {
            for (int w = 0; w < out; w++) {
                int from = r * length + w * size;
                float g = grad[r * out + w];
                int a = argmax(x, from, size);
                if (rule != Rule.RESCALE) {
                    dx[a] += rule == Rule.GUIDED && g < 0 ? 0 : g;
                    continue;
                }
                int b = argmax(ref, from, size);
                double dy = (double) x[a] - ref[b];
                if (dy >= 0) {
                    double da = (double) x[a] - ref[a];
                    if (da > 0) {
                        dx[a] += (float) (g * dy / da);
                    }
                } else {
                    dx[b] += (float) (g * dy / ((double) x[b] - ref[b]));
                }
            }
        }
        return dx;
    }

    private static int argmax(float[] v, int from, int size) {
        int best = from;
        for (int i = from + 1; i < from + size; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
