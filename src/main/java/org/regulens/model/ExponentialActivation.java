package org.regulens.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regulens.nn.ElementwiseActivation;

/**
 * f(z) = exp(z). Koo &amp; Ploenzke (2021) showed that an exponential first-layer activation makes filters learn
 * whole, interpretable motifs, because it suppresses weak matches and amplifies strong ones. Deeplearning4j has
 * no exponential activation, so this is ours; the model's JSON names it by class.
 */
public final class ExponentialActivation extends BaseActivationFunction implements ElementwiseActivation {

    private static final long serialVersionUID = 1L;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return Transforms.exp(in, false);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        // d exp(z)/dz = exp(z)
        INDArray dLdz = Transforms.exp(in, true).muli(epsilon);
        return new Pair<>(dLdz, null);
    }

    @Override
    public float value(float z) {
        return (float) Math.exp(z);
    }

    @Override
    public float derivative(float z, float value) {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExponentialActivation;
    }

    @Override
    public int hashCode() {
        return 17;
    }

    @Override
    public String toString() {
        return "exp";
    }
}
