package org.regulens.attribute;

/**
 * DeepLIFT with the Rescale or the RevealCancel rule (Shrikumar et al. 2017; see {@link Rule}) against {@code references} references per input, averaged:
 * one baseline for {@code deeplift}, N dinucleotide shuffles for {@code deepshap} (the DeepSHAP estimate of
 * Lundberg &amp; Lee 2017). Hypothetical contributions per reference r: hyp[b, j] = m[b, j] − Σ_c m[c, j]·r[c, j];
 * the convergence delta is |Σ hyp × x − mean_r (f(x) − f(r))|.
 */
final class DeepLift implements AttributionMethod {

    private final ModelFunction function;
    private final int task;
    private final int references;
    private final References baseline;
    private final long seed;
    private final Rule rule;

    DeepLift(ModelFunction function, int task, int references, References baseline, long seed) {
        this(function, task, references, baseline, seed, Rule.RESCALE);
    }

    /** @param rule {@link Rule#RESCALE} or {@link Rule#REVEAL_CANCEL} */
    DeepLift(ModelFunction function, int task, int references, References baseline, long seed, Rule rule) {
        if (!rule.usesReference()) {
            throw new IllegalArgumentException("DeepLIFT needs the Rescale or RevealCancel rule, not " + rule);
        }
        this.rule = rule;
        this.function = function;
        this.task = task;
        this.references = references;
        this.baseline = baseline;
        this.seed = seed;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        int length = function.length();
        int size = 4 * length;
        int pairs = n * references;
        float[] tiled = new float[pairs * size];
        float[] refs = new float[pairs * size];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < references; r++) {
                System.arraycopy(x, i * size, tiled, (i * references + r) * size, size);
            }
            baseline.fill(x, i * size, length, seed, rows[i], references, refs, i * references * size);
        }
        // the pass's forward runs give f(x) (each row tiled per reference) and f(r): no second forward pass
        ModelFunction.Pass pass = function.pass(tiled, pairs, task, rule, refs);
        float[] m = pass.gradient();
        float[][] fr = pass.referenceLogits();
        float[][] fx = new float[n][];
        for (int i = 0; i < n; i++) {
            fx[i] = pass.logits()[i * references];
        }
        float[] hyp = new float[n * size];
        float[] delta = new float[n];
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int r = 0; r < references; r++) {
                int pair = i * references + r;
                Attribution.addHypothetical(m, refs, pair * size, hyp, i * size, length, 1.0 / references);
                expected += (fx[i][task] - fr[pair][task]) / (double) references;
            }
            delta[i] = (float) Math.abs(Attribution.total(hyp, x, i * size, length) - expected);
        }
        return new Attribution(hyp, delta, null, fx);
    }

    @Override
    public int preferredBatch() {
        return Math.max(1, 128 / references);
    }
}
