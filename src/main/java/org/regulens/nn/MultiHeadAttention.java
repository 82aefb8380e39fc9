package org.regulens.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al. 2017) over the positions of a feature map [n, C, T],
 * with a fixed positional encoding E [C, T] added to its input, forward and analytical backward in batched ND4J
 * matrix products. The one implementation behind both the training layer and the explain graph's step, so the two
 * cannot drift apart.
 *
 * <p>With X = in + E laid out positions first ([n·T, C]) and, for head h, Q = X·Wq_hᵀ, K = X·Wk_hᵀ, V = X·Wv_hᵀ
 * (Wq, Wk, Wv [heads, d, C]): A = softmax over keys of Q·Kᵀ/√d, O = A·V; the heads' O concatenated head after head
 * ([n·T, heads·d]) times Wo [heads·d, nOut] is the output, plus the (unencoded) input when {@code residual}. All
 * heads run as one batch of n·heads matrix products.
 */
public final class MultiHeadAttention {

    private final int heads;
    private final int headSize;
    private final INDArray wq; // [heads·d, C]
    private final INDArray wk;
    private final INDArray wv;
    private final INDArray wo; // [heads·d, nOut]
    private final INDArray encoding; // [C, T]
    private final boolean residual;

    /** Weights as stored (Wq, Wk, Wv [heads, d, C], Wo [heads·d, nOut]); they are read, not copied, so views stay live. */
    public MultiHeadAttention(INDArray wq, INDArray wk, INDArray wv, INDArray wo, INDArray encoding, boolean residual) {
        this.heads = (int) wq.size(0);
        this.headSize = (int) wq.size(1);
        long channels = wq.size(2);
        this.wq = wq.reshape('c', (long) heads * headSize, channels);
        this.wk = wk.reshape('c', (long) heads * headSize, channels);
        this.wv = wv.reshape('c', (long) heads * headSize, channels);
        this.wo = wo;
        this.encoding = encoding;
        this.residual = residual;
        if (residual && wo.size(1) != channels) {
            throw new IllegalArgumentException("a residual connection needs as many outputs as inputs, not "
                    + wo.size(1) + " and " + channels);
        }
    }

    public int heads() {
        return heads;
    }

    public int headSize() {
        return headSize;
    }

    public long outputs() {
        return wo.size(1);
    }

    /** The encoding added to the input, [channels, positions]: channel 2i sin, 2i + 1 cos (Vaswani et al. 3.5). */
    public static INDArray sinusoidalEncoding(long channels, long positions, DataType type) {
        double[] values = new double[(int) (channels * positions)];
        for (int c = 0; c < channels; c++) {
            double frequency = Math.pow(10000.0, -(double) (c - c % 2) / channels);
            for (int p = 0; p < positions; p++) {
                double angle = p * frequency;
                // rounded to float first so float and double networks see the same encoding
                values[(int) (c * positions + p)] = (float) (c % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return Nd4j.createFromArray(values).reshape('c', channels, positions).castTo(type);
    }

    /** What the forward pass computed, kept for the backward pass and the maps. */
    public record Pass(long n, long t, INDArray input, INDArray x, INDArray q, INDArray k, INDArray v, INDArray a,
                       INDArray concat) {
    }

    /** Gradients of Σ gradOut·output: input [n, C, T] and parameters in their stored shapes. */
    public record Gradients(INDArray input, INDArray wq, INDArray wk, INDArray wv, INDArray wo) {
    }

    public Pass run(INDArray in) {
        long n = in.size(0);
        long channels = in.size(1);
        long t = in.size(2);
        DataType type = in.dataType();
        INDArray e = encoding.castTo(type).reshape(1, channels, t);
        // [n, C, T] + E, positions first: [n·T, C]
        INDArray x = in.add(e.broadcast(n, channels, t)).permute(0, 2, 1).dup('c').reshape('c', n * t, channels);
        INDArray q = perHead(x.mmul(wq.castTo(type).transpose()), n, t);
        INDArray k = perHead(x.mmul(wk.castTo(type).transpose()), n, t);
        INDArray v = perHead(x.mmul(wv.castTo(type).transpose()), n, t);
        INDArray a = softmax(Nd4j.matmul(q, k, false, true, false).muli(1.0 / Math.sqrt(headSize)));
        INDArray concat = positionsFirst(Nd4j.matmul(a, v), n, t);
        return new Pass(n, t, in, x, q, k, v, a, concat);
    }

    /** The layer's output [n, nOut, T]. */
    public INDArray output(Pass pass) {
        INDArray y = pass.concat().mmul(wo.castTo(pass.x().dataType()))
                .reshape('c', pass.n(), pass.t(), wo.size(1)).permute(0, 2, 1).dup('c');
        return residual ? y.addi(pass.input()) : y;
    }

    /** The attention maps [n, heads, T (query), T (key)]; each row sums to 1. */
    public INDArray maps(Pass pass) {
        return pass.a().reshape('c', pass.n(), heads, pass.t(), pass.t());
    }

    public Gradients backward(Pass pass, INDArray gradOut) {
        long n = pass.n();
        long t = pass.t();
        DataType type = pass.x().dataType();
        INDArray g = gradOut.castTo(type).permute(0, 2, 1).dup('c').reshape('c', n * t, wo.size(1));
        INDArray dWo = pass.concat().transpose().mmul(g);
        INDArray dO = perHead(g.mmul(wo.castTo(type).transpose()), n, t);
        INDArray a = pass.a();
        INDArray dV = Nd4j.matmul(a, dO, true, false, false);
        INDArray dA = Nd4j.matmul(dO, pass.v(), false, true, false);
        // softmax backward, row by row: dS = A ⊙ (dA − Σ_keys dA ⊙ A)
        INDArray rowDot = dA.mul(a).sum(true, 2);
        INDArray dS = a.mul(dA.subi(rowDot.broadcast(dA.shape()))).muli(1.0 / Math.sqrt(headSize));
        INDArray dQ = positionsFirst(Nd4j.matmul(dS, pass.k()), n, t);
        INDArray dK = positionsFirst(Nd4j.matmul(dS, pass.q(), true, false, false), n, t);
        INDArray dV2 = positionsFirst(dV, n, t);
        INDArray x = pass.x();
        INDArray dX = dQ.mmul(wq.castTo(type)).addi(dK.mmul(wk.castTo(type))).addi(dV2.mmul(wv.castTo(type)));
        INDArray dIn = dX.reshape('c', n, t, x.size(1)).permute(0, 2, 1).dup('c');
        if (residual) {
            dIn.addi(gradOut.castTo(type));
        }
        long[] stored = {heads, headSize, x.size(1)};
        return new Gradients(dIn, dQ.transpose().mmul(x).reshape('c', stored), dK.transpose().mmul(x).reshape('c', stored),
                dV2.transpose().mmul(x).reshape('c', stored), dWo);
    }

    /** [n·T, heads·d] → [n·heads, T, d]. */
    private INDArray perHead(INDArray flat, long n, long t) {
        return flat.reshape('c', n, t, heads, headSize).permute(0, 2, 1, 3).dup('c')
                .reshape('c', n * heads, t, headSize);
    }

    /** [n·heads, T, d] → [n·T, heads·d], the heads concatenated at each position. */
    private INDArray positionsFirst(INDArray perHead, long n, long t) {
        return perHead.reshape('c', n, heads, t, headSize).permute(0, 2, 1, 3).dup('c')
                .reshape('c', n * t, (long) heads * headSize);
    }

    /** Softmax over the last axis of [b, T, T]. */
    private static INDArray softmax(INDArray s) {
        INDArray max = s.max(true, 2);
        INDArray e = Transforms.exp(s.subi(max.broadcast(s.shape())), false);
        return e.divi(e.sum(true, 2).broadcast(s.shape()));
    }
}
