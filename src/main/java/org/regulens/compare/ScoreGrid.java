package org.regulens.compare;

/**
 * Integer bins for column scores: {@code bins} equal steps spanning [lowest, highest], a score going to the
 * nearest grid point 0..bins. Sums of binned scores are then integers, whose null distribution a convolution
 * gives exactly.
 */
final class ScoreGrid {

    private final double lowest;
    private final double step;
    private final int bins;

    ScoreGrid(double lowest, double highest, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        this.lowest = lowest;
        this.bins = bins;
        // a degenerate range (every score equal) puts everything in bin 0
        this.step = highest > lowest ? (highest - lowest) / bins : 1;
    }

    int bins() {
        return bins;
    }

    double step() {
        return step;
    }

    int bin(double score) {
        long bin = Math.round((score - lowest) / step);
        return (int) Math.max(0, Math.min(bins, bin));
    }

    /** The score at a grid point. */
    double value(int bin) {
        return lowest + bin * step;
    }
}
