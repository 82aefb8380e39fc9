package org.regulens.encode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.regulens.genome.IntervalSet;
import org.regulens.seq.Dna;

/**
 * Draws background windows from one chromosome whose GC distribution matches given positives: random windows
 * outside every peak and blacklisted region are binned by GC in 1% bins, then each positive takes an unused
 * window from its own bin (or the nearest non-empty one). Drawing {@value #CANDIDATES_PER_NEGATIVE} candidates
 * per wanted negative keeps the bins of unusual GC (CpG islands) from running dry.
 */
final class GcMatchedBackground {

    static final int CANDIDATES_PER_NEGATIVE = 20;
    private static final int BINS = 101;

    private GcMatchedBackground() {
    }

    /**
     * @param targets the GC of each negative to draw (positives' GC, repeated per the negative ratio)
     * @return window starts, one per target that could be matched
     */
    static List<Integer> sample(String chrom, byte[] sequence, int width, double[] targets, IntervalSet excluded,
                                int maxNonAcgt, SplittableRandom random) {
        int positions = sequence.length - width + 1;
        if (positions <= 0 || targets.length == 0) {
            return List.of();
        }
        List<List<Integer>> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            bins.add(new ArrayList<>());
        }
        Set<Integer> seen = new HashSet<>();
        long attempts = Math.min((long) CANDIDATES_PER_NEGATIVE * targets.length + 1000, 4L * positions);
        for (long a = 0; a < attempts; a++) {
            int start = random.nextInt(positions);
            if (!seen.add(start) || excluded.overlaps(chrom, start, start + width)) {
                continue;
            }
            int[] counts = Dna.gcCounts(sequence, start, start + width);
            if (width - counts[1] > maxNonAcgt || counts[1] == 0) {
                continue;
            }
            bins.get(bin((double) counts[0] / counts[1])).add(start);
        }
        List<Integer> chosen = new ArrayList<>(targets.length);
        for (double gc : targets) {
            List<Integer> bin = nearestNonEmpty(bins, bin(gc));
            if (bin == null) {
                break;
            }
            int pick = random.nextInt(bin.size());
            chosen.add(bin.get(pick));
            bin.set(pick, bin.get(bin.size() - 1));
            bin.remove(bin.size() - 1);
        }
        return chosen;
    }

    private static int bin(double gc) {
        return (int) Math.round(gc * (BINS - 1));
    }

    private static List<Integer> nearestNonEmpty(List<List<Integer>> bins, int centre) {
        for (int d = 0; d < BINS; d++) {
            if (centre - d >= 0 && !bins.get(centre - d).isEmpty()) {
                return bins.get(centre - d);
            }
            if (centre + d < BINS && !bins.get(centre + d).isEmpty()) {
                return bins.get(centre + d);
            }
        }
        return null;
    }
}
