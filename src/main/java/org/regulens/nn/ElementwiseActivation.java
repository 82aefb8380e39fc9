package org.regulens.nn;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/**
 * An activation computed one float at a time, so that a fused layer can apply it in its own output pass instead of
 * leaving it to a separate activation layer (one more array pass and one more native operation forward and
 * backward). Implemented by activations that want to be folded; deeplearning4j's plain ReLU is recognised by
 * {@link #of}.
 */
public interface ElementwiseActivation {

    /** f(z). */
    float value(float z);

    /** f'(z), given z and f(z) (computed by {@link #value}). */
    float derivative(float z, float value);

    /** ReLU as deeplearning4j computes it: z if z &gt; 0 else 0; derivative 1 if z &gt; 0 else 0. */
    ElementwiseActivation RELU = new ElementwiseActivation() {
        @Override
        public float value(float z) {
            return z > 0 ? z : 0f;
        }

        @Override
        public float derivative(float z, float value) {
            return z > 0 ? 1f : 0f;
        }
    };

    /**
     * The elementwise form of a deeplearning4j activation, or null when it has none here (only plain ReLU, without
     * threshold, cap or slope, and activations implementing this interface have one).
     */
    static ElementwiseActivation of(IActivation activation) {
        if (activation instanceof ElementwiseActivation elementwise) {
            return elementwise;
        }
        if (activation != null && activation.getClass() == ActivationReLU.class) {
            ActivationReLU relu = (ActivationReLU) activation;
            boolean plain = relu.getMax() == null && relu.getThreshold() == null && relu.getNegativeSlope() == null;
            return plain ? RELU : null;
        }
        return null;
    }
}
