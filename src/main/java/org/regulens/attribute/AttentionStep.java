package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regulens.model.PositionalSelfAttention;

/**
 * Multi-head self-attention with its fixed positional encoding ({@link PositionalSelfAttention}), [n, C, T] →
 * [n, nOut, T], forward and backward written out. Internally positions come first ([n, T, ·]) so every product is
 * a batched matrix product. For head h, with X the encoded input: Q = X·Wqᵀ, K = X·Wkᵀ, V = X·Wvᵀ,
 * A = softmax over keys of Q·Kᵀ/√d, O = A·V; the heads' O are concatenated and multiplied by Wo.
 *
 * <p>Rules: {@link Rule#GRADIENT} and {@link Rule#GUIDED} pass back the exact gradient (the layer has no ReLU for
 * guided backpropagation to act on). {@link Rule#RESCALE} (DeepLIFT) has no standard rule for attention; we use the
 * gradient at the midpoint of input and reference, corrected along the input − reference direction so that the
 * layer satisfies summation-to-delta exactly (m·Δx = g·Δy row by row), which keeps DeepLIFT's completeness for the
 * whole network.
 */
final class AttentionStep implements Step {

    private final String name;
    private final int heads;
    private final int headSize;
    private final INDArray wq; // [heads, d, C]
    private final INDArray wk;
    private final INDArray wv;
    private final INDArray wo; // [heads·d, nOut]
    private final INDArray encoding; // [C, T]

    AttentionStep(String name, int heads, INDArray wq, INDArray wk, INDArray wv, INDArray wo, INDArray encoding) {
        this.name = name;
        this.heads = heads;
        this.headSize = (int) wq.size(1);
        this.wq = wq.dup('c');
        this.wk = wk.dup('c');
        this.wv = wv.dup('c');
        this.wo = wo.dup('c');
        this.encoding = encoding.dup('c');
    }

    /** Built from a trained layer's parameters (Wq, Wk, Wv, Wo as deeplearning4j stores them). */
    static AttentionStep of(String name, PositionalSelfAttention conf, org.deeplearning4j.nn.api.Layer layer) {
        INDArray wq = layer.getParam("Wq");
        return new AttentionStep(name, conf.getHeads(), wq, layer.getParam("Wk"), layer.getParam("Wv"),
                layer.getParam("Wo"), PositionalSelfAttention.positionalEncoding(conf.getNIn(), conf.getPositions(),
                        wq.dataType()));
    }

    int heads() {
        return heads;
    }

    /** Everything the forward pass computes for one batch, kept for the backward pass. */
    private record Pass(INDArray x, INDArray[] q, INDArray[] k, INDArray[] v, INDArray[] a, INDArray concat) {
    }

    /** The encoded input, positions first: [n, T, C]. */
    private INDArray encoded(INDArray in) {
        INDArray e = encoding.castTo(in.dataType()).reshape(1, encoding.size(0), encoding.size(1))
                .broadcast(in.size(0), encoding.size(0), encoding.size(1));
        return in.add(e).permute(0, 2, 1).dup('c');
    }

    /** [n, T, a] · [a, b]ᵀ-free right factor [a, b] → [n, T, b]. */
    private static INDArray times(INDArray x, INDArray w) {
        long n = x.size(0);
        long t = x.size(1);
        return x.reshape('c', n * t, x.size(2)).mmul(w).reshape('c', n, t, w.size(1));
    }

    private INDArray head(INDArray w, int h) {
        return w.get(NDArrayIndex.point(h), NDArrayIndex.all(), NDArrayIndex.all()).dup('c'); // [d, C]
    }

    private Pass run(INDArray in) {
        INDArray x = encoded(in);
        INDArray[] q = new INDArray[heads];
        INDArray[] k = new INDArray[heads];
        INDArray[] v = new INDArray[heads];
        INDArray[] a = new INDArray[heads];
        INDArray[] o = new INDArray[heads];
        double scale = 1.0 / Math.sqrt(headSize);
        for (int h = 0; h < heads; h++) {
            q[h] = times(x, head(wq, h).transpose().castTo(x.dataType()));
            k[h] = times(x, head(wk, h).transpose().castTo(x.dataType()));
            v[h] = times(x, head(wv, h).transpose().castTo(x.dataType()));
            a[h] = softmax(Nd4j.matmul(q[h], k[h], false, true, false).muli(scale));
            o[h] = Nd4j.matmul(a[h], v[h]);
        }
        return new Pass(x, q, k, v, a, Nd4j.concat(2, o));
    }

    /** Softmax over the last axis of [n, T, T]. */
    private static INDArray softmax(INDArray s) {
        INDArray max = s.max(true, 2);
        INDArray e = Transforms.exp(s.sub(max.broadcast(s.shape())), false);
        return e.divi(e.sum(true, 2).broadcast(s.shape()));
    }

    @Override
    public INDArray forward(INDArray in) {
        return output(run(in));
    }

    private INDArray output(Pass pass) {
        return times(pass.concat(), wo.castTo(pass.x().dataType())).permute(0, 2, 1).dup('c');
    }

    /** The attention maps [n, heads, T (query), T (key)]; each row of a map sums to 1. */
    INDArray maps(INDArray in) {
        Pass pass = run(in);
        INDArray[] expanded = new INDArray[heads];
        for (int h = 0; h < heads; h++) {
            expanded[h] = pass.a()[h].reshape(pass.a()[h].size(0), 1, pass.a()[h].size(1), pass.a()[h].size(2));
        }
        return Nd4j.concat(1, expanded);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        if (rule != Rule.RESCALE || refIn == null) {
            return gradient(run(in), gradOut);
        }
        INDArray delta = in.sub(refIn);
        INDArray m = gradient(run(in.add(refIn).muli(0.5)), gradOut);
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

    /** d(Σ gradOut·y)/dx for the pass's input. */
    private INDArray gradient(Pass pass, INDArray gradOut) {
        INDArray x = pass.x();
        INDArray g = gradOut.permute(0, 2, 1).dup('c').castTo(x.dataType()); // [n, T, nOut]
        INDArray dConcat = times(g, wo.castTo(x.dataType()).transpose()); // [n, T, heads·d]
        INDArray dx = Nd4j.zeros(x.dataType(), x.shape());
        double scale = 1.0 / Math.sqrt(headSize);
        for (int h = 0; h < heads; h++) {
            INDArray dO = dConcat.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval((long) h * headSize, (long) (h + 1) * headSize)).dup('c');
            INDArray a = pass.a()[h];
            INDArray dV = Nd4j.matmul(a, dO, true, false, false);
            INDArray dA = Nd4j.matmul(dO, pass.v()[h], false, true, false);
            INDArray rowDot = dA.mul(a).sum(true, 2);
            INDArray dS = a.mul(dA.subi(rowDot.broadcast(dA.shape()))).muli(scale);
            INDArray dQ = Nd4j.matmul(dS, pass.k()[h]);
            INDArray dK = Nd4j.matmul(dS, pass.q()[h], true, false, false);
            dx.addi(times(dQ, head(wq, h).castTo(x.dataType())));
            dx.addi(times(dK, head(wk, h).castTo(x.dataType())));
            dx.addi(times(dV, head(wv, h).castTo(x.dataType())));
        }
        return dx.permute(0, 2, 1).dup('c');
    }

    @Override
    public String describe() {
        return name + ": self-attention " + heads + "×" + headSize + " → " + wo.size(1);
    }
}
