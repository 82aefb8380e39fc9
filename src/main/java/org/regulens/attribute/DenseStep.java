package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer y = x·W + b on the flattened input (channel-major, as deeplearning4j flattens
 * [n, c, 1, length] feature maps). Linear, so every {@link Rule} gives the same backward pass.
 */
final class DenseStep implements LinearStep {

    private final INDArray weights; // [in, out]
    private final INDArray bias;    // [1, out]
    private final String name;
    private DenseStep positive;
    private DenseStep negative;

    DenseStep(String name, INDArray weights, INDArray bias) {
        this.name = name;
        this.weights = weights.dup('c');
        this.bias = bias.reshape(new long[] {1, -1}).dup();
    }

    @Override
    public INDArray forward(INDArray in) {
        return in.reshape('c', new long[] {in.size(0), weights.size(0)}).mmul(weights).addiRowVector(bias);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        return gradOut.mmul(weights.transpose()).reshape('c', in.shape());
    }

    @Override
    public DenseStep positivePart() {
        if (positive == null) {
            positive = new DenseStep(name + "+", org.nd4j.linalg.ops.transforms.Transforms.max(weights, 0.0, true),
                    org.nd4j.linalg.factory.Nd4j.zerosLike(bias));
        }
        return positive;
    }

    @Override
    public DenseStep negativePart() {
        if (negative == null) {
            negative = new DenseStep(name + "-", org.nd4j.linalg.ops.transforms.Transforms.min(weights, 0.0, true),
                    org.nd4j.linalg.factory.Nd4j.zerosLike(bias));
        }
        return negative;
    }

    @Override
    public String describe() {
        return name + ": dense " + weights.size(0) + "→" + weights.size(1);
    }
}
