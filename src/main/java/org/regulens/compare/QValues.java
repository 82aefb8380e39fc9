package org.regulens.compare;

import java.util.Arrays;
import java.util.Comparator;

/** Benjamini–Hochberg q-values (Tomtom's choice): q_(k) = min over j ≥ k of p_(j)·m / j, capped at 1. */
final class QValues {

    private QValues() {
    }

    /** The q-value of each p-value, in the order given. */
    static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
