package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Max pooling over windows of {@code size} positions with stride {@code size}; an incomplete last window is dropped. */
final class MaxPoolStep implements LocalStep {

    private final int size;

    MaxPoolStep(int size) {
        this.size = size;
    }

    @Override
    public INDArray forward(INDArray in) {
        return MaxRouting.forward(in, size);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        return MaxRouting.backward(in, gradOut, size, rule, rule == Rule.RESCALE ? refIn : null);
    }

    /**
     * The gradient with respect to the input of a ReLU whose output {@code in} this step pools: the ReLU's and this
     * step's backward passes in one (see {@link MaxRouting#backward(INDArray, INDArray, int, Rule, INDArray, boolean)}).
     */
    INDArray backwardThroughRelu(INDArray in, INDArray gradOut, Rule rule) {
        return MaxRouting.backward(in, gradOut, size, rule, null, true);
    }

    @Override
    public int outLength(int inLength) {
        return inLength / size;
    }

    @Override
    public int outWidth(int changedWidth, int outLength) {
        return Math.min(outLength, (changedWidth + size - 2) / size + 1);
    }

    @Override
    public int outStart(int changedStart, int width, int outLength) {
        return LocalStep.clamp(Math.floorDiv(changedStart, size), width, outLength);
    }

    @Override
    public int inStart(int outStart) {
        return outStart * size;
    }

    @Override
    public int inWidth(int outWidth) {
        return outWidth * size;
    }

    @Override
    public INDArray forwardSlices(INDArray slices) {
        return forward(slices);
    }

    @Override
    public String describe() {
        return "max pooling " + size;
    }
}
