package org.regulens.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Benjamini–Hochberg q-values over every tested window of one motif (both strands, each window and strand one
 * test), computed from counts of integer scores, so no per-window p-value need be kept: sorting tests by
 * p-value, a test of rank i gets min over ranks j ≥ i of m·p(j)/j, capped at 1; tied p-values share the largest
 * rank, as in R's p.adjust(method = "BH").
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
        long m = 0;
        double[][] q = new double[matrices.size()][];
        for (int i = 0; i < matrices.size(); i++) {
            ScoreMatrix matrix = matrices.get(i);
            long[] c = counts.get(i);
            q[i] = new double[c.length];
            for (int k = 0; k < c.length; k++) {
                if (c[k] > 0) {
                    levels.add(new Level(i, k, matrix.pValue(matrix.minScore() + k), c[k]));
                    m += c[k];
                }
            }
        }
        levels.sort(Comparator.comparingDouble(Level::p));
        double[] ratio = new double[levels.size()];
        long rank = 0;
        for (int j = 0; j < levels.size(); j++) {
            rank += levels.get(j).count();
            ratio[j] = m * levels.get(j).p() / rank;
        }
        // the running minimum from the largest p down also gives tied p-values the ratio at their last rank
        double running = 1;
        for (int j = levels.size() - 1; j >= 0; j--) {
            running = Math.min(running, ratio[j]);
            Level level = levels.get(j);
            q[level.matrix()][level.offset()] = running;
        }
        return new QValues(matrices, q);
    }

    /** The q-value of a test of matrix {@code i} (as passed to {@link #of}) that scored {@code score}. */
    double of(int i, int score) {
        return q[i][score - matrices.get(i).minScore()];
    }
}
