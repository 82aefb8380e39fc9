package org.regulens.core;

import java.io.PrintStream;

/**
 * Progress of long work: a bar redrawn in place when standard error is a terminal, otherwise a log line at most
 * every {@link #LOG_INTERVAL_NANOS} (pipelines and Galaxy capture stderr to files, where a bar would be noise).
 */
public final class Progress implements AutoCloseable {

    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final long BAR_INTERVAL_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long total;
    private final String unit;
    private final boolean bar;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastShownNanos = startNanos;
    private long lastShownDone = -1;

    /**
     * @param total the amount of work, or a value &lt;= 0 when unknown
     */
    public Progress(String label, long total, String unit) {
        this(label, total, unit, System.console() != null && !Log.isQuiet());
    }

    Progress(String label, long total, String unit, boolean bar) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.bar = bar;
    }

    public void advance(long amount) {
        done += amount;
        long now = System.nanoTime();
        long interval = bar ? BAR_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
        if (now - lastShownNanos >= interval) {
            lastShownNanos = now;
            show(now, false);
        }
    }

    public long done() {
        return done;
    }

    private void show(long now, boolean last) {
        if (Log.isQuiet()) {
            return;
        }
        lastShownDone = done;
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format("%,.0f %s/s", done / seconds, unit);
        PrintStream out = Log.stream();
        if (bar) {
            String counts;
            String drawn;
            if (total > 0) {
                double fraction = Math.min(1.0, (double) done / total);
                int filled = (int) Math.round(fraction * BAR_WIDTH);
                drawn = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] ";
                counts = String.format("%,d/%,d %s", done, total, unit);
            } else {
                drawn = "";
                counts = String.format("%,d %s", done, unit);
            }
            out.print("\r" + label + " " + drawn + counts + " (" + rate + ")" + (last ? "\n" : ""));
            out.flush();
        } else if (total > 0) {
            Log.info("%s: %,d/%,d %s (%.0f%%, %s)", label, done, total, unit, 100.0 * done / total, rate);
        } else {
            Log.info("%s: %,d %s (%s)", label, done, unit, rate);
        }
    }

    /** Shows the final state, unless a log line already did. */
    @Override
    public void close() {
        if (bar || done != lastShownDone) {
            show(System.nanoTime(), true);
        }
    }
}
