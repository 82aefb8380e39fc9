package org.regulens.attribute;

/**
 * The gradient methods; all store the gradient ∂logit/∂x as the hypothetical contributions {@code hyp} (with
 * {@code centre}, each position's gradients mean-centred over the four bases, Majdandzic et al. 2023, removing
 * the off-simplex component that one-hot inputs cannot move along). They differ in the actual contributions
 * {@code attr}:
 * <ul>
 *   <li>{@link Kind#SALIENCY} (Simonyan et al. 2014): the saliency map, |gradient|, at the observed base (zero
 *       elsewhere and at N positions); never negative, so it says where the logit is sensitive, not in which
 *       direction;</li>
 *   <li>{@link Kind#GRAD_X_INPUT} (Shrikumar et al. 2016): gradient × input, i.e. the signed gradient at the
 *       observed base;</li>
 *   <li>{@link Kind#GUIDED}: guided backpropagation (Springenberg et al. 2015; only positive gradients pass back
 *       through activations), attr = hyp × input.</li>
 * </ul>
 */
final class GradientMethod implements AttributionMethod {

    /** Which gradient method. */
    enum Kind { SALIENCY, GRAD_X_INPUT, GUIDED }

    private final ModelFunction function;
    private final int task;
    private final Kind kind;
    private final boolean centre;

    GradientMethod(ModelFunction function, int task, Kind kind, boolean centre) {
        this.function = function;
        this.task = task;
        this.kind = kind;
        this.centre = centre;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        ModelFunction.Pass pass = function.pass(x, n, task, kind == Kind.GUIDED ? Rule.GUIDED : Rule.GRADIENT, null);
        float[] hyp = java.util.Arrays.copyOf(pass.gradient(), n * 4 * function.length());
        if (centre) {
            Attribution.centre(hyp, n, function.length());
        }
        float[] actual = null;
        if (kind == Kind.SALIENCY) {
            actual = new float[hyp.length];
            for (int k = 0; k < hyp.length; k++) {
                actual[k] = Math.abs(hyp[k]) * x[k];
            }
        }
        return new Attribution(hyp, Attribution.noDelta(n), actual, pass.logits());
    }

    @Override
    public int preferredBatch() {
        return 256; // one backward pass per batch: larger batches amortise ND4J's per-operation overhead
    }
}
