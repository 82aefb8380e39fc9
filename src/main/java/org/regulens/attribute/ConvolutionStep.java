package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A 1-D convolution with stride 1, dilation d and "same" zero padding as deeplearning4j computes it:
 * out[f, t] = b[f] + Σ_c Σ_k W[f, c, k] · x[c, t + k·d − padLeft], with padLeft = ((width − 1)·d) / 2.
 * The backward pass is the transposed convolution (flipped kernel, channels swapped); it is linear, so every
 * {@link Rule} gives the same answer.
 */
final class ConvolutionStep implements LocalStep, LinearStep {

    private final INDArray kernel;      // [width, in, out], the layout of ND4J's conv1d
    private final INDArray transposed;  // [width, out, in], flipped along width: the backward kernel
    private final INDArray bias;        // [out]
    private final int width;
    private final int dilation;
    private final int padLeft;
    private final String name;
    private ConvolutionStep positive;
    private ConvolutionStep negative;

    /** @param weights [out, in, width] */
    ConvolutionStep(String name, INDArray weights, INDArray bias, int dilation) {
        this.name = name;
        this.width = (int) weights.size(2);
        this.dilation = dilation;
        this.kernel = weights.permute(2, 1, 0).dup('c');
        this.transposed = flipped(weights.permute(2, 0, 1));
        this.bias = bias.reshape(-1).dup();
        this.padLeft = span() / 2;
    }

    @Override
    public ConvolutionStep positivePart() {
        if (positive == null) {
            positive = part(true);
        }
        return positive;
    }

    @Override
    public ConvolutionStep negativePart() {
        if (negative == null) {
            negative = part(false);
        }
        return negative;
    }

    private ConvolutionStep part(boolean positiveWeights) {
        INDArray w = kernel.permute(2, 1, 0).dup('c'); // back to [out, in, width]
        INDArray part = positiveWeights ? org.nd4j.linalg.ops.transforms.Transforms.max(w, 0.0, false)
                : org.nd4j.linalg.ops.transforms.Transforms.min(w, 0.0, false);
        return new ConvolutionStep(name + (positiveWeights ? "+" : "-"), part, Nd4j.zerosLike(bias), dilation);
    }

    /** [width, a, b] with the first axis reversed. */
    private static INDArray flipped(INDArray w) {
        long width = w.size(0);
        INDArray f = Nd4j.create(w.dataType(), w.shape());
        for (long k = 0; k < width; k++) {
            f.get(NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all())
                    .assign(w.get(NDArrayIndex.point(width - 1 - k), NDArrayIndex.all(), NDArrayIndex.all()));
        }
        return f;
    }

    /**
     * The change of this convolution's outputs when input column {@code position} changes by {@code delta}
     * (one value per input channel), for outputs [outStart, outStart + outWidth) of every filter, added to
     * {@code out} ([filters][outWidth], row-major): out[f][t] += Σ_c W[f, c, k]·delta[c] where t = position + padLeft − k·d.
     * A single-base substitution changes one input column, so the first layer's new outputs are the cached ones
     * plus this rank-one update: no convolution per mutant.
     */
    void addColumnChange(int position, float[] delta, int outStart, int outWidth, float[] out) {
        float[] w = weights();
        int in = channelsIn();
        int filters = channelsOut();
        for (int k = 0; k < width; k++) {
            int t = position + padLeft - k * dilation - outStart;
            if (t < 0 || t >= outWidth) {
                continue;
            }
            for (int c = 0; c < in; c++) {
                float dc = delta[c];
                if (dc == 0f) {
                    continue;
                }
                int from = (k * in + c) * filters;
                for (int f = 0; f < filters; f++) {
                    out[f * outWidth + t] += w[from + f] * dc;
                }
            }
        }
    }

    private float[] weightValues;

    /** The kernel [width, in, out] as floats, unpacked once. */
    private float[] weights() {
        if (weightValues == null) {
            weightValues = org.regulens.nn.Tensors.floats(kernel);
        }
        return weightValues;
    }

    int channelsIn() {
        return (int) kernel.size(1);
    }

    int channelsOut() {
        return (int) kernel.size(2);
    }

    /** (width − 1)·d: the kernel's reach beyond its first position. */
    private int span() {
        return (width - 1) * dilation;
    }

    @Override
    public INDArray forward(INDArray in) {
        if (dilation == 1 && 2 * padLeft == span()) {
            return conv(in, kernel, bias, padLeft); // oneDNN pads by itself: no padded copy
        }
        return forwardSlices(pad(in, padLeft, span() - padLeft));
    }

    @Override
    public INDArray forwardSlices(INDArray slices) {
        if (dilation == 1) {
            return conv(slices, kernel, bias, 0);
        }
        return valid(slices, kernel).addi(bias.reshape(new long[] {1, -1, 1}));
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        // dx[s] = Σ_k W[k] g[s − k·d + padLeft]: a valid convolution of g padded by span − padLeft on the left
        if (dilation == 1 && 2 * padLeft == span()) {
            return conv(gradOut, transposed, null, padLeft);
        }
        return valid(pad(gradOut, span() - padLeft, padLeft), transposed);
    }

    /** A valid (unpadded) convolution with this step's dilation. */
    private INDArray valid(INDArray x, INDArray w) {
        if (dilation == 1) {
            return conv(x, w, null, 0);
        }
        // oneDNN refuses dilated 1-D convolutions here, so split the outputs by position modulo d: each phase is
        // an undilated convolution of every d-th input
        long n = x.size(0);
        long length = x.size(2);
        long outLength = length - span();
        INDArray result = Nd4j.create(x.dataType(), n, w.size(2), outLength);
        for (int phase = 0; phase < dilation && phase < outLength; phase++) {
            INDArray sub = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(phase, dilation, length)).dup('c');
            INDArray y = conv(sub, w, null, 0);
            INDArray target = result.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(phase, dilation, outLength));
            target.assign(y.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, target.size(2))));
        }
        return result;
    }

    /** An undilated convolution of x with w (and bias b unless null), {@code padding} zeros on either side. */
    private INDArray conv(INDArray x, INDArray w, INDArray b, int padding) {
        Conv1DConfig config = Conv1DConfig.builder().k(width).s(1).p(padding).d(1)
                .dataFormat(Conv1DConfig.NCW).paddingMode(PaddingMode.VALID).build();
        return b == null ? Nd4j.cnn().conv1d(x, w, config) : Nd4j.cnn().conv1d(x, w, b, config);
    }

    /** x with {@code left} and {@code right} zero columns added. */
    static INDArray pad(INDArray x, int left, int right) {
        if (left == 0 && right == 0) {
            return x;
        }
        INDArray padded = Nd4j.create(x.dataType(), x.size(0), x.size(1), x.size(2) + left + right);
        padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(left, left + x.size(2))).assign(x);
        return padded;
    }

    @Override
    public int outLength(int inLength) {
        return inLength;
    }

    @Override
    public int outWidth(int changedWidth, int outLength) {
        return Math.min(outLength, changedWidth + span());
    }

    @Override
    public int outStart(int changedStart, int width, int outLength) {
        return LocalStep.clamp(changedStart + padLeft - span(), width, outLength);
    }

    @Override
    public int inStart(int outStart) {
        return outStart - padLeft;
    }

    @Override
    public int inWidth(int outWidth) {
        return outWidth + span();
    }

    @Override
    public String describe() {
        return name + ": convolution " + channelsOut() + "×" + width + (dilation > 1 ? " dilation " + dilation : "");
    }
}
