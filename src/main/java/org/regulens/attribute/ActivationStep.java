package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An elementwise nonlinearity; position-wise, so a change stays where it is. */
final class ActivationStep implements LocalStep {

    private final Nonlinearity function;
    private final String name;

    ActivationStep(String name, Nonlinearity function) {
        this.name = name;
        this.function = function;
    }

    Nonlinearity function() {
        return function;
    }

    @Override
    public INDArray forward(INDArray in) {
        return function.apply(in);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        return function.backward(in, gradOut, rule, refIn);
    }

    @Override
    public int outLength(int inLength) {
        return inLength;
    }

    @Override
    public int outWidth(int changedWidth, int outLength) {
        return Math.min(changedWidth, outLength);
    }

    @Override
    public int outStart(int changedStart, int width, int outLength) {
        return LocalStep.clamp(changedStart, width, outLength);
    }

    @Override
    public int inStart(int outStart) {
        return outStart;
    }

    @Override
    public int inWidth(int outWidth) {
        return outWidth;
    }

    @Override
    public INDArray forwardSlices(INDArray slices) {
        return function.apply(slices);
    }

    @Override
    public String describe() {
        return name + ": " + function.name().toLowerCase(java.util.Locale.ROOT);
    }
}
