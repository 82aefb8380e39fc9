package org.regulens.compare;

import java.util.ArrayList;
import java.util.List;
import org.regulens.motif.Motif;

/**
 * Tomtom's comparison of one query with every target (Gupta et al., Genome Biology 2007). For each target,
 * strand and offset with at least {@code min(minOverlap, query width, target width)} aligned columns, the
 * aligned columns' binned scores are summed and turned into a p-value by the exact null of that run of query
 * columns ({@link SumNull}). Query columns the target does not cover count at their median score (the
 * "complete score"); that constant is the same under the null, so it cancels from the p-value and serves only
 * to rank alignments of equal p-value. The offset with the smallest p-value wins; its p-value p is corrected
 * for the n offsets tried on each of the 2 strands as 1 − (1 − p)^(2n).
 */
final class MotifComparer {

    private final TargetColumns targets;
    private final ColumnSimilarity similarity;
    private final int minOverlap;
    private final int bins;

    MotifComparer(TargetColumns targets, ColumnSimilarity similarity, int minOverlap, int bins) {
        if (minOverlap < 1) {
            throw new IllegalArgumentException("minimum overlap must be positive, got " + minOverlap);
        }
        this.targets = targets;
        this.similarity = similarity;
        this.minOverlap = minOverlap;
        this.bins = bins;
    }

    /** The best match of the query (numbered {@code queryIndex}) with each target, in target order. */
    List<Match> compare(int queryIndex, Motif query) {
        QueryProfile profile = new QueryProfile(query, targets, similarity, bins);
        SumNull nulls = new SumNull(profile.pmfs());
        int width = profile.width();
        double[] medianPrefix = new double[width + 1];
        for (int i = 0; i < width; i++) {
            medianPrefix[i + 1] = medianPrefix[i] + profile.median(i);
        }
        List<Match> matches = new ArrayList<>(targets.size());
        for (int t = 0; t < targets.size(); t++) {
            matches.add(best(queryIndex, profile, nulls, medianPrefix, t));
        }
        return matches;
    }

    private Match best(int queryIndex, QueryProfile profile, SumNull nulls, double[] medianPrefix, int t) {
        int width = profile.width();
        int targetWidth = targets.width(t);
        int needed = Math.min(minOverlap, Math.min(width, targetWidth));
        int offsetsPerStrand = width + targetWidth - 2 * needed + 1;
        double bestP = Double.POSITIVE_INFINITY;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestOffset = 0;
        boolean bestReverse = false;
        int bestOverlap = 0;
        for (boolean reverse : new boolean[] {false, true}) {
            int start = targets.start(t, reverse);
            for (int offset = needed - width; offset <= targetWidth - needed; offset++) {
                int from = Math.max(0, -offset);
                int to = Math.min(width, targetWidth - offset);
                int binSum = 0;
                double score = medianPrefix[from] + medianPrefix[width] - medianPrefix[to];
                for (int i = from; i < to; i++) {
                    int column = start + i + offset;
                    binSum += profile.bin(i, column);
                    score += profile.score(i, column);
                }
                double p = nulls.tail(from, to, binSum);
                if (p < bestP || (p == bestP && score > bestScore)) {
                    bestP = p;
                    bestScore = score;
                    bestOffset = offset;
                    bestReverse = reverse;
                    bestOverlap = to - from;
                }
            }
        }
        return new Match(queryIndex, t, bestOffset, bestReverse, bestOverlap, bestP,
                corrected(bestP, 2 * offsetsPerStrand), bestScore);
    }

    /** 1 − (1 − p)^tries, computed without cancellation for small p. */
    static double corrected(double p, int tries) {
        if (p >= 1) {
            return 1;
        }
        return -Math.expm1(tries * Math.log1p(-p));
    }
}
