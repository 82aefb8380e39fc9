package org.regulens.evaluate;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Pearson's r and Spearman's ρ (ties ranked by their average) of two paired samples, each with a two-sided p-value
 * from Student's t with n − 2 degrees of freedom, t = r·√((n − 2)/(1 − r²)) (for ρ an approximation, good from
 * about n = 10).
 */
public record Correlation(int n, double pearson, double pearsonP, double spearman, double spearmanP) {

    /** Needs at least 3 pairs; NaN statistics when either sample is constant. */
    public static Correlation of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException("need at least 3 paired values, got " + Math.min(x.length, y.length));
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        double rho = new SpearmansCorrelation().correlation(x, y);
        return new Correlation(x.length, r, pValue(r, x.length), rho, pValue(rho, x.length));
    }

    static double pValue(double r, int n) {
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * new TDistribution(n - 2).cumulativeProbability(-t);
    }
}
