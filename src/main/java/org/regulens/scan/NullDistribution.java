package org.regulens.scan;

/**
 * The exact distribution of an integer matrix score over windows of i.i.d. background bases, by dynamic
 * programming: after position i the array holds P(score of the first i positions = s), and each position
 * spreads every entry over the four bases. Cost: width × range × 4, where range is the spread of scores.
 */
final class NullDistribution {

    private NullDistribution() {
    }

    /**
     * tail[k] = P(S ≥ min + k), where min is the smallest possible score (the sum of the row minima); summed
     * from the top, so that the small tail probabilities keep their relative precision.
     */
    static double[] tail(int[][] scaled, double[] background) {
        int range = 0;
        for (int[] row : scaled) {
            range += max(row) - min(row);
        }
        double[] mass = new double[range + 1];
        mass[0] = 1;
        int reach = 0; // the highest offset with mass so far
        for (int[] row : scaled) {
            int low = min(row);
            int rowSpread = max(row) - low;
            double[] next = new double[range + 1];
            for (int s = 0; s <= reach; s++) {
                double m = mass[s];
                if (m == 0) {
                    continue;
                }
                for (int b = 0; b < 4; b++) {
                    next[s + row[b] - low] += m * background[b];
                }
            }
            mass = next;
            reach += rowSpread;
        }
        double[] tail = new double[range + 1];
        double sum = 0;
        for (int k = range; k >= 0; k--) {
            sum += mass[k];
            tail[k] = sum;
        }
        return tail;
    }

    private static int min(int[] row) {
        return Math.min(Math.min(row[0], row[1]), Math.min(row[2], row[3]));
    }

    private static int max(int[] row) {
        return Math.max(Math.max(row[0], row[1]), Math.max(row[2], row[3]));
    }
}
