package org.regulens.attribute;

/** How a backward pass treats nonlinear units. */
public enum Rule {
    /** The true derivative: exact gradients. */
    GRADIENT,
    /**
     * DeepLIFT's Rescale rule: each elementwise nonlinearity passes back the secant slope
     * (f(z) − f(z₀)) / (z − z₀) between the input and the reference; max pooling routes the whole output
     * difference through one input; products split their difference exactly (see {@link Nonlinearity}).
     * Multipliers obtained this way satisfy summation-to-delta: Σ m·(x − x₀) = f(x) − f(x₀).
     */
    RESCALE,
    /** Guided backpropagation: only positive gradients pass back through activations. */
    GUIDED
}
