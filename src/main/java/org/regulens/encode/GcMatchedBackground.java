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
 * outside the excluded intervals (peaks, blacklist, positive windows) and not overlapping one another are binned by GC as finely as the width allows (one bin per possible
 * G+C count, at most 1,001 bins), then each positive takes an unused window from its own bin (or the nearest
 * non-empty one), so that positives and negatives fall on the same side of any coarser bin edge. Drawing {@value #CANDIDATES_PER_NEGATIVE} candidates
 * per wanted negative keeps the bins of unusual GC (CpG islands) from running dry.
 */
final class GcMatchedBackground {

    /** Random draws per wanted negative; draws that hit excluded regions or N-rich windows are discarded. */
    static final int CANDIDATES_PER_NEGATIVE = 20;
    private static final int MAX_BINS = 1001;

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
            return new ArrayList<>();
        }
        int binCount = Math.min(width, MAX_BINS - 1) + 1;
        List<List<Integer>> bins = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
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
            bins.get(bin((double) counts[0] / counts[1], binCount)).add(start);
        }
        List<Integer> chosen = new ArrayList<>(targets.length);
        // Chosen negatives do not overlap one another (no near-duplicate rows).
        java.util.BitSet used = new java.util.BitSet(sequence.length);
        for (double gc : targets) {
            int start = -1;
            while (start < 0) {
                List<Integer> bin = nearestNonEmpty(bins, bin(gc, binCount));
                if (bin == null) {
                    return chosen;
                }
                int pick = random.nextInt(bin.size());
                int candidate = bin.get(pick);
                bin.set(pick, bin.get(bin.size() - 1));
                bin.remove(bin.size() - 1);
                int next = used.nextSetBit(candidate);
                if (next < 0 || next >= candidate + width) {
                    start = candidate;
                }
            }
            used.set(start, start + width);
            chosen.add(start);
        }
        return chosen;
    }

    private static int bin(double gc, int binCount) {
        return (int) Math.round(gc * (binCount - 1));
    }

    private static List<Integer> nearestNonEmpty(List<List<Integer>> bins, int centre) {
        for (int d = 0; d < bins.size(); d++) {
            if (centre - d >= 0 && !bins.get(centre - d).isEmpty()) {
                return bins.get(centre - d);
            }
            if (centre + d < bins.size() && !bins.get(centre + d).isEmpty()) {
                return bins.get(centre + d);
            }
        }
        return null;
    }
}
