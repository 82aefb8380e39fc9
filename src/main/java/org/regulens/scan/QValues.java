package org.regulens.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Benjamini–Hochberg q-values over every tested window of one motif (both strands, each window and strand one
 * test), computed from counts of integer scores ({@link org.regulens.core.FalseDiscovery}), so no per-window
 * p-value need be kept.
 */
final class QValues {

    private final List<ScoreMatrix> matrices;
    private final double[][] q;

    private QValues(List<ScoreMatrix> matrices, double[][] q) {
        this.matrices = matrices;
        this.q = q;
    }

    /** @param counts counts[i][k] = tests of matrices[i] that scored minScore + k */
    static QValues of(List<ScoreMatrix> matrices, List<long[]> counts) {
        record Level(int matrix, int offset, double p, long count) {
        }
        List<Level> levels = new ArrayList<>();
        double[][] q = new double[matrices.size()][];
        for (int i = 0; i < matrices.size(); i++) {
            ScoreMatrix matrix = matrices.get(i);
            long[] c = counts.get(i);
            q[i] = new double[c.length];
            for (int k = 0; k < c.length; k++) {
                if (c[k] > 0) {
                    levels.add(new Level(i, k, matrix.pValue(matrix.minScore() + k), c[k]));
                }
            }
        }
        double[] p = new double[levels.size()];
        long[] tests = new long[levels.size()];
        for (int j = 0; j < levels.size(); j++) {
            p[j] = levels.get(j).p();
            tests[j] = levels.get(j).count();
        }
        double[] adjusted = org.regulens.core.FalseDiscovery.benjaminiHochberg(p, tests);
        for (int j = 0; j < levels.size(); j++) {
            q[levels.get(j).matrix()][levels.get(j).offset()] = adjusted[j];
        }
        return new QValues(matrices, q);
    }

    /** The q-value of a test of matrix {@code i} (as passed to {@link #of}) that scored {@code score}. */
    double of(int i, int score) {
        return q[i][score - matrices.get(i).minScore()];
    }
}
