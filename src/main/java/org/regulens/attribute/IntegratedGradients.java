package org.regulens.attribute;

/**
 * Integrated gradients (Sundararajan et al. 2017): the gradient averaged along the straight path from a baseline
 * r to x (midpoint Riemann sum with {@code steps} points, so the completeness error Σ attr − (f(x) − f(r)) shrinks
 * as steps grow). Hypothetical contributions: hyp[b, j] = ḡ[b, j] − Σ_c ḡ[c, j]·r[c, j], so that
 * Σ hyp × x = Σ ḡ·(x − r).
 */
final class IntegratedGradients implements AttributionMethod {

    private final ModelFunction function;
    private final int task;
    private final int steps;
    private final References baseline;
    private final long seed;

    IntegratedGradients(ModelFunction function, int task, int steps, References baseline, long seed) {
        this.function = function;
        this.task = task;
        this.steps = steps;
        this.baseline = baseline;
        this.seed = seed;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        int length = function.length();
        int size = 4 * length;
        float[] refs = new float[n * size];
        float[] path = new float[n * steps * size];
        for (int i = 0; i < n; i++) {
            baseline.fill(x, i * size, length, seed, rows[i], 1, refs, i * size);
            for (int s = 0; s < steps; s++) {
                double alpha = (s + 0.5) / steps;
                int to = (i * steps + s) * size;
                for (int k = 0; k < size; k++) {
                    float r = refs[i * size + k];
                    path[to + k] = (float) (r + alpha * (x[i * size + k] - r));
                }
            }
        }
        float[] g = function.backward(path, n * steps, task, Rule.GRADIENT, null);
        float[] mean = Attribution.blockMeans(g, n, steps, size);
        float[] hyp = new float[n * size];
        for (int i = 0; i < n; i++) {
            Attribution.addHypothetical(mean, refs, i * size, hyp, i * size, length, 1);
        }
        return new Attribution(hyp, Attribution.noDelta(n));
    }

    /** The completeness error |Σ attr − (f(x) − f(r))| per row, for checks. */
    float[] completenessError(float[] x, int n, long[] rows, Attribution attribution, int taskIndex) {
        int length = function.length();
        int size = 4 * length;
        float[] refs = new float[n * size];
        for (int i = 0; i < n; i++) {
            baseline.fill(x, i * size, length, seed, rows[i], 1, refs, i * size);
        }
        float[][] fx = function.logits(x, n);
        float[][] fr = function.logits(refs, n);
        float[] error = new float[n];
        for (int i = 0; i < n; i++) {
            double total = Attribution.total(attribution.hypothetical(), x, i * size, length);
            error[i] = (float) Math.abs(total - (fx[i][taskIndex] - fr[i][taskIndex]));
        }
        return error;
    }

    @Override
    public int preferredBatch() {
        return Math.max(1, 256 / steps);
    }
}
