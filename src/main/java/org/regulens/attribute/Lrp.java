package org.regulens.attribute;

import java.util.Locale;

/**
 * The settings of layer-wise relevance propagation (Bach et al. 2015): the rule at linear steps, the stabiliser
 * ε of the epsilon rule (also used at residual additions) and α of the alpha-beta rule (β = α − 1, so that each
 * layer conserves relevance).
 */
public record Lrp(Kind kind, double epsilon, double alpha) {

    /** The rule at convolutions and dense layers. */
    public enum Kind { EPSILON, ALPHA_BETA }

    public Lrp {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("--lrp-epsilon must be a finite number >= 0, not " + epsilon);
        }
        if (!(alpha >= 1) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("--lrp-alpha must be a finite number >= 1 (beta = alpha - 1), not " + alpha);
        }
    }

    public double beta() {
        return alpha - 1;
    }

    /** "epsilon" or "alpha-beta". */
    public static Kind parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "epsilon" -> Kind.EPSILON;
            case "alpha-beta" -> Kind.ALPHA_BETA;
            default -> throw new IllegalArgumentException("--lrp-rule must be epsilon or alpha-beta, not '" + name + "'");
        };
    }
}
