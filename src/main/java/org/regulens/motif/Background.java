package org.regulens.motif;

import java.util.Arrays;

/**
 * Background base frequencies, as arrays in A, C, G, T order. Methods hand out fresh arrays, so a caller that
 * changes one cannot change anybody else's background.
 */
public final class Background {

    /** How far from 1 a background may sum: files often round frequencies to three decimals. */
    static final double SUM_TOLERANCE = 0.01;

    private Background() {
    }

    /** {0.25, 0.25, 0.25, 0.25}. */
    public static double[] uniform() {
        return new double[] {0.25, 0.25, 0.25, 0.25};
    }

    /** A background with the given G+C fraction, split evenly between G and C (and A+T between A and T). */
    public static double[] fromGc(double gc) {
        if (!(gc > 0 && gc < 1)) {
            throw new IllegalArgumentException("GC fraction must lie strictly between 0 and 1, got " + gc);
        }
        double at = (1 - gc) / 2;
        return new double[] {at, gc / 2, gc / 2, at};
    }

    /**
     * Checks that {@code background} has four positive frequencies summing to 1 (within {@value #SUM_TOLERANCE})
     * and returns it, so that it can be used inline.
     */
    public static double[] require(double[] background) {
        if (background == null || background.length != 4) {
            throw new IllegalArgumentException("a background needs 4 frequencies (A, C, G, T), got "
                    + (background == null ? "null" : Arrays.toString(background)));
        }
        double sum = 0;
        for (double f : background) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("background frequencies must be positive: " + Arrays.toString(background));
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("background frequencies must sum to 1: " + Arrays.toString(background));
        }
        return background;
    }
}
