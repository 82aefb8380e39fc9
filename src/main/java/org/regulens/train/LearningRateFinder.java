package org.regulens.train;

import java.util.function.DoubleUnaryOperator;

/**
 * A learning-rate range test (Smith 2017): on a throw-away copy of the network, {@code steps} training batches are
 * taken with the rate rising geometrically from {@link #MIN_LR} to {@link #MAX_LR}; the batch losses are smoothed
 * (exponential moving average, β = {@value #BETA}, bias-corrected) and the sweep stops once the smoothed loss
 * exceeds {@value #DIVERGENCE} times its minimum (or is not finite). The rule: the rate at the smoothed minimum
 * divided by {@value #BACK_OFF} — the minimum is already past the fastest descent, where training is on the edge
 * of diverging — kept within [{@link #FLOOR}, {@link #CEILING}].
 */
public final class LearningRateFinder {

    static final double MIN_LR = 1e-5;
    static final double MAX_LR = 1;
    static final double BETA = 0.9;
    static final double DIVERGENCE = 4;
    static final double BACK_OFF = 10;
    static final double FLOOR = 1e-4;
    static final double CEILING = 0.03;

    /** What the sweep saw and chose. */
    public record Result(double chosen, double atMinimum, double minimumLoss, double[] rates, double[] smoothed) {
    }

    private LearningRateFinder() {
    }

    /** The rate of step i of a sweep of n steps. */
    static double rate(int i, int n) {
        return n == 1 ? MIN_LR : MIN_LR * Math.pow(MAX_LR / MIN_LR, i / (double) (n - 1));
    }

    /**
     * Runs the sweep: {@code step} takes one batch at the given rate and returns its loss.
     */
    public static Result sweep(int steps, DoubleUnaryOperator step) {
        double[] rates = new double[steps];
        double[] losses = new double[steps];
        int taken = 0;
        double average = 0;
        double minimum = Double.POSITIVE_INFINITY;
        for (int i = 0; i < steps; i++) {
            rates[i] = rate(i, steps);
            losses[i] = step.applyAsDouble(rates[i]);
            taken++;
            average = BETA * average + (1 - BETA) * losses[i];
            double smoothed = average / (1 - Math.pow(BETA, i + 1));
            if (!Double.isFinite(smoothed) || smoothed > DIVERGENCE * minimum) {
                break;
            }
            minimum = Math.min(minimum, smoothed);
        }
        return choose(java.util.Arrays.copyOf(rates, taken), java.util.Arrays.copyOf(losses, taken));
    }

    /** The rule applied to the raw losses of a sweep (rates ascending); the losses are smoothed here. */
    static Result choose(double[] rates, double[] losses) {
        double[] smoothed = new double[losses.length];
        double average = 0;
        int best = -1;
        for (int i = 0; i < losses.length; i++) {
            average = BETA * average + (1 - BETA) * losses[i];
            smoothed[i] = average / (1 - Math.pow(BETA, i + 1));
            if (Double.isFinite(smoothed[i]) && (best < 0 || smoothed[i] < smoothed[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("the learning-rate range test saw no finite loss");
        }
        double chosen = Math.max(FLOOR, Math.min(CEILING, rates[best] / BACK_OFF));
        return new Result(chosen, rates[best], smoothed[best], rates, smoothed);
    }
}
