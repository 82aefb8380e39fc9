package org.regulens.compare;

import org.regulens.motif.Motif;

/**
 * Tomtom's comparison of one query with every target (Gupta et al., Genome Biology 2007). For each target,
 * strand and offset with at least {@code min(minOverlap, query width, target width)} aligned columns, the
 * aligned columns' binned scores are summed and turned into a p-value by the exact null of that run of query
 * columns ({@link SumNull}). Query columns the target does not cover count at their median score (the
 * "complete score"); that constant is the same under the null, so it cancels from the p-value and serves only
 * to rank alignments of equal p-value. The offset with the smallest p-value wins; its p-value p is corrected
 * for the n offsets tried on each of the 2 strands as 1 − (1 − p)^(2n).
 * <p>
 * Each thread keeps its own profile and null tables and reuses them from query to query.
 */
final class MotifComparer {

    private final TargetColumns targets;
    private final int minOverlap;
    private final ThreadLocal<QueryProfile> profiles;
    private final ThreadLocal<SumNull> nulls = ThreadLocal.withInitial(SumNull::new);

    MotifComparer(TargetColumns targets, ColumnSimilarity similarity, int minOverlap, int bins) {
        if (minOverlap < 1) {
            throw new IllegalArgumentException("minimum overlap must be positive, got " + minOverlap);
        }
        this.targets = targets;
        this.minOverlap = minOverlap;
        this.profiles = ThreadLocal.withInitial(() -> new QueryProfile(targets, similarity, bins));
    }

    /** The best match of the query (numbered {@code queryIndex}) with each target, stored into {@code into}. */
    void compare(int queryIndex, Motif query, MatchColumns into) {
        QueryProfile profile = profiles.get();
        profile.load(query);
        SumNull sumNull = nulls.get();
        sumNull.reset(profile.pmfs());
        int width = profile.width();
        double[] medianPrefix = new double[width + 1];
        for (int i = 0; i < width; i++) {
            medianPrefix[i + 1] = medianPrefix[i] + profile.median(i);
        }
        for (int t = 0; t < targets.size(); t++) {
            best(queryIndex, profile, sumNull, medianPrefix, t, into);
        }
    }

    private void best(int queryIndex, QueryProfile profile, SumNull sumNull, double[] medianPrefix, int t,
                      MatchColumns into) {
        int width = profile.width();
        int targetWidth = targets.width(t);
        int needed = Math.min(minOverlap, Math.min(width, targetWidth));
        int offsetsPerStrand = width + targetWidth - 2 * needed + 1;
        int[] bins = profile.bins();
        double[] scores = profile.scores();
        int stride = targets.poolSize() + 1;
        double bestP = Double.POSITIVE_INFINITY;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestOffset = 0;
        boolean bestReverse = false;
        int bestOverlap = 0;
        for (int strand = 0; strand < 2; strand++) {
            boolean reverse = strand == 1;
            int start = targets.start(t, reverse);
            for (int offset = needed - width; offset <= targetWidth - needed; offset++) {
                int from = Math.max(0, -offset);
                int to = Math.min(width, targetWidth - offset);
                // query column i meets pool column start + i + offset: cell i * poolSize + start + offset + i
                int first = start + offset;
                int binSum = 0;
                for (int i = from; i < to; i++) {
                    binSum += bins[first + i * stride];
                }
                double p = sumNull.tail(from, to, binSum);
                if (p > bestP) {
                    continue; // the complete score only breaks ties
                }
                double score = medianPrefix[from] + medianPrefix[width] - medianPrefix[to];
                for (int i = from; i < to; i++) {
                    score += scores[first + i * stride];
                }
                if (p < bestP || score > bestScore) {
                    bestP = p;
                    bestScore = score;
                    bestOffset = offset;
                    bestReverse = reverse;
                    bestOverlap = to - from;
                }
            }
        }
        into.set(queryIndex, t, bestOffset, bestReverse, bestOverlap, bestP,
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
