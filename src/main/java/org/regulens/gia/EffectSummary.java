package org.regulens.gia;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Summary of the per-sequence effects of one condition: mean, median, sample standard deviation (n - 1), and a
 * percentile bootstrap 95% confidence interval of the mean.
 * The interval: {@code resamples} times, n indices drawn uniformly with replacement ({@code random.nextInt(n)},
 * in order) and their values averaged; the 2.5% and 97.5% quantiles of those means (linear interpolation between
 * order statistics, R's type 7, the same rule as the median).
 */
public record EffectSummary(int n, double mean, double median, double sd, double ciLow, double ciHigh) {

    public static EffectSummary of(double[] values, int resamples, SplittableRandom random) {
        int n = values.length;
        if (n == 0) {
            return new EffectSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sd = Double.NaN;
        if (n > 1) {
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            sd = Math.sqrt(squares / (n - 1));
        }
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double low = resamples == 0 ? Double.NaN : quantile(means, 0.025);
        double high = resamples == 0 ? Double.NaN : quantile(means, 0.975);
        return new EffectSummary(n, mean, quantile(sorted, 0.5), sd, low, high);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The p-quantile of ascending values: linear interpolation at (n - 1) p (type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
