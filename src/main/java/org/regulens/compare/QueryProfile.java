package org.regulens.compare;

import org.regulens.motif.Motif;

/**
 * One query's column scores against every column of the target pool, computed once and shared by all targets:
 * the raw scores, their bins on a grid spanning this query's lowest to highest score, each query column's null
 * distribution of binned scores (the pool drawn uniformly) and its median score, which stands in for query
 * columns a target does not overlap (Tomtom's "complete score").
 */
final class QueryProfile {

    private final Motif query;
    private final double[][] scores;
    private final int[][] binned;
    private final double[][] pmf;
    private final double[] median;
    private final ScoreGrid grid;

    QueryProfile(Motif query, TargetColumns targets, ColumnSimilarity similarity, int bins) {
        this.query = query;
        double[][] columns = MotifColumns.prepared(query, similarity);
        int width = columns.length;
        int poolSize = targets.poolSize();
        scores = new double[width][poolSize];
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < width; i++) {
            double[] row = scores[i];
            for (int j = 0; j < poolSize; j++) {
                double s = similarity.scorePrepared(columns[i], targets.column(j));
                row[j] = s;
                lowest = Math.min(lowest, s);
                highest = Math.max(highest, s);
            }
        }
        grid = new ScoreGrid(lowest, highest, bins);
        binned = new int[width][poolSize];
        pmf = new double[width][bins + 1];
        median = new double[width];
        double weight = 1.0 / poolSize;
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < poolSize; j++) {
                int bin = grid.bin(scores[i][j]);
                binned[i][j] = bin;
                pmf[i][bin] += weight;
            }
            median[i] = grid.value(medianBin(pmf[i]));
        }
    }

    /** The smallest bin at which the cumulative probability reaches one half. */
    private static int medianBin(double[] pmf) {
        double cumulative = 0;
        for (int bin = 0; bin < pmf.length; bin++) {
            cumulative += pmf[bin];
            if (cumulative >= 0.5 - 1e-12) {
                return bin;
            }
        }
        return pmf.length - 1;
    }

    Motif query() {
        return query;
    }

    int width() {
        return scores.length;
    }

    double score(int queryColumn, int poolColumn) {
        return scores[queryColumn][poolColumn];
    }

    int bin(int queryColumn, int poolColumn) {
        return binned[queryColumn][poolColumn];
    }

    /** Null distribution of query column i's binned score: pmf[bin], summing to 1. */
    double[] pmf(int queryColumn) {
        return pmf[queryColumn];
    }

    double[][] pmfs() {
        return pmf;
    }

    /** The binned median of query column i's scores against the pool. */
    double median(int queryColumn) {
        return median[queryColumn];
    }

    ScoreGrid grid() {
        return grid;
    }
}
