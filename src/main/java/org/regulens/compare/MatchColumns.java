package org.regulens.compare;

/**
 * The best match of every query × target pair, held as primitive columns (about 30 bytes a pair) rather than one
 * object each: JASPAR against itself is 772,641 pairs. Pair (q, t) sits at index q × targets + t; threads
 * comparing different queries write disjoint parts.
 */
final class MatchColumns {

    private final int targets;
    private final int[] offset;
    private final byte[] reverse;
    private final int[] overlap;
    private final double[] offsetPValue;
    private final double[] pValue;
    private final double[] completeScore;

    MatchColumns(int queries, int targets) {
        long pairs = (long) queries * targets;
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(queries + " queries × " + targets + " targets: too many pairs");
        }
        int n = (int) pairs;
        this.targets = targets;
        offset = new int[n];
        reverse = new byte[n];
        overlap = new int[n];
        offsetPValue = new double[n];
        pValue = new double[n];
        completeScore = new double[n];
    }

    void set(int query, int target, int offset, boolean reverse, int overlap, double offsetPValue, double pValue,
             double completeScore) {
        int i = query * targets + target;
        this.offset[i] = offset;
        this.reverse[i] = (byte) (reverse ? 1 : 0);
        this.overlap[i] = overlap;
        this.offsetPValue[i] = offsetPValue;
        this.pValue[i] = pValue;
        this.completeScore[i] = completeScore;
    }

    Match get(int query, int target) {
        int i = query * targets + target;
        return new Match(query, target, offset[i], reverse[i] == 1, overlap[i], offsetPValue[i], pValue[i],
                completeScore[i]);
    }

    double pValue(int query, int target) {
        return pValue[query * targets + target];
    }

    double completeScore(int query, int target) {
        return completeScore[query * targets + target];
    }

    int offset(int query, int target) {
        return offset[query * targets + target];
    }

    boolean reverse(int query, int target) {
        return reverse[query * targets + target] == 1;
    }

    int overlap(int query, int target) {
        return overlap[query * targets + target];
    }

    /** Every pair's p-value, query by query (the array itself: read only). */
    double[] pValues() {
        return pValue;
    }
}
