package org.regulens.compare;

import java.util.Arrays;

/**
 * Exact null distribution of a sum of binned column scores over a run of consecutive query columns
 * [from, to), each column's score drawn independently from its own distribution (its scores against a pool
 * column drawn uniformly). Distributions come from convolution, one column at a time; all runs that start at
 * the same column are built in one pass when the first of them is asked for, and kept as upper tails
 * P(S ≥ s), summed from the top so that tiny tails keep their precision.
 * <p>
 * One instance serves one query after another ({@link #reset}): the tails of all runs live in one growing
 * array and the convolution works in two reused buffers, so a query allocates next to nothing.
 */
final class SumNull {

    private double[][] pmf;
    private int width;
    private int[] lowestBin = new int[0];
    private int[] highestBin = new int[0];
    /** Where the tail of run [from, from + length) starts in {@link #store}: tailStart[from * width + length - 1]. */
    private int[] tailStart = new int[0];
    private int[] tailLength = new int[0];
    private boolean[] built = new boolean[0];
    private double[] store = new double[1 << 14];
    private int used;
    private double[] current = new double[0];
    private double[] next = new double[0];

    SumNull() {
    }

    /** @param pmf pmf[column][bin]: each column's distribution of integer scores 0..bins */
    SumNull(double[][] pmf) {
        reset(pmf);
    }

    /** Forgets the previous query's columns and takes these. */
    void reset(double[][] pmf) {
        this.pmf = pmf;
        width = pmf.length;
        if (lowestBin.length < width) {
            lowestBin = new int[width];
            highestBin = new int[width];
            built = new boolean[width];
        }
        if (tailStart.length < width * width) {
            tailStart = new int[width * width];
            tailLength = new int[width * width];
        }
        Arrays.fill(built, false);
        used = 0;
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
    }

    /** P(Σ_{i ∈ [from, to)} X_i ≥ sum), exact for integer scores. */
    double tail(int from, int to, int sum) {
        if (from < 0 || to > width || from >= to) {
            throw new IllegalArgumentException("no columns in [" + from + ", " + to + ")");
        }
        if (!built[from]) {
            buildFrom(from);
            built[from] = true;
        }
        int run = from * width + to - from - 1;
        if (sum <= 0) {
            return 1;
        }
        return sum < tailLength[run] ? store[tailStart[run] + sum] : 0;
    }

    private void buildFrom(int from) {
        int length = pmf[from].length;
        current = ensure(current, length);
        System.arraycopy(pmf[from], 0, current, 0, length);
        int lo = lowestBin[from];
        int hi = highestBin[from];
        keepUpperTail(from * width, current, length);
        for (int i = from + 1; i < width; i++) {
            double[] column = pmf[i];
            int nextLength = length + column.length - 1;
            next = ensure(next, nextLength);
            Arrays.fill(next, 0, nextLength, 0);
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
            double[] swap = current;
            current = next;
            next = swap;
            length = nextLength;
            keepUpperTail(from * width + i - from, current, length);
        }
    }

    /** Appends P(S ≥ s) for s = 0..length-1 to the store as run {@code run}'s tail. */
    private void keepUpperTail(int run, double[] distribution, int length) {
        if (used + length > store.length) {
            store = Arrays.copyOf(store, Math.max(used + length, store.length + (store.length >> 1)));
        }
        tailStart[run] = used;
        tailLength[run] = length;
        double sum = 0;
        for (int s = length - 1; s >= 0; s--) {
            sum += distribution[s];
            store[used + s] = Math.min(1, sum);
        }
        used += length;
    }

    private static double[] ensure(double[] buffer, int length) {
        return buffer.length >= length ? buffer : new double[Math.max(length, buffer.length * 2)];
    }
}
