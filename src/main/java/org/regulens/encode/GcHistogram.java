package org.regulens.encode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.regulens.core.Log;

/** GC distributions of positive and negative rows in 5% bins, reported so users can see the match. */
final class GcHistogram {

    static final int BINS = 20;
    private final long[] positives = new long[BINS];
    private final long[] negatives = new long[BINS];

    void add(double gc, boolean positive) {
        if (Double.isNaN(gc)) {
            return;
        }
        int bin = Math.min(BINS - 1, (int) (gc * BINS));
        (positive ? positives : negatives)[bin]++;
    }

    /** Largest difference between the positives' and negatives' share of any bin. */
    double maxShareDifference() {
        long p = sum(positives);
        long n = sum(negatives);
        if (p == 0 || n == 0) {
            return Double.NaN;
        }
        double max = 0;
        for (int b = 0; b < BINS; b++) {
            max = Math.max(max, Math.abs((double) positives[b] / p - (double) negatives[b] / n));
        }
        return max;
    }

    void log() {
        long p = sum(positives);
        long n = sum(negatives);
        if (p == 0) {
            return;
        }
        Log.info("GC content     positives  negatives");
        for (int b = 0; b < BINS; b++) {
            if (positives[b] + negatives[b] > 0) {
                Log.info("  %.2f-%.2f   %8.3f   %8.3f", b / (double) BINS, (b + 1) / (double) BINS,
                        (double) positives[b] / p, n == 0 ? 0.0 : (double) negatives[b] / n);
            }
        }
        if (n > 0) {
            Log.info("largest difference in the share of a GC bin: %.3f", maxShareDifference());
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bin_width", 1.0 / BINS);
        map.put("positives", positives.clone());
        map.put("negatives", negatives.clone());
        map.put("max_share_difference", maxShareDifference());
        return map;
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GcHistogram(max difference %.3f)", maxShareDifference());
    }
}
