package org.regulens.attribute;

import org.regulens.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The elementwise functions of our networks, their derivatives and their DeepLIFT secant slopes. Arrays are
 * processed as flat float vectors (any shape, c order).
 */
public enum Nonlinearity {
    IDENTITY, RELU, EXP, SIGMOID, TANH;

    /** Below this input difference the secant is replaced by the derivative at the midpoint (error O(Δ²)). */
    private static final double SECANT_EPS = 1e-5;

    public double apply(double z) {
        return switch (this) {
            case IDENTITY -> z;
            case RELU -> z > 0 ? z : 0;
            case EXP -> Math.exp(z);
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
        };
    }

    public double derivative(double z) {
        return switch (this) {
            case IDENTITY -> 1;
            case RELU -> z > 0 ? 1 : 0;
            case EXP -> Math.exp(z);
            case SIGMOID -> {
                double s = 1 / (1 + Math.exp(-z));
                yield s * (1 - s);
            }
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
        };
    }

    /** f applied to every element; a new array of the same shape (ND4J's native transforms). */
    public INDArray apply(INDArray z) {
        return switch (this) {
            case IDENTITY -> z.dup();
            case RELU -> Transforms.relu(z, true);
            case EXP -> Transforms.exp(z, true);
            case SIGMOID -> Transforms.sigmoid(z, true);
            case TANH -> Transforms.tanh(z, true);
        };
    }

    /** f′ of every element; a new array. */
    private INDArray derivative(INDArray z) {
        return switch (this) {
            case IDENTITY -> Nd4j.onesLike(z);
            case RELU -> z.gt(0).castTo(z.dataType());
            case EXP -> Transforms.exp(z, true);
            case SIGMOID -> {
                INDArray s = Transforms.sigmoid(z, true);
                yield s.mul(s.rsub(1));
            }
            case TANH -> {
                INDArray t = Transforms.tanh(z, true);
                yield t.muli(t).rsubi(1);
            }
        };
    }

    /**
     * The factor by which a backward pass multiplies the incoming gradient {@code g} at pre-activation {@code z}
     * (reference {@code z0} for {@link Rule#RESCALE}); a new array. Guided backpropagation passes only positive
     * incoming gradients, through the unit's derivative.
     */
    public INDArray backward(INDArray z, INDArray g, Rule rule, INDArray z0) {
        if (this == IDENTITY) {
            return g.dup();
        }
        if (this == RELU && rule == Rule.GRADIENT) {
            // one native pass (g where z > 0, else 0) instead of comparing, casting and multiplying
            INDArray m = Nd4j.createUninitialized(g.dataType(), g.shape());
            Nd4j.exec(new ThresholdReluBp(z, g, m, 0.0));
            return m;
        }
        if (rule != Rule.RESCALE) {
            INDArray m = derivative(z).muli(g);
            return rule == Rule.GUIDED ? m.muli(g.gt(0).castTo(g.dataType())) : m;
        }
        // secants in double precision: the differences z − z0 can be tiny
        float[] zv = Tensors.floats(z);
        float[] gv = Tensors.floats(g);
        float[] rv = Tensors.floats(z0);
        for (int i = 0; i < zv.length; i++) {
            gv[i] = (float) (gv[i] * secant(zv[i], rv[i]));
        }
        return Tensors.of(gv, g.shape());
    }

    /** (f(z) − f(z0)) / (z − z0), or f′ at the midpoint when z ≈ z0. */
    public double secant(double z, double z0) {
        double dz = z - z0;
        if (Math.abs(dz) < SECANT_EPS) {
            return derivative((z + z0) / 2);
        }
        return (apply(z) - apply(z0)) / dz;
    }
}
