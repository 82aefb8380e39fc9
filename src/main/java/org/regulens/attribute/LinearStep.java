package org.regulens.attribute;

/**
 * An affine step (convolution, dense). The rules that split contributions by sign (LRP's alpha-beta rule,
 * DeepLIFT's RevealCancel) run it with only its positive or only its negative weights, and no bias.
 */
interface LinearStep extends Step {

    /** The same map with weights max(w, 0) and a zero bias. */
    LinearStep positivePart();

    /** The same map with weights min(w, 0) and a zero bias. */
    LinearStep negativePart();
}
