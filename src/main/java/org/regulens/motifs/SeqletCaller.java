package org.regulens.motifs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.regulens.core.Log;
import org.regulens.core.Shuffle;

/**
 * Finds seqlets: windows whose summed actual contribution is unusually high (or low).
 * <p>
 * The threshold comes from an empirical null: each example's per-position contributions are permuted (seeded), which
 * keeps their distribution but breaks the clustering into motifs, and the same window sums are taken. For each sign
 * the threshold is the lowest window sum t at which (null windows ≥ t) / (real windows ≥ t) ≤ the target FDR.
 * The number of passing windows per sign is then kept within [minimum, maximum] fractions of all windows. Within an
 * example, passing windows are taken strongest first (by absolute sum), and a window is skipped when its core
 * overlaps one already taken, so seqlet cores never overlap.
 */
public final class SeqletCaller {

    /** Thresholds found for one run: positive windows need sum ≥ positive, negative ones sum ≤ −negative. */
    public record Thresholds(double positive, double negative, long windows) {
    }

    private final DiscoverySettings settings;

    public SeqletCaller(DiscoverySettings settings) {
        this.settings = settings;
    }

    public Thresholds thresholds(ContributionScores scores) {
        int w = settings.window();
        int l = scores.length();
        int perExample = Math.max(0, l - w + 1);
        float[] real = new float[scores.examples() * perExample];
        float[] nulls = new float[real.length];
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = 0; i < scores.examples(); i++) {
            float[] track = scores.track(i);
            windowSums(track, w, real, i * perExample);
            int[] order = Shuffle.permutation(l, random);
            float[] permuted = new float[l];
            for (int j = 0; j < l; j++) {
                permuted[j] = track[order[j]];
            }
            windowSums(permuted, w, nulls, i * perExample);
        }
        double positive = threshold(real, nulls, 1);
        double negative = threshold(real, nulls, -1);
        Log.info("motifs: seqlet thresholds +%.4g / -%.4g (window %d, FDR %.2f, %,d windows)", positive, negative, w,
                settings.fdr(), real.length);
        return new Thresholds(positive, negative, real.length);
    }

    /** Window sums of {@code track} for every window wholly inside it, written from {@code into[at]}. */
    static void windowSums(float[] track, int w, float[] into, int at) {
        double sum = 0;
        for (int j = 0; j < track.length; j++) {
            sum += track[j];
            if (j >= w) {
                sum -= track[j - w];
            }
            if (j >= w - 1) {
                into[at + j - w + 1] = (float) sum;
            }
        }
    }

    private double threshold(float[] real, float[] nulls, int sign) {
        float[] r = signedDescending(real, sign);
        float[] q = signedDescending(nulls, sign);
        long total = real.length;
        int chosen = -1;
        int nullAbove = 0;
        for (int i = 0; i < r.length; i++) {
            while (nullAbove < q.length && q[nullAbove] >= r[i]) {
                nullAbove++;
            }
            if (nullAbove <= settings.fdr() * (i + 1)) {
                chosen = i;
            }
        }
        int most = (int) Math.min(r.length, Math.floor(settings.maxPassingFraction() * total));
        int fewest = (int) Math.min(r.length, Math.ceil(settings.minPassingFraction() * total));
        int passing = Math.max(Math.min(chosen + 1, most), fewest);
        return passing == 0 ? Double.POSITIVE_INFINITY : r[passing - 1];
    }

    /** Values of {@code sign} × v that are positive, largest first. */
    private static float[] signedDescending(float[] values, int sign) {
        float[] out = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (sign * v > 0) {
                out[n++] = sign * v;
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            float t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /**
     * Seqlets of both signs, at most {@link DiscoverySettings#maxSeqlets()} of each (the strongest), ordered by
     * example and position.
     */
    public List<Seqlet> call(ContributionScores scores, Thresholds thresholds) {
        int w = settings.window();
        int perExample = Math.max(0, scores.length() - w + 1);
        List<Seqlet> positive = new ArrayList<>();
        List<Seqlet> negative = new ArrayList<>();
        float[] sums = new float[perExample];
        for (int i = 0; i < scores.examples(); i++) {
            windowSums(scores.track(i), w, sums, 0);
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < perExample; j++) {
                if (sums[j] >= thresholds.positive() || -sums[j] >= thresholds.negative()) {
                    candidates.add(j);
                }
            }
            candidates.sort(Comparator.<Integer>comparingDouble(j -> -Math.abs(sums[j])).thenComparingInt(j -> j));
            List<Integer> taken = new ArrayList<>();
            for (int j : candidates) {
                if (taken.stream().noneMatch(t -> Math.abs(t - j) < w)) {
                    taken.add(j);
                    Seqlet seqlet = new Seqlet(i, j, w, sums[j]);
                    (sums[j] >= 0 ? positive : negative).add(seqlet);
                }
            }
        }
        List<Seqlet> all = new ArrayList<>(strongest(positive, "positive"));
        all.addAll(strongest(negative, "negative"));
        all.sort(Comparator.comparingInt(Seqlet::example).thenComparingInt(Seqlet::start));
        return all;
    }

    private List<Seqlet> strongest(List<Seqlet> seqlets, String what) {
        if (seqlets.size() <= settings.maxSeqlets()) {
            return seqlets;
        }
        Log.info("motifs: keeping the %,d strongest of %,d %s seqlets", settings.maxSeqlets(), seqlets.size(), what);
        List<Seqlet> sorted = new ArrayList<>(seqlets);
        sorted.sort(Comparator.<Seqlet>comparingDouble(s -> -Math.abs(s.score())).thenComparingInt(Seqlet::example)
                .thenComparingInt(Seqlet::start));
        return sorted.subList(0, settings.maxSeqlets());
    }
}
