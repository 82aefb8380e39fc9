package org.regulens.compare;

import org.regulens.motif.Background;
import org.regulens.motif.Motif;

/**
 * The probability columns a comparison uses for a motif: counts plus a pseudocount of {@value #PSEUDOCOUNT}
 * (a total, spread evenly over the bases, as {@link Motif#probabilities(double, double[])} applies it), so
 * that columns of few sites are pulled slightly towards uniform and no probability is exactly zero.
 */
final class MotifColumns {

    /** Total pseudocount per column, in sites. */
    static final double PSEUDOCOUNT = 0.1;

    private MotifColumns() {
    }

    /** The motif's probability columns, [position][base]. */
    static double[][] of(Motif motif) {
        return motif.probabilities(PSEUDOCOUNT, Background.uniform());
    }

    /** Each column {@link ColumnSimilarity#prepare prepared} for the similarity. */
    static double[][] prepared(Motif motif, ColumnSimilarity similarity) {
        double[][] columns = of(motif);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = similarity.prepare(columns[i]);
        }
        return columns;
    }

    /** Columns base by base: result[b][j] is base b of column j. */
    static double[][] byBase(double[][] columns) {
        double[][] bases = new double[4][columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int b = 0; b < 4; b++) {
                bases[b][j] = columns[j][b];
            }
        }
        return bases;
    }
}
