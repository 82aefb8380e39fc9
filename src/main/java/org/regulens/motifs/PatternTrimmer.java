package org.regulens.motifs;

import java.util.stream.IntStream;

/**
 * Where to trim an aggregated pattern. Models often put most of a motif's contribution on its core (a TAL1 site
 * CTGAACAGATGGTCGG scored mostly on CAGATG), so trimming to the positions of high contribution alone cuts the motif
 * to its bare core and loses the flanks that make it specific. The rule:
 * <ol>
 *   <li>the core: from the first to the last position whose summed |CWM| reaches {@code trimThreshold} × the
 *       largest (0.3 by default);</li>
 *   <li>flanks: the core grows outward, one position at a time, while the next position carries information of
 *       its own, either in the sequence (its PPM column holds at least {@link #FLANK_BITS} bits) or in the
 *       contributions (summed |CWM| well above the background's, {@link #FLANK_IMPORTANCE}); one uninformative position
 *       is stepped over when the one after it is informative;</li>
 *   <li>only positions covered by at least {@link #MIN_COVERAGE} of the seqlets count (the frame's edges, reached by
 *       few shifted seqlets, have spurious information);</li>
 *   <li>a floor on width: a pattern narrower than {@link #MIN_WIDTH} is widened, one position at a time, on the
 *       side with more contribution (on ties, evenly).</li>
 * </ol>
 */
public final class PatternTrimmer {

    /** Bits (uniform background) that make a flank position informative: a column with p(consensus) about 0.55. */
    static final double FLANK_BITS = 0.3;
    /**
     * Summed |CWM| that makes a flank position informative, as a fraction of the way from the frame's median
     * position (background: about 0.2 of the largest on gkmexplain scores, near 0 on clean ones) to the largest.
     */
    static final double FLANK_IMPORTANCE = 0.25;
    /** Fraction of the seqlets that must cover a position for it to be kept. */
    static final double MIN_COVERAGE = 0.5;
    /** Narrowest pattern. */
    static final int MIN_WIDTH = 8;

    private PatternTrimmer() {
    }

    /** The span [from, to) to keep, as a two-element array. */
    public static int[] span(double[][] cwm, double[][] counts, double trimThreshold) {
        int frame = cwm.length;
        double[] importance = new double[frame];
        double[] coverage = new double[frame];
        double max = 0;
        double maxCoverage = 0;
        for (int f = 0; f < frame; f++) {
            for (int b = 0; b < 4; b++) {
                importance[f] += Math.abs(cwm[f][b]);
                coverage[f] += counts[f][b];
            }
            max = Math.max(max, importance[f]);
            maxCoverage = Math.max(maxCoverage, coverage[f]);
        }
        boolean[] covered = new boolean[frame];
        boolean[] informative = new boolean[frame];
        for (int f = 0; f < frame; f++) {
            covered[f] = coverage[f] >= MIN_COVERAGE * maxCoverage && coverage[f] > 0;
        }
        double baseline = baseline(importance, covered);
        for (int f = 0; f < frame; f++) {
            informative[f] = covered[f] && (importance[f] >= baseline + FLANK_IMPORTANCE * (max - baseline)
                    || PatternFilter.columnBits(counts[f]) >= FLANK_BITS);
        }
        int from = 0;
        while (from < frame - 1 && !(covered[from] && importance[from] >= trimThreshold * max)) {
            from++;
        }
        int to = frame;
        while (to > from + 1 && !(covered[to - 1] && importance[to - 1] >= trimThreshold * max)) {
            to--;
        }
        while (true) {
            if (from >= 1 && informative[from - 1]) {
                from--;
            } else if (from >= 2 && covered[from - 1] && informative[from - 2]) {
                from -= 2;
            } else {
                break;
            }
        }
        while (true) {
            if (to < frame && informative[to]) {
                to++;
            } else if (to + 1 < frame && covered[to] && informative[to + 1]) {
                to += 2;
            } else {
                break;
            }
        }
        int addedLeft = 0;
        int addedRight = 0;
        while (to - from < MIN_WIDTH) {
            boolean left = from > 0 && covered[from - 1];
            boolean right = to < frame && covered[to];
            if (!left && !right) {
                break;
            }
            double leftImportance = left ? importance[from - 1] : -1;
            double rightImportance = right ? importance[to] : -1;
            if (leftImportance > rightImportance || leftImportance == rightImportance && addedLeft <= addedRight) {
                from--;
                addedLeft++;
            } else {
                to++;
                addedRight++;
            }
        }
        return new int[] {from, to};
    }

    /** The median summed |CWM| of the covered positions: what background positions carry (0 for clean scores). */
    static double baseline(double[] importance, boolean[] covered) {
        double[] values = IntStream.range(0, importance.length).filter(f -> covered[f]).mapToDouble(f -> importance[f])
                .sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }
}
