package org.regulens.compare;

import org.regulens.motif.Motif;

/**
 * One query's column scores against every column of the target pool, computed once and shared by all targets:
 * the raw scores, their bins on a grid spanning this query's lowest to highest score, each query column's null
 * distribution of binned scores (the pool drawn uniformly) and its median score, which stands in for query
 * columns a target does not overlap (Tomtom's "complete score").
 * <p>
 * A profile is {@link #load loaded} with one query after another by the thread that owns it: the score and bin
 * tables (query width × pool size, a few MB) are reused rather than allocated per query. They are laid out pool
 * column by pool column, so that the columns of one target, which an alignment reads, sit together.
 */
final class QueryProfile {

    private final TargetColumns targets;
    private final ColumnSimilarity similarity;
    private final int bins;
    private Motif query;
    private int width;
    /** scores[j * width + i]: query column i against pool column j. */
    private double[] scores = new double[0];
    private int[] binned = new int[0];
    private double[][] pmf;
    private double[] median;
    private ScoreGrid grid;

    QueryProfile(TargetColumns targets, ColumnSimilarity similarity, int bins) {
        this.targets = targets;
        this.similarity = similarity;
        this.bins = bins;
    }

    QueryProfile(Motif query, TargetColumns targets, ColumnSimilarity similarity, int bins) {
        this(targets, similarity, bins);
        load(query);
    }

    /** Makes this the profile of {@code query}, replacing the previous one. */
    void load(Motif query) {
        this.query = query;
        double[][] columns = MotifColumns.prepared(query, similarity);
        width = columns.length;
        int poolSize = targets.poolSize();
        int cells = width * poolSize;
        if (scores.length < cells) {
            scores = new double[cells];
            binned = new int[cells];
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < poolSize; j++) {
            double[] column = targets.column(j);
            int row = j * width;
            for (int i = 0; i < width; i++) {
                double s = similarity.scorePrepared(columns[i], column);
                scores[row + i] = s;
                lowest = Math.min(lowest, s);
                highest = Math.max(highest, s);
            }
        }
        grid = new ScoreGrid(lowest, highest, bins);
        pmf = new double[width][bins + 1];
        median = new double[width];
        double weight = 1.0 / poolSize;
        for (int j = 0; j < poolSize; j++) {
            int row = j * width;
            for (int i = 0; i < width; i++) {
                int bin = grid.bin(scores[row + i]);
                binned[row + i] = bin;
                pmf[i][bin] += weight;
            }
        }
        for (int i = 0; i < width; i++) {
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
        return width;
    }

    double score(int queryColumn, int poolColumn) {
        return scores[poolColumn * width + queryColumn];
    }

    int bin(int queryColumn, int poolColumn) {
        return binned[poolColumn * width + queryColumn];
    }

    /** The score table, [poolColumn * width + queryColumn] (shared, not a copy: for the alignment loop). */
    double[] scores() {
        return scores;
    }

    /** The bin table, laid out as {@link #scores()}. */
    int[] bins() {
        return binned;
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
