package org.regulens.attribute;

/**
 * Layer-wise relevance propagation as an attribution method: hyp is the relevance per unit of input c at every
 * base (see {@link Relevance}), attr = hyp × one-hot the relevance of the observed bases. No convergence delta:
 * biases (and the ε stabiliser) keep part of the relevance, so the attributions need not sum to the logit.
 */
final class LrpMethod implements AttributionMethod {

    private final ModelFunction function;
    private final int task;
    private final Lrp lrp;

    LrpMethod(ModelFunction function, int task, Lrp lrp) {
        Relevance.requireSupported(function.network());
        this.function = function;
        this.task = task;
        this.lrp = lrp;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        ModelFunction.Pass pass = function.relevance(x, n, task, lrp);
        float[] hyp = java.util.Arrays.copyOf(pass.gradient(), n * 4 * function.length());
        return new Attribution(hyp, Attribution.noDelta(n), null, pass.logits());
    }

    @Override
    public int preferredBatch() {
        return 128;
    }
}
