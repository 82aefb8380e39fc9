package org.regulens.genome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of genomic intervals, merged per chromosome into sorted disjoint runs so that "does anything cover this
 * base" and "does anything touch this window" are binary searches.
 */
public final class IntervalSet {

    private final Map<String, long[][]> runs;

    private IntervalSet(Map<String, long[][]> runs) {
        this.runs = runs;
    }

    public static IntervalSet empty() {
        return new IntervalSet(Map.of());
    }

    /** A builder: {@code add(chrom, start, end)} for 0-based half-open intervals, then {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public static IntervalSet ofPeaks(List<Peak> peaks) {
        Builder builder = builder();
        peaks.forEach(p -> builder.add(p.chrom(), p.start(), p.end()));
        return builder.build();
    }

    /** True when some interval covers base {@code position}. */
    public boolean contains(String chrom, long position) {
        return overlaps(chrom, position, position + 1);
    }

    /** True when some interval overlaps {@code [start, end)}. */
    public boolean overlaps(String chrom, long start, long end) {
        long[][] r = runs.get(chrom);
        if (r == null) {
            return false;
        }
        long[] starts = r[0];
        long[] ends = r[1];
        // The last run starting before `end` is the only candidate, because runs are disjoint and sorted.
        int i = Arrays.binarySearch(starts, end);
        int candidate = i >= 0 ? i - 1 : -i - 2;
        return candidate >= 0 && ends[candidate] > start;
    }

    /** Total bases covered on a chromosome. */
    public long coveredBases(String chrom) {
        long[][] r = runs.get(chrom);
        long total = 0;
        if (r != null) {
            for (int i = 0; i < r[0].length; i++) {
                total += r[1][i] - r[0][i];
            }
        }
        return total;
    }

    public static final class Builder {
        private final Map<String, List<long[]>> intervals = new HashMap<>();

        public Builder add(String chrom, long start, long end) {
            intervals.computeIfAbsent(chrom, c -> new ArrayList<>()).add(new long[] {start, end});
            return this;
        }

        public Builder addAll(IntervalSet other) {
            other.runs.forEach((chrom, r) -> {
                for (int i = 0; i < r[0].length; i++) {
                    add(chrom, r[0][i], r[1][i]);
                }
            });
            return this;
        }

        public IntervalSet build() {
            Map<String, long[][]> runs = new HashMap<>();
            intervals.forEach((chrom, list) -> {
                list.sort((a, b) -> Long.compare(a[0], b[0]));
                long[] starts = new long[list.size()];
                long[] ends = new long[list.size()];
                int n = 0;
                for (long[] interval : list) {
                    if (n > 0 && interval[0] <= ends[n - 1]) {
                        ends[n - 1] = Math.max(ends[n - 1], interval[1]);
                    } else {
                        starts[n] = interval[0];
                        ends[n] = interval[1];
                        n++;
                    }
                }
                runs.put(chrom, new long[][] {Arrays.copyOf(starts, n), Arrays.copyOf(ends, n)});
            });
            return new IntervalSet(runs);
        }
    }
}
