package org.regulens.mirna;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.regulens.seq.DinucleotideShuffle;

/**
 * What one miRNA's window scores look like on random sequence of the targets' composition: the model's logits for
 * dinucleotide shuffles of windows drawn at random from the targets. A window's upper-tail p-value is the share of
 * null scores at or above its own while at least {@link #MIN_EXCEEDANCES} null scores reach it; beyond that, where a
 * few thousand null windows cannot resolve small p-values, an exponential tail is fitted to the top
 * {@link #TAIL} null scores (a generalised Pareto tail of shape 0, as in Knijnenburg et al. 2009), capped so that
 * p never rises with the score.
 */
final class WindowNull {

    /** Below this many null scores at or above a score, the fitted tail gives its p-value. */
    static final int MIN_EXCEEDANCES = 10;
    /** How many of the highest null scores the tail is fitted to. */
    static final int TAIL = 250;

    private final double[] sorted;
    private final double threshold;
    private final double scale;
    private final double tailShare;

    /** @param nullScores the null logits (at least {@link #TAIL}) */
    WindowNull(double[] nullScores) {
        if (nullScores.length < TAIL) {
            throw new IllegalArgumentException("the null needs at least " + TAIL + " scores, not " + nullScores.length);
        }
        sorted = nullScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        threshold = sorted[n - TAIL];
        double excess = 0;
        for (int i = n - TAIL; i < n; i++) {
            excess += sorted[i] - threshold;
        }
        // the maximum-likelihood scale of an exponential fitted to the excesses over the threshold
        scale = Math.max(excess / TAIL, 1e-9);
        tailShare = (double) TAIL / n;
    }

    /** The null scores of {@code count} shuffled windows of {@code length} nt drawn from the targets, seeded. */
    static WindowNull sample(String mirna, List<String> targets, int length, int count, int batch,
                             SiteScanner.WindowScorer logits, SplittableRandom random) {
        long[] cumulative = new long[targets.size()];
        long total = 0;
        for (int t = 0; t < targets.size(); t++) {
            total += Math.max(0, targets.get(t).length() - length + 1);
            cumulative[t] = total;
        }
        double[] scores = new double[count];
        List<String> windows = new ArrayList<>(batch);
        int done = 0;
        while (done < count) {
            windows.clear();
            int size = Math.min(batch, count - done);
            for (int i = 0; i < size; i++) {
                long pick = random.nextLong(total);
                int t = Arrays.binarySearch(cumulative, pick + 1);
                t = t >= 0 ? t : -t - 1;
                int start = (int) (pick - (t == 0 ? 0 : cumulative[t - 1]));
                byte[] window = targets.get(t).substring(start, start + length).getBytes(StandardCharsets.US_ASCII);
                windows.add(new String(DinucleotideShuffle.shuffle(window, random), StandardCharsets.US_ASCII));
            }
            float[] s = logits.score(mirna, windows);
            for (int i = 0; i < size; i++) {
                scores[done + i] = s[i];
            }
            done += size;
        }
        return new WindowNull(scores);
    }

    /** The upper-tail p-value of a score: P(null ≥ score). */
    double pValue(double score) {
        int n = sorted.length;
        int atOrAbove = n - lowerBound(score);
        double empirical = (atOrAbove + 1.0) / (n + 1.0);
        if (atOrAbove >= MIN_EXCEEDANCES) {
            return empirical;
        }
        double tail = tailShare * Math.exp(-(score - threshold) / scale);
        return Math.min(tail, (MIN_EXCEEDANCES + 1.0) / (n + 1.0));
    }

    /** How many null scores there are. */
    int size() {
        return sorted.length;
    }

    /** The null score at quantile q (0 to 1), for the log. */
    double quantile(double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** The first index whose null score is at least {@code score}. */
    private int lowerBound(double score) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
