package org.regulens.mirna;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans a long target (a 3'UTR or transcript) for one miRNA: a window of the model's target length slides with a
 * stride (the last window always ends at the target's end), each window gets a binding probability, runs of windows
 * at or above the threshold become peaks, and peaks whose gap is at most the merge distance are merged. Each peak is
 * narrowed to its best window (the highest score; the first on ties).
 */
public final class SiteScanner {

    /** Scores windows: the probabilities of {@code windows} (each exactly the window length) for one miRNA. */
    public interface WindowScorer {
        float[] score(String mirna, List<String> windows);
    }

    /** One window's score: the window covers [start, start + length) of the target. */
    public record Window(int start, float score) {
    }

    /** A binding-site peak: [start, end) of the target, its best window and score, and how many windows passed. */
    public record Peak(int start, int end, int siteStart, int siteEnd, float score, int windows) {
    }

    private final int length;
    private final int stride;
    private final double threshold;
    private final int mergeDistance;

    public SiteScanner(int length, int stride, double threshold, int mergeDistance) {
        if (length < 1 || stride < 1 || mergeDistance < 0) {
            throw new IllegalArgumentException("window length and stride must be positive, merge distance >= 0");
        }
        this.length = length;
        this.stride = stride;
        this.threshold = threshold;
        this.mergeDistance = mergeDistance;
    }

    /** Window starts for a target of {@code targetLength}: 0, stride, ..., and a last one ending at the end. */
    public List<Integer> starts(int targetLength) {
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s + length <= targetLength; s += stride) {
            starts.add(s);
        }
        int last = targetLength - length;
        if (last >= 0 && (starts.isEmpty() || starts.get(starts.size() - 1) != last)) {
            starts.add(last);
        }
        return starts;
    }

    /** Every window's score along {@code target}, scored in batches of {@code batch}. */
    public List<Window> windows(String mirna, String target, WindowScorer scorer, int batch) {
        List<Integer> starts = starts(target.length());
        List<Window> windows = new ArrayList<>(starts.size());
        for (int from = 0; from < starts.size(); from += batch) {
            int to = Math.min(starts.size(), from + batch);
            List<String> slices = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                slices.add(target.substring(starts.get(i), starts.get(i) + length));
            }
            float[] scores = scorer.score(mirna, slices);
            for (int i = from; i < to; i++) {
                windows.add(new Window(starts.get(i), scores[i - from]));
            }
        }
        return windows;
    }

    /** Peaks from window scores (in start order): runs at or above the threshold, merged across gaps ≤ the merge distance. */
    public List<Peak> peaks(List<Window> windows) {
        boolean[] called = new boolean[windows.size()];
        for (int i = 0; i < called.length; i++) {
            called[i] = windows.get(i).score() >= threshold;
        }
        return peaks(windows, called);
    }

    /** Peaks from windows (in start order) called by another rule: runs of called windows, merged as above. */
    public List<Peak> peaks(List<Window> windows, boolean[] called) {
        List<Peak> runs = new ArrayList<>();
        Peak open = null;
        int previousStart = Integer.MIN_VALUE;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            boolean passes = called[i];
            // consecutive windows (one stride apart, or the final shorter step) continue a run
            boolean adjacent = open != null && w.start() - previousStart <= stride;
            if (passes && adjacent) {
                open = w.score() > open.score()
                        ? new Peak(open.start(), w.start() + length, w.start(), w.start() + length, w.score(), open.windows() + 1)
                        : new Peak(open.start(), w.start() + length, open.siteStart(), open.siteEnd(), open.score(), open.windows() + 1);
            } else {
                if (open != null) {
                    runs.add(open);
                    open = null;
                }
                if (passes) {
                    open = new Peak(w.start(), w.start() + length, w.start(), w.start() + length, w.score(), 1);
                }
            }
            previousStart = w.start();
        }
        if (open != null) {
            runs.add(open);
        }
        return merged(runs);
    }

    private List<Peak> merged(List<Peak> runs) {
        List<Peak> out = new ArrayList<>();
        for (Peak p : runs) {
            Peak last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && p.start() - last.end() <= mergeDistance) {
                boolean better = p.score() > last.score();
                out.set(out.size() - 1, new Peak(last.start(), Math.max(last.end(), p.end()),
                        better ? p.siteStart() : last.siteStart(), better ? p.siteEnd() : last.siteEnd(),
                        Math.max(last.score(), p.score()), last.windows() + p.windows()));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
