package org.regulens.train;

import java.util.Locale;

/**
 * The learning rate of every optimiser step, as a multiple of the peak rate. The plateau cuts (halving after
 * epochs without a better validation auPR) multiply on top in every mode.
 * <ul>
 * <li>{@code constant}: 1 throughout.</li>
 * <li>{@code warmup}: rises linearly from 1/W to 1 over the first W steps (W = one epoch's batches), then 1.
 * Adam's first steps with freshly initialised batch-norm statistics are large; a short ramp lets a higher peak
 * rate be used without the first epoch going astray.</li>
 * <li>{@code onecycle}: Smith's one cycle over all the epochs: a linear rise from peak/{@value #ONE_CYCLE_START}
 * to the peak over the first {@value #ONE_CYCLE_RISE} of the steps, then a cosine descent to
 * peak/{@value #ONE_CYCLE_END} at the last step.</li>
 * </ul>
 */
public final class LearningRateSchedule {

    static final double ONE_CYCLE_START = 25;
    static final double ONE_CYCLE_RISE = 0.3;
    static final double ONE_CYCLE_END = 1000;

    /** The modes, as named on the command line. */
    public enum Mode {
        CONSTANT, WARMUP, ONECYCLE;

        public static Mode parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Mode mode;
    private final long stepsPerEpoch;
    private final long totalSteps;

    public LearningRateSchedule(Mode mode, long stepsPerEpoch, int epochs) {
        if (stepsPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("a schedule needs at least one step and one epoch");
        }
        this.mode = mode;
        this.stepsPerEpoch = stepsPerEpoch;
        this.totalSteps = stepsPerEpoch * epochs;
    }

    public Mode mode() {
        return mode;
    }

    /** The multiple of the peak rate for step {@code step} (0-based, counted over all epochs). */
    public double factor(long step) {
        return switch (mode) {
            case CONSTANT -> 1;
            case WARMUP -> step < stepsPerEpoch ? (step + 1) / (double) stepsPerEpoch : 1;
            case ONECYCLE -> oneCycle(step);
        };
    }

    private double oneCycle(long step) {
        long rise = Math.max(1, Math.round(ONE_CYCLE_RISE * totalSteps));
        double start = 1 / ONE_CYCLE_START;
        if (step < rise) {
            return start + (1 - start) * step / (double) rise;
        }
        long fall = Math.max(1, totalSteps - 1 - rise);
        double progress = Math.min(1, (step - rise) / (double) fall);
        double end = 1 / ONE_CYCLE_END;
        return end + (1 - end) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
