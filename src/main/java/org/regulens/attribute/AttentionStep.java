package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.regulens.model.PositionalSelfAttention;
import org.regulens.nn.MultiHeadAttention;

/**
 * Multi-head self-attention with its fixed positional encoding ({@link PositionalSelfAttention}), [n, C, T] →
 * [n, nOut, T]: the same {@link MultiHeadAttention} the training layer runs, forward and analytical backward.
 *
 * <p>Rules: {@link Rule#GRADIENT} and {@link Rule#GUIDED} pass back the exact gradient (the layer has no ReLU for
 * guided backpropagation to act on). {@link Rule#RESCALE} (DeepLIFT) has no standard rule for attention; we use the
 * gradient at the midpoint of input and reference, corrected along the input − reference direction so that the
 * layer satisfies summation-to-delta exactly (m·Δx = g·Δy row by row), which keeps DeepLIFT's completeness for the
 * whole network.
 */
final class AttentionStep implements Step {

    private final String name;
    private final MultiHeadAttention attention;

    AttentionStep(String name, MultiHeadAttention attention) {
        this.name = name;
        this.attention = attention;
    }

    /** Built from a trained layer's parameters (copied, so later training does not change the step). */
    static AttentionStep of(String name, PositionalSelfAttention conf, org.deeplearning4j.nn.api.Layer layer) {
        return new AttentionStep(name, conf.function(layer.getParam("Wq").dup('c'), layer.getParam("Wk").dup('c'),
                layer.getParam("Wv").dup('c'), layer.getParam("Wo").dup('c')));
    }

    int heads() {
        return attention.heads();
    }

    @Override
    public INDArray forward(INDArray in) {
        return attention.output(attention.run(in));
    }

    /** The attention maps [n, heads, T (query), T (key)]; each row of a map sums to 1. */
    INDArray maps(INDArray in) {
        return attention.maps(attention.run(in));
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        if (rule != Rule.RESCALE || refIn == null) {
            return gradient(in, gradOut);
        }
        INDArray delta = in.sub(refIn);
        INDArray m = gradient(in.add(refIn).muli(0.5), gradOut);
        // correct along Δx so that Σ m·Δx equals Σ g·Δy for every row
        long n = in.size(0);
        INDArray d2 = delta.reshape(n, -1);
        INDArray m2 = m.reshape(n, -1);
        INDArray target = gradOut.mul(out.sub(refOut)).reshape(n, -1).sum(1);
        INDArray have = m2.mul(d2).sum(1);
        INDArray norm = d2.mul(d2).sum(1);
        for (long i = 0; i < n; i++) {
            double nn = norm.getDouble(i);
            if (nn > 0) {
                m2.getRow(i).addi(d2.getRow(i).mul((target.getDouble(i) - have.getDouble(i)) / nn));
            }
        }
        return m2.reshape(in.shape());
    }

    /** d(Σ gradOut·y)/dx at {@code in}. */
    private INDArray gradient(INDArray in, INDArray gradOut) {
        return attention.backward(attention.run(in), gradOut).input();
    }

    @Override
    public String describe() {
        return name + ": self-attention " + attention.heads() + "×" + attention.headSize() + " → " + attention.outputs();
    }
}
