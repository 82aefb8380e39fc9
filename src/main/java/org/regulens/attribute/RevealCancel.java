package org.regulens.attribute;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regulens.nn.Tensors;

/**
 * DeepLIFT's RevealCancel rule (Shrikumar et al. 2017, sections 3.5.1 and 3.5.3) through a linear step and the
 * elementwise nonlinearity after it, y = f(z), z = W·x + b. The input difference Δx = x − x₀ gives each output
 * the sums of its positive and of its negative terms, Δz⁺ = Σ [wΔx &gt; 0]·wΔx and Δz⁻ = Σ [wΔx &lt; 0]·wΔx (the bias
 * cancels). The nonlinearity gives each part the average of its effect added first and added last:
 * Δy⁺ = ½[f(z₀+Δz⁺) − f(z₀)] + ½[f(z₀+Δz⁺+Δz⁻) − f(z₀+Δz⁻)], Δy⁻ = ½[f(z₀+Δz⁻) − f(z₀)] + ½[f(z₀+Δz⁺+Δz⁻) −
 * f(z₀+Δz⁺)], so Δy⁺ + Δy⁻ = Δy, and multipliers m⁺ = Δy⁺/Δz⁺, m⁻ = Δy⁻/Δz⁻. Back through the linear step an
 * input takes the multiplier of the sign of its term wΔx: through W⁺ and m⁺ and W⁻ and m⁻ where Δx &gt; 0, crossed
 * where Δx &lt; 0, and the mean of the two where Δx = 0 (its term is zero either way, so only hypothetical
 * contributions see the choice). Summation-to-delta holds: Σ M_x·Δx = Σ M_y·(Δy⁺ + Δy⁻).
 */
final class RevealCancel {

    /** Below this |Δz±| the secant is replaced by its limit, the mean of f′ at the two points it joins. */
    private static final double EPS = 1e-6;

    private RevealCancel() {
    }

    /**
     * Multipliers with respect to {@code in}, the input of {@code linear}, given those with respect to the output of
     * the nonlinearity {@code f}; {@code z} and {@code z0} are the linear step's outputs for the input and reference.
     */
    static INDArray backward(LinearStep linear, Nonlinearity f, INDArray in, INDArray refIn, INDArray z, INDArray z0,
                             INDArray gradOut) {
        INDArray dx = in.sub(refIn);
        INDArray up = Transforms.max(dx, 0.0, true);
        INDArray down = Transforms.min(dx, 0.0, true);
        LinearStep plus = linear.positivePart();
        LinearStep minus = linear.negativePart();
        INDArray dzPlus = plus.forward(up).addi(minus.forward(down));
        INDArray dzMinus = minus.forward(up).addi(plus.forward(down));
        float[] a = Tensors.floats(dzPlus);
        float[] b = Tensors.floats(dzMinus);
        float[] zv = Tensors.floats(z);
        float[] rv = Tensors.floats(z0);
        float[] g = Tensors.floats(gradOut.reshape(z.shape()));
        float[] gPlus = new float[a.length];
        float[] gMinus = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            gPlus[i] = (float) (g[i] * multiplier(f, rv[i], a[i], b[i], zv[i]));
            gMinus[i] = (float) (g[i] * multiplier(f, rv[i], b[i], a[i], zv[i]));
        }
        INDArray mPlus = Tensors.of(gPlus, z.shape());
        INDArray mMinus = Tensors.of(gMinus, z.shape());
        INDArray same = back(plus, in, z, mPlus).addi(back(minus, in, z, mMinus));    // Δx > 0: wΔx has w's sign
        INDArray crossed = back(plus, in, z, mMinus).addi(back(minus, in, z, mPlus)); // Δx < 0: the opposite sign
        INDArray positive = dx.gt(0).castTo(DataType.FLOAT);
        INDArray negative = dx.lt(0).castTo(DataType.FLOAT);
        INDArray zero = positive.add(negative).rsubi(1);
        return same.muli(positive).addi(crossed.muli(negative)).addi(same.add(crossed).muli(zero).muli(0.5));
    }

    private static INDArray back(LinearStep step, INDArray in, INDArray z, INDArray grad) {
        return step.backward(in, z, grad, Rule.GRADIENT, null, null);
    }

    /**
     * Δy_d / d for the part d of the difference (the other part e): ½[f(z₀+d) − f(z₀)] + ½[f(z) − f(z₀+e)], with
     * z = z₀ + d + e the actual input (taken from the forward pass so that the two parts sum to f(z) − f(z₀)).
     */
    static double multiplier(Nonlinearity f, double z0, double d, double e, double z) {
        if (Math.abs(d) < EPS) {
            return 0.5 * (f.derivative(z0) + f.derivative(z0 + e));
        }
        double first = f.apply(z0 + d) - f.apply(z0);
        double last = f.apply(z) - f.apply(z0 + e);
        return 0.5 * (first + last) / d;
    }
}
