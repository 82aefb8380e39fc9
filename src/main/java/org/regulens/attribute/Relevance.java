package org.regulens.attribute;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regulens.nn.Tensors;

/**
 * Layer-wise relevance propagation (Bach et al. 2015) over an {@link ExplainNetwork}: the task's logit is the
 * relevance of the output and each step hands its output's relevance to its inputs.
 * <ul>
 *   <li>Convolutions and dense layers (batch norm already folded into them, so it is part of the linear map):
 *       epsilon rule R_j = Σ_k x_j·w_jk / (z_k + ε·sign z_k) · R_k, z_k including the bias (which keeps a share);
 *       or alpha-beta rule R_j = Σ_k (α·(x_j w_jk)⁺ / Σ_i (x_i w_ik)⁺ − β·(x_j w_jk)⁻ / Σ_i (x_i w_ik)⁻) · R_k, biases
 *       ignored, β = α − 1, a sum that is 0 dropping its term.</li>
 *   <li>Elementwise activations (ReLU, exponential, sigmoid, tanh) pass relevance through unchanged: a unit's
 *       relevance is that of its pre-activation.</li>
 *   <li>Max pooling: winner takes all, the window's relevance goes to its (first) maximum.</li>
 *   <li>Residual additions y = x + h(x): split in proportion to x and h (epsilon-stabilised), h's share
 *       propagated through the branch.</li>
 * </ul>
 * Recurrent steps have no rule here and are refused. The input's relevance is x ⊙ c, where c, the relevance per
 * unit of input of the first linear step, is returned for every base (the hypothetical contributions).
 */
final class Relevance {

    private Relevance() {
    }

    /** c for every input of {@code trace[0]}, given the relevance {@code r} of the network's output. */
    static INDArray inputMultipliers(ExplainNetwork network, List<INDArray> trace, INDArray r, Lrp lrp) {
        return propagate(network, trace, r, lrp, true);
    }

    /** Refuses a network with a step LRP has no rule for, naming it. */
    static void requireSupported(ExplainNetwork network) {
        for (Step step : network.steps()) {
            if (step instanceof ResidualStep residual) {
                requireSupported(residual.branch());
            } else if (!(step instanceof LinearStep || step instanceof ActivationStep || step instanceof MaxPoolStep
                    || step instanceof GlobalMaxPoolStep)) {
                throw new IllegalArgumentException("lrp has no rule for the layer '" + step.describe()
                        + "' (recurrent and attention layers are not supported); use another --method");
            }
        }
        if (!(network.steps().get(0) instanceof LinearStep)) {
            throw new IllegalArgumentException("lrp needs a convolution or dense layer first, not " + network.steps().get(0).describe());
        }
    }

    private static INDArray propagate(ExplainNetwork network, List<INDArray> trace, INDArray r, Lrp lrp,
                                      boolean multipliersAtInput) {
        INDArray relevance = r;
        List<Step> steps = network.steps();
        for (int k = steps.size() - 1; k >= 0; k--) {
            Step step = steps.get(k);
            INDArray in = trace.get(k);
            INDArray out = trace.get(k + 1);
            if (step instanceof LinearStep linear) {
                INDArray c = lrp.kind() == Lrp.Kind.EPSILON ? epsilon(linear, in, out, relevance, lrp.epsilon())
                        : alphaBeta(linear, in, relevance, lrp.alpha(), lrp.beta());
                if (k == 0 && multipliersAtInput) {
                    return c;
                }
                relevance = c.muli(in);
            } else if (step instanceof MaxPoolStep || step instanceof GlobalMaxPoolStep) {
                relevance = step.backward(in, out, relevance, Rule.GRADIENT, null, null); // routes to the maximum
            } else if (step instanceof ResidualStep residual) {
                relevance = residual(residual.branch(), in, out, relevance, lrp);
            } else if (!(step instanceof ActivationStep)) {
                throw new IllegalArgumentException("lrp has no rule for " + step.describe());
            }
        }
        return relevance;
    }

    /** c = Wᵀ·(R / (z + ε·sign z)), sign 0 = +1. */
    private static INDArray epsilon(LinearStep linear, INDArray in, INDArray z, INDArray relevance, double eps) {
        INDArray s = divide(relevance.reshape(z.shape()), stabilised(z, eps), 1);
        return linear.backward(in, z, s, Rule.GRADIENT, null, null);
    }

    /**
     * With positive and negative parts P = W⁺x⁺ + W⁻x⁻ and N = W⁻x⁺ + W⁺x⁻ (the sums of the positive and of the
     * negative terms w·x): c = W⁺ᵀ(αR/P) − W⁻ᵀ(βR/N) where x ≥ 0, c = W⁻ᵀ(αR/P) − W⁺ᵀ(βR/N) where x &lt; 0.
     */
    private static INDArray alphaBeta(LinearStep linear, INDArray in, INDArray relevance, double alpha, double beta) {
        LinearStep plus = linear.positivePart();
        LinearStep minus = linear.negativePart();
        INDArray up = Transforms.max(in, 0.0, true);
        INDArray down = Transforms.min(in, 0.0, true);
        INDArray p = plus.forward(up).addi(minus.forward(down));
        INDArray r = relevance.reshape(p.shape());
        INDArray sp = divide(r, p, alpha);
        INDArray forPositive = back(plus, in, p, sp);
        INDArray forNegative = back(minus, in, p, sp);
        if (beta > 0) {
            INDArray n = minus.forward(up).addi(plus.forward(down));
            INDArray sn = divide(r, n, beta);
            forPositive.subi(back(minus, in, n, sn));
            forNegative.subi(back(plus, in, n, sn));
        }
        INDArray negative = in.lt(0).castTo(DataType.FLOAT);
        return forPositive.muli(negative.rsub(1)).addi(forNegative.muli(negative));
    }

    /** y = x + h: R_x = x/(y ± ε)·R_y plus h's share, h/(y ± ε)·R_y, propagated through the branch. */
    private static INDArray residual(ExplainNetwork branch, INDArray in, INDArray out, INDArray relevance, Lrp lrp) {
        INDArray share = divide(relevance.reshape(out.shape()), stabilised(out, lrp.epsilon()), 1);
        INDArray direct = in.mul(share);
        INDArray throughBranch = out.sub(in).muli(share);
        return propagate(branch, branch.forward(in), throughBranch, lrp, false).addi(direct);
    }

    private static INDArray back(LinearStep step, INDArray in, INDArray z, INDArray grad) {
        return step.backward(in, z, grad, Rule.GRADIENT, null, null);
    }

    /** z + ε·sign(z), with sign(0) = +1. */
    private static INDArray stabilised(INDArray z, double eps) {
        INDArray sign = z.gte(0).castTo(DataType.FLOAT).muli(2).subi(1);
        return z.add(sign.muli(eps));
    }

    /** factor·a/b elementwise, 0 where b is 0 (a sum with no terms has no relevance to pass on). */
    private static INDArray divide(INDArray a, INDArray b, double factor) {
        float[] av = Tensors.floats(a);
        float[] bv = Tensors.floats(b);
        float[] q = new float[av.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = bv[i] == 0 ? 0 : (float) (factor * av[i] / bv[i]);
        }
        return Tensors.of(q, b.shape());
    }
}
