package org.regulens.compare;

import org.regulens.motif.Motif;

/**
 * One query's column scores against every column of the target pool, computed once and shared by all targets:
 * the raw scores, their bins on a grid spanning this query's lowest to highest score, each query column's null
 * distribution of binned scores (the pool drawn uniformly) and its median score, which stands in for query
 * columns a target does not overlap (Tomtom's "complete score").
 * <p>
 * A profile is {@link #load loaded} with one query after another by the thread that owns it: the score and bin
 * tables (query width × pool size, a few MB) are reused rather than allocated per query. They are laid out query
 * column by query column, each a run over the whole pool, so that scoring vectorises. Each pmf entry is the
 * pool weight 1/poolSize added once per pool column in that bin, looked up by count
 * ({@link TargetColumns#repeatedWeight}): the very sum a column-by-column accumulation gives.
 */
final class QueryProfile {

    private final TargetColumns targets;
    private final ColumnSimilarity similarity;
    private final int bins;
    private Motif query;
    private int width;
    private int poolSize;
    /** scores[i * poolSize + j]: query column i against pool column j. */
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
        poolSize = targets.poolSize();
        int cells = width * poolSize;
        if (scores.length < cells) {
            scores = new double[cells];
            binned = new int[cells];
        }
        double[][] pool = targets.byBase();
        for (int i = 0; i < width; i++) {
            similarity.scoreColumns(columns[i], pool, scores, i * poolSize);
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cells; k++) {
            lowest = Math.min(lowest, scores[k]);
            highest = Math.max(highest, scores[k]);
        }
        grid = new ScoreGrid(lowest, highest, bins);
        pmf = new double[width][];
        median = new double[width];
        int[] counts = new int[bins + 1];
        for (int i = 0; i < width; i++) {
            java.util.Arrays.fill(counts, 0);
            grid.binAll(scores, i * poolSize, (i + 1) * poolSize, binned, counts);
            pmf[i] = new double[bins + 1];
            for (int bin = 0; bin <= bins; bin++) {
                pmf[i][bin] = targets.repeatedWeight(counts[bin]);
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
        return width;
    }

    double score(int queryColumn, int poolColumn) {
        return scores[queryColumn * poolSize + poolColumn];
    }

    int bin(int queryColumn, int poolColumn) {
        return binned[queryColumn * poolSize + poolColumn];
    }

    /** The score table, [queryColumn * poolSize + poolColumn] (shared, not a copy: for the alignment loop). */
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
