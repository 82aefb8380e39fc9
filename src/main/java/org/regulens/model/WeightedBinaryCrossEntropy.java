package org.regulens.model;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multi-task binary cross-entropy on logits, with a weight on the positives of each task and a label mask
 * (0 where a label is unknown): L = w·y·softplus(-z) + (1-y)·softplus(z), the numerically stable form of
 * -w·y·log σ(z) - (1-y)·log(1-σ(z)). The layer in front of it must have the identity activation, so that the
 * network's output stays a logit.
 */
public final class WeightedBinaryCrossEntropy implements ILossFunction {

    private static final long serialVersionUID = 1L;

    private double[] positiveWeights;

    public WeightedBinaryCrossEntropy() {
        this(new double[0]);
    }

    /** @param positiveWeights one weight per task; empty means 1 for every task */
    public WeightedBinaryCrossEntropy(double[] positiveWeights) {
        this.positiveWeights = positiveWeights.clone();
    }

    public double[] getPositiveWeights() {
        return positiveWeights.clone();
    }

    public void setPositiveWeights(double[] positiveWeights) {
        this.positiveWeights = positiveWeights.clone();
    }

    private INDArray weights(INDArray labels) {
        long tasks = labels.size(1);
        if (positiveWeights.length == 0) {
            return Nd4j.ones(labels.dataType(), 1, tasks);
        }
        return Nd4j.createFromArray(positiveWeights).castTo(labels.dataType()).reshape(1, tasks);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray z = activation.getActivation(preOutput.dup(), false);
        INDArray weightedPositives = labels.mulRowVector(weights(labels));
        INDArray loss = Transforms.softPlus(z.neg(), false).muli(weightedPositives)
                .addi(Transforms.softPlus(z, true).muli(labels.rsub(1)));
        if (mask != null) {
            loss.muli(mask);
        }
        return loss.sum(1).reshape(loss.size(0), 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                               boolean average) {
        double total = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? total / preOutput.size(0) : total;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray z = activation.getActivation(preOutput.dup(), true);
        INDArray wy = labels.mulRowVector(weights(labels));
        // dL/dz = σ(z)·(w·y + 1 - y) - w·y
        INDArray dLdz = Transforms.sigmoid(z, true).muli(wy.add(labels.rsub(1))).subi(wy);
        if (mask != null) {
            dLdz.muli(mask);
        }
        return activation.backprop(preOutput.dup(), dLdz).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average),
                computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return "WeightedBinaryCrossEntropy" + Arrays.toString(positiveWeights);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightedBinaryCrossEntropy o && Arrays.equals(positiveWeights, o.positiveWeights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positiveWeights);
    }

    @Override
    public String toString() {
        return name();
    }
}
