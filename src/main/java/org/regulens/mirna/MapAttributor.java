package org.regulens.mirna;

import java.util.Arrays;
import org.regulens.model.RegulensModel;

/**
 * Attributes a miRNA model's logit to the cells of interaction maps (n maps of {@code cells} floats, row-major).
 * Integrated gradients run from k baseline maps per pair (see {@link MapBaselines}) and are averaged over them, so
 * Σ attribution ≈ logit(map) − mean logit(baselines) (completeness): the importance of a cell is what its pairing
 * adds over the baselines' pairing.
 * Grad × input and occlusion give 0 to an empty cell; occlusion only removes pairings that are there.
 */
public final class MapAttributor {

    /** Maps per forward/backward call: bounds the working set of path and occlusion batches. */
    private static final int CHUNK = 512;

    private final MapFunction model;
    private final int cells;
    private final MapMethod method;
    private final int steps;

    public MapAttributor(RegulensModel model, int cells, MapMethod method, int steps) {
        this(MapFunction.of(model), cells, method, steps);
    }

    MapAttributor(MapFunction model, int cells, MapMethod method, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("integrated gradients need at least 1 step, not " + steps);
        }
        this.model = model;
        this.cells = cells;
        this.method = method;
        this.steps = steps;
    }

    /**
     * Attributions (logit units) for the first {@code n} maps of {@code maps}, shaped like them. {@code baselines}
     * holds {@code k} maps per pair (pair-major) for integrated gradients; null means the empty map.
     */
    public float[] attribute(float[] maps, int n, float[] baselines, int k) {
        return switch (method) {
            case GRADIENT_X_INPUT -> times(gradients(maps, n), maps, n);
            case INTEGRATED_GRADIENTS -> baselines == null ? integrated(maps, n, new float[n * cells], 1)
                    : integrated(maps, n, baselines, k);
            case OCCLUSION -> occlusion(maps, n);
        };
    }

    /** The function attributed. */
    MapFunction function() {
        return model;
    }

    /** Logits of the first n maps. */
    public float[] logits(float[] maps, int n) {
        float[] out = new float[n];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            float[] z = model.logits(Arrays.copyOfRange(maps, from * cells, (from + m) * cells), m);
            System.arraycopy(z, 0, out, from, m);
        }
        return out;
    }

    private float[] gradients(float[] maps, int n) {
        float[] out = new float[n * cells];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            float[] g = model.gradients(Arrays.copyOfRange(maps, from * cells, (from + m) * cells), m);
            System.arraycopy(g, 0, out, from * cells, m * cells);
        }
        return out;
    }

    /**
     * Mean over the k baselines r of (x − r) · ḡ, where ḡ is the gradient averaged at r + α(x − r) for
     * α = (s + ½)/steps, s = 0 … steps − 1 (midpoint rule).
     */
    private float[] integrated(float[] maps, int n, float[] baselines, int k) {
        float[] out = new float[n * cells];
        int paths = n * k;
        int perChunk = Math.max(1, CHUNK / steps);
        for (int from = 0; from < paths; from += perChunk) {
            int m = Math.min(perChunk, paths - from);
            float[] points = new float[m * steps * cells];
            for (int p = 0; p < m; p++) {
                int x = ((from + p) / k) * cells;
                int r = (from + p) * cells;
                for (int s = 0; s < steps; s++) {
                    float alpha = (s + 0.5f) / steps;
                    int to = (p * steps + s) * cells;
                    for (int c = 0; c < cells; c++) {
                        points[to + c] = baselines[r + c] + alpha * (maps[x + c] - baselines[r + c]);
                    }
                }
            }
            float[] g = gradients(points, m * steps);
            for (int p = 0; p < m; p++) {
                int x = ((from + p) / k) * cells;
                int r = (from + p) * cells;
                for (int s = 0; s < steps; s++) {
                    int src = (p * steps + s) * cells;
                    for (int c = 0; c < cells; c++) {
                        out[x + c] += g[src + c] * (maps[x + c] - baselines[r + c]) / (steps * k);
                    }
                }
            }
        }
        return out;
    }

    private float[] times(float[] g, float[] maps, int n) {
        float[] out = new float[n * cells];
        for (int k = 0; k < out.length; k++) {
            out[k] = maps[k] == 0f ? 0f : g[k] * maps[k]; // no -0.0 in the tables
        }
        return out;
    }

    /** logit(x) − logit(x with one pairing cell emptied), for every non-empty cell. */
    private float[] occlusion(float[] maps, int n) {
        float[] out = new float[n * cells];
        float[] full = logits(maps, n);
        for (int i = 0; i < n; i++) {
            int base = i * cells;
            int[] paired = nonEmpty(maps, base);
            float[] batch = new float[paired.length * cells];
            for (int c = 0; c < paired.length; c++) {
                System.arraycopy(maps, base, batch, c * cells, cells);
                batch[c * cells + paired[c]] = 0f;
            }
            float[] occluded = logits(batch, paired.length);
            for (int c = 0; c < paired.length; c++) {
                out[base + paired[c]] = full[i] - occluded[c];
            }
        }
        return out;
    }

    private int[] nonEmpty(float[] maps, int base) {
        int count = 0;
        for (int k = 0; k < cells; k++) {
            if (maps[base + k] != 0f) {
                count++;
            }
        }
        int[] index = new int[count];
        int next = 0;
        for (int k = 0; k < cells; k++) {
            if (maps[base + k] != 0f) {
                index[next++] = k;
            }
        }
        return index;
    }
}
