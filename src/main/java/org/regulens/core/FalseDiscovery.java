package org.regulens.core;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg q-values: sorting the m tests by p-value, the test of rank k gets min over ranks j ≥ k of
 * m·p(j)/j, capped at 1; tied p-values share the largest rank (as R's p.adjust(method = "BH")).
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    /** The q-value of each p-value, in the order given. */
    public static double[] benjaminiHochberg(double[] p) {
        long[] once = new long[p.length];
        Arrays.fill(once, 1);
        return benjaminiHochberg(p, once);
    }

    /**
     * q-values of p-values that stand for {@code counts[i]} tests each (e.g. every window that reached one score),
     * so that millions of tests need not be listed one by one; m is the sum of the counts.
     */
    public static double[] benjaminiHochberg(double[] p, long[] counts) {
        if (p.length != counts.length) {
            throw new IllegalArgumentException("p-values and counts differ in length");
        }
        int n = p.length;
        Integer[] order = new Integer[n];
        long m = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            m += counts[i];
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] ratio = new double[n];
        long rank = 0;
        for (int j = 0; j < n; j++) {
            rank += counts[order[j]];
            ratio[j] = rank == 0 ? 1 : m * p[order[j]] / rank;
        }
        // the running minimum from the largest p down also gives tied p-values the ratio at their last rank
        double[] q = new double[n];
        double running = 1;
        for (int j = n - 1; j >= 0; j--) {
            running = Math.min(running, ratio[j]);
            q[order[j]] = running;
        }
        return q;
    }
}
