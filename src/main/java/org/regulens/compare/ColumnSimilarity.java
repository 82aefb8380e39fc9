package org.regulens.compare;

/**
 * How alike two motif columns are: four probabilities each (A, C, G, T). Higher is more alike for every
 * measure. Columns are first {@link #prepare(double[]) prepared} so that the many scores of a comparison cost
 * a few multiplications each.
 */
public enum ColumnSimilarity {

    /** Pearson correlation of the two columns, in [-1, 1]; 0 when either column is flat (as TF-MoDISco reports). */
    PEARSON(-1, 1) {
        @Override
        double[] prepare(double[] column) {
            // centred and scaled to unit length: the correlation is then a dot product
            double mean = (column[0] + column[1] + column[2] + column[3]) / 4;
            double[] centred = new double[4];
            double norm = 0;
            for (int b = 0; b < 4; b++) {
                centred[b] = column[b] - mean;
                norm += centred[b] * centred[b];
            }
            if (norm <= 1e-24) {
                return new double[4]; // a flat column correlates with nothing
            }
            double scale = 1 / Math.sqrt(norm);
            for (int b = 0; b < 4; b++) {
                centred[b] *= scale;
            }
            return centred;
        }

        @Override
        double scorePrepared(double[] x, double[] y) {
            return x[0] * y[0] + x[1] * y[1] + x[2] * y[2] + x[3] * y[3];
        }

        @Override
        void scoreColumns(double[] x, double[][] pool, double[] out, int at) {
            double[] y0 = pool[0];
            double[] y1 = pool[1];
            double[] y2 = pool[2];
            double[] y3 = pool[3];
            double x0 = x[0];
            double x1 = x[1];
            double x2 = x[2];
            double x3 = x[3];
            for (int j = 0; j < y0.length; j++) {
                out[at + j] = x0 * y0[j] + x1 * y1[j] + x2 * y2[j] + x3 * y3[j];
            }
        }
    },

    /** Negative Euclidean distance, in [-√2, 0]. */
    EUCLIDEAN(-Math.sqrt(2), 0) {
        @Override
        double scorePrepared(double[] x, double[] y) {
            return -Math.sqrt(squaredDistance(x, y));
        }

        @Override
        void scoreColumns(double[] x, double[][] pool, double[] out, int at) {
            squaredDistances(x, pool, out, at);
            for (int j = at; j < at + pool[0].length; j++) {
                out[j] = -Math.sqrt(out[j]);
            }
        }
    },

    /** Sandelin–Wasserman (2004): 2 − Σ_b (p_b − q_b)², in [0, 2]. */
    SW(0, 2) {
        @Override
        double scorePrepared(double[] x, double[] y) {
            return 2 - squaredDistance(x, y);
        }

        @Override
        void scoreColumns(double[] x, double[][] pool, double[] out, int at) {
            squaredDistances(x, pool, out, at);
            for (int j = at; j < at + pool[0].length; j++) {
                out[j] = 2 - out[j];
            }
        }
    };

    private final double lowest;
    private final double highest;

    ColumnSimilarity(double lowest, double highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    /** The score of two probability columns. */
    public double score(double[] x, double[] y) {
        return scorePrepared(prepare(x), prepare(y));
    }

    /** The smallest score two probability columns can have. */
    public double lowest() {
        return lowest;
    }

    /** The largest score two probability columns can have (a column against itself). */
    public double highest() {
        return highest;
    }

    /** The column in the form {@link #scorePrepared} takes; a copy, never the argument. */
    double[] prepare(double[] column) {
        return column.clone();
    }

    abstract double scorePrepared(double[] x, double[] y);

    /**
     * Scores of prepared column {@code x} against every prepared pool column, the pool given base by base
     * (pool[b][j]: base b of column j), into out[at..at+columns): the same numbers as {@link #scorePrepared}, the
     * same operations in the same order, in a loop the JIT can vectorise.
     */
    abstract void scoreColumns(double[] x, double[][] pool, double[] out, int at);

    private static double squaredDistance(double[] x, double[] y) {
        double d0 = x[0] - y[0];
        double d1 = x[1] - y[1];
        double d2 = x[2] - y[2];
        double d3 = x[3] - y[3];
        return d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
    }

    /** Σ_b (x_b − y_b)² of x against every pool column, into out[at ...]: the pool is base-major (pool[b][j]). */
    static void squaredDistances(double[] x, double[][] pool, double[] out, int at) {
        double[] y0 = pool[0];
        double[] y1 = pool[1];
        double[] y2 = pool[2];
        double[] y3 = pool[3];
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        for (int j = 0; j < y0.length; j++) {
            double d0 = x0 - y0[j];
            double d1 = x1 - y1[j];
            double d2 = x2 - y2[j];
            double d3 = x3 - y3[j];
            out[at + j] = d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
        }
    }
}
