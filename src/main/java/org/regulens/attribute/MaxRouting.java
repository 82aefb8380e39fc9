package org.regulens.attribute;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max pooling over non-overlapping windows of {@code size} positions of [n, c, length] arrays (c order), the last
 * incomplete window dropped, and its backward pass. Gradients go to the first maximum of each window.
 * DeepLIFT multipliers route the window's whole output difference Δy = max(x) − max(x₀) through one input, so
 * that the window's contributions sum exactly to Δy: when the maximum rises (Δy ≥ 0) through the input's maximum a
 * (Δx_a ≥ Δy, as x₀_a ≤ max(x₀)), when it falls through the reference's maximum b (Δx_b ≤ Δy &lt; 0, as x_b ≤ max(x)).
 * Either way the multiplier Δy/Δxᵢ lies in [0, 1], which keeps float rounding from being amplified.
 *
 * <p>Works on the arrays' native memory a row (one channel of one sequence) at a time, rows split over the
 * common fork-join pool: copying whole feature maps to Java arrays and back cost more than the pooling itself.
 */
final class MaxRouting {

    /** Rows per parallel task: enough work per task to amortise scheduling. */
    private static final int ROWS_PER_TASK = 64;

    private MaxRouting() {
    }

    /** y[row, w] = max of x[row, w·size .. (w + 1)·size) for x [n, c, length]: [n, c, length / size]. */
    static INDArray forward(INDArray in, int size) {
        INDArray x = contiguous(in);
        int rows = (int) (x.size(0) * x.size(1));
        int length = (int) x.size(2);
        int out = length / size;
        INDArray result = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), x.size(1), out);
        FloatBuffer xb = buffer(x);
        FloatBuffer yb = buffer(result);
        int xo = (int) x.offset();
        int yo = (int) result.offset();
        parallel(rows, (from, to) -> {
            float[] row = new float[length];
            float[] y = new float[out];
            for (int r = from; r < to; r++) {
                xb.get(xo + r * length, row, 0, length);
                for (int w = 0; w < out; w++) {
                    int start = w * size;
                    float max = row[start];
                    for (int i = 1; i < size; i++) {
                        max = Math.max(max, row[start + i]);
                    }
                    y[w] = max;
                }
                yb.put(yo + r * out, y, 0, out);
            }
        });
        return result;
    }

    /**
     * d(loss)/dx for x [n, c, length] given d(loss)/dy (shaped like {@link #forward}'s result), under {@code rule};
     * {@code ref} is the reference's x for {@link Rule#RESCALE}, else null.
     */
    static INDArray backward(INDArray in, INDArray gradOut, int size, Rule rule, INDArray ref) {
        return backward(in, gradOut, size, rule, ref, false);
    }

    /**
     * With {@code reluBefore}, {@code in} is the output of a ReLU and the result is the gradient with respect to
     * the ReLU's input: the pooled gradient reaches a window's maximum only where it is positive, which is what
     * the ReLU's backward pass would keep (z &gt; 0 exactly where relu(z) &gt; 0). Fusing the two passes skips a
     * whole-map pass over mostly zeros. Not for {@link Rule#RESCALE}.
     */
    static INDArray backward(INDArray in, INDArray gradOut, int size, Rule rule, INDArray ref, boolean reluBefore) {
        if (reluBefore && rule == Rule.RESCALE) {
            throw new IllegalArgumentException("DeepLIFT multipliers need the ReLU's own secants");
        }
        INDArray x = contiguous(in);
        INDArray g = contiguous(gradOut);
        INDArray r0 = ref == null ? null : contiguous(ref);
        int rows = (int) (x.size(0) * x.size(1));
        int length = (int) x.size(2);
        int out = length / size;
        INDArray result = Nd4j.create(DataType.FLOAT, x.shape());
        FloatBuffer xb = buffer(x);
        FloatBuffer gb = buffer(g);
        FloatBuffer rb = r0 == null ? null : buffer(r0);
        FloatBuffer db = buffer(result);
        int xo = (int) x.offset();
        int go = (int) g.offset();
        int ro = r0 == null ? 0 : (int) r0.offset();
        int dOff = (int) result.offset();
        parallel(rows, (from, to) -> {
            float[] row = new float[length];
            float[] refRow = rb == null ? null : new float[length];
            float[] grad = new float[out];
            float[] dx = new float[length];
            for (int r = from; r < to; r++) {
                xb.get(xo + r * length, row, 0, length);
                gb.get(go + r * out, grad, 0, out);
                if (refRow != null) {
                    rb.get(ro + r * length, refRow, 0, length);
                }
                java.util.Arrays.fill(dx, 0f);
                routeRow(row, grad, refRow, dx, out, size, rule, reluBefore);
                db.put(dOff + r * length, dx, 0, length);
            }
        });
        return result;
    }

    private static void routeRow(float[] x, float[] grad, float[] ref, float[] dx, int out, int size, Rule rule,
                                 boolean reluBefore) {
        for (int w = 0; w < out; w++) {
            int from = w * size;
            float g = grad[w];
            int a = argmax(x, from, size);
            if (reluBefore) {
                if (x[a] > 0 && (rule != Rule.GUIDED || g > 0)) {
                    dx[a] += g;
                }
                continue;
            }
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

    private static int argmax(float[] v, int from, int size) {
        int best = from;
        for (int i = from + 1; i < from + size; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Rows [from, to) of a parallel split. */
    private interface RowRange {
        void run(int from, int to);
    }

    private static void parallel(int rows, RowRange body) {
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        if (tasks <= 1) {
            body.run(0, rows);
            return;
        }
        IntStream.range(0, tasks).parallel()
                .forEach(t -> body.run(t * ROWS_PER_TASK, Math.min(rows, (t + 1) * ROWS_PER_TASK)));
    }

    private static INDArray contiguous(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() ? a : a.castTo(DataType.FLOAT).dup('c');
    }

    private static FloatBuffer buffer(INDArray a) {
        return a.data().asNioFloat();
    }
}
