package org.regulens.compare;

import java.util.Arrays;

/**
 * Benjamini–Hochberg q-values of many p-values, the same numbers as
 * {@link org.regulens.core.FalseDiscovery#benjaminiHochberg(double[])} but held as two primitive arrays (the
 * sorted p-values and the q-value at each rank) instead of boxed indices: a p-value's q-value is found by binary
 * search. Tied p-values share the q-value of their last rank, so any of their positions gives the same answer.
 */
final class QValues {

    private final double[] sortedP;
    private final double[] q;

    QValues(double[] p) {
        sortedP = p.clone();
        Arrays.sort(sortedP);
        int n = sortedP.length;
        long m = n;
        q = new double[n];
        double running = 1;
        for (int j = n - 1; j >= 0; j--) {
            long rank = j + 1;
            running = Math.min(running, m * sortedP[j] / rank);
            q[j] = running;
        }
    }

    /** The q-value of a p-value that was among those given. */
    double of(double p) {
        int at = Arrays.binarySearch(sortedP, p);
        if (at < 0) {
            throw new IllegalArgumentException("p-value " + p + " was not among those given");
        }
        return q[at];
    }

    /**
     * The largest p-value whose q-value is at most {@code threshold} (negative infinity when none is): q rises
     * with p, so a p-value passes the threshold exactly when it is at most this.
     */
    double largestPassing(double threshold) {
        int low = 0;
        int high = q.length; // q[0..low) pass, q[high..) do not
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (q[middle] <= threshold) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? Double.NEGATIVE_INFINITY : sortedP[low - 1];
    }
}
