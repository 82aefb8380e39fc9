package org.regulens.attribute;

import org.regulens.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Max pooling over windows of {@code size} positions with stride {@code size}; an incomplete last window is dropped. */
final class MaxPoolStep implements LocalStep {

    private final int size;

    MaxPoolStep(int size) {
        this.size = size;
    }

    @Override
    public INDArray forward(INDArray in) {
        int rows = (int) (in.size(0) * in.size(1));
        int length = (int) in.size(2);
        float[] y = MaxRouting.forward(Tensors.floats(in), rows, length, size);
        return Tensors.of(y, in.size(0), in.size(1), length / size);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        int rows = (int) (in.size(0) * in.size(1));
        float[] dx = MaxRouting.backward(Tensors.floats(in), Tensors.floats(gradOut), rows, (int) in.size(2), size,
                rule, rule == Rule.RESCALE ? Tensors.floats(refIn) : null);
        return Tensors.of(dx, in.shape());
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
