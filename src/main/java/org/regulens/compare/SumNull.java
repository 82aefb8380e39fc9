package org.regulens.compare;

/**
 * Exact null distribution of a sum of binned column scores over a run of consecutive query columns
 * [from, to), each column's score drawn independently from its own distribution (its scores against a pool
 * column drawn uniformly). Distributions come from convolution, one column at a time; all runs that start at
 * the same column are built in one pass when the first of them is asked for, and kept as upper tails
 * P(S ≥ s), summed from the top so that tiny tails keep their precision.
 */
final class SumNull {

    private final double[][] pmf;
    private final int[] lowestBin;
    private final int[] highestBin;
    /** tails[from][length - 1][s] = P(S_[from, from+length) ≥ s); null until needed. */
    private final double[][][] tails;

    /** @param pmf pmf[column][bin]: each column's distribution of integer scores 0..bins */
    SumNull(double[][] pmf) {
        this.pmf = pmf;
        int width = pmf.length;
        lowestBin = new int[width];
        highestBin = new int[width];
        for (int i = 0; i < width; i++) {
            int lo = 0;
            while (lo < pmf[i].length - 1 && pmf[i][lo] == 0) {
                lo++;
            }
            int hi = pmf[i].length - 1;
            while (hi > lo && pmf[i][hi] == 0) {
                hi--;
            }
            lowestBin[i] = lo;
            highestBin[i] = hi;
        }
        tails = new double[width][][];
    }

    /** P(Σ_{i ∈ [from, to)} X_i ≥ sum), exact for integer scores. */
    double tail(int from, int to, int sum) {
        if (from < 0 || to > pmf.length || from >= to) {
            throw new IllegalArgumentException("no columns in [" + from + ", " + to + ")");
        }
        if (tails[from] == null) {
            tails[from] = buildFrom(from);
        }
        double[] upper = tails[from][to - from - 1];
        if (sum <= 0) {
            return 1;
        }
        return sum < upper.length ? upper[sum] : 0;
    }

    private double[][] buildFrom(int from) {
        int width = pmf.length;
        double[][] result = new double[width - from][];
        double[] current = pmf[from].clone();
        int lo = lowestBin[from];
        int hi = highestBin[from];
        result[0] = upperTail(current);
        for (int i = from + 1; i < width; i++) {
            double[] column = pmf[i];
            double[] next = new double[current.length + column.length - 1];
            for (int j = lowestBin[i]; j <= highestBin[i]; j++) {
                double p = column[j];
                if (p == 0) {
                    continue;
                }
                for (int s = lo; s <= hi; s++) {
                    next[s + j] += current[s] * p;
                }
            }
            lo += lowestBin[i];
            hi += highestBin[i];
            current = next;
            result[i - from] = upperTail(current);
        }
        return result;
    }

    private static double[] upperTail(double[] distribution) {
        double[] upper = new double[distribution.length];
        double sum = 0;
        for (int s = distribution.length - 1; s >= 0; s--) {
            sum += distribution[s];
            upper[s] = Math.min(1, sum);
        }
        return upper;
    }
}
