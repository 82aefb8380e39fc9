package org.regulens.motif;

/**
 * Ungapped similarity between two motifs: the mean Pearson correlation of aligned probability columns, at the
 * best offset and orientation with at least a minimum overlap. A cheap screen (e.g. to keep distractor motifs
 * unlike the planted ones); {@code compare} computes Tomtom-style statistics on top of column scores like these.
 */
public final class MotifSimilarity {

    private MotifSimilarity() {
    }

    /** The best mean column correlation of {@code b} (either strand) against {@code a}, in [-1, 1]. */
    public static double best(Motif a, Motif b, int minOverlap) {
        double[][] pa = a.probabilities();
        double best = -1;
        for (Motif candidate : new Motif[] {b, b.reverseComplement()}) {
            double[][] pb = candidate.probabilities();
            int overlapNeeded = Math.min(minOverlap, Math.min(pa.length, pb.length));
            // offset = where column 0 of b sits relative to column 0 of a
            for (int offset = -(pb.length - overlapNeeded); offset <= pa.length - overlapNeeded; offset++) {
                int from = Math.max(0, offset);
                int to = Math.min(pa.length, offset + pb.length);
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += pearson(pa[i], pb[i - offset]);
                }
                best = Math.max(best, sum / (to - from));
            }
        }
        return best;
    }

    /** Pearson correlation of two columns; 0 when either is flat (uniform columns carry no information). */
    static double pearson(double[] x, double[] y) {
        double mx = (x[0] + x[1] + x[2] + x[3]) / 4;
        double my = (y[0] + y[1] + y[2] + y[3]) / 4;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int b = 0; b < 4; b++) {
            sxy += (x[b] - mx) * (y[b] - my);
            sxx += (x[b] - mx) * (x[b] - mx);
            syy += (y[b] - my) * (y[b] - my);
        }
        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
