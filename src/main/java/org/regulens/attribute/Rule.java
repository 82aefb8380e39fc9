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
    GUIDED,
    /**
     * DeepLIFT's RevealCancel rule (Shrikumar et al. 2017, section 3.5.3): at each nonlinearity fed by a linear
     * step, the input difference is split into the sums of its positive and negative terms w·Δx (Δz⁺, Δz⁻), and
     * each gets its own multiplier, Δy⁺/Δz⁺ and Δy⁻/Δz⁻, with Δy⁺ = ½[f(z₀+Δz⁺) − f(z₀)] + ½[f(z₀+Δz⁻+Δz⁺) −
     * f(z₀+Δz⁻)] and Δy⁻ likewise; the linear step then routes each input through the multiplier of the sign of
     * its term. Other steps (pooling, activations not fed by a linear step, LSTMs) use {@link #RESCALE}.
     * Summation-to-delta holds as for Rescale (Δy⁺ + Δy⁻ = Δy). See {@link RevealCancel}.
     */
    REVEAL_CANCEL;

    /** Whether the backward pass needs the reference's trace (the DeepLIFT rules). */
    public boolean usesReference() {
        return this == RESCALE || this == REVEAL_CANCEL;
    }
}
