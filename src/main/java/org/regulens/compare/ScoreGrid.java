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
    private final double inverseStep;

    ScoreGrid(double lowest, double highest, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        this.lowest = lowest;
        this.bins = bins;
        // a degenerate range (every score equal) puts everything in bin 0
        this.step = highest > lowest ? (highest - lowest) / bins : 1;
        this.inverseStep = 1 / step;
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

    /**
     * {@link #bin} of scores[from..to), into binned[from..to), counting each bin in counts. A multiplication by
     * 1/step stands in for the division: the two differ by a few units in the last place, which can change the
     * rounding only within a hair of a half, and there the division decides; so the bins are {@link #bin}'s.
     */
    void binAll(double[] scores, int from, int to, int[] binned, int[] counts) {
        for (int k = from; k < to; k++) {
            double position = (scores[k] - lowest) * inverseStep;
            double floor = Math.floor(position);
            double fraction = position - floor;
            int bin;
            if (Math.abs(fraction - 0.5) < 1e-9 || !(position >= 0 && position <= bins)) {
                bin = bin(scores[k]);
            } else {
                bin = (int) floor + (fraction > 0.5 ? 1 : 0);
            }
            binned[k] = bin;
            counts[bin]++;
        }
    }

    /** The score at a grid point. */
    double value(int bin) {
        return lowest + bin * step;
    }
}
