package org.regulens.attribute;

/**
 * Saliency and gradient × input (both give hyp = ∂logit/∂x, and attr = hyp × x), and guided backpropagation (only
 * positive gradients pass back through activations). With {@code centre}, each position's gradients are
 * mean-centred over the four bases (Majdandzic et al. 2023), removing the off-simplex gradient component that
 * one-hot inputs cannot move along.
 */
final class GradientMethod implements AttributionMethod {

    private final ModelFunction function;
    private final int task;
    private final Rule rule;
    private final boolean centre;

    GradientMethod(ModelFunction function, int task, Rule rule, boolean centre) {
        this.function = function;
        this.task = task;
        this.rule = rule;
        this.centre = centre;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        float[] hyp = function.backward(x, n, task, rule, null);
        if (centre) {
            Attribution.centre(hyp, n, function.length());
        }
        return new Attribution(java.util.Arrays.copyOf(hyp, n * 4 * function.length()), Attribution.noDelta(n));
    }

    @Override
    public int preferredBatch() {
        return 256; // one backward pass per batch: larger batches amortise ND4J's per-operation overhead
    }
}
