package org.regulens.attribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regulens.io.AtomicOutput;

/**
 * Per-base actual contributions (summed over the four channels) in genome coordinates, as a bedGraph sorted by
 * chromosome (in order of first appearance) and position. Windows on the minus strand are mapped back (position
 * j of the window is base end − 1 − j). Where windows overlap, a base gets the mean of their values; runs of
 * equal values are merged.
 */
public final class BedGraphWriter {

    /** One window's scores: window position j is genome base start + j (plus strand) or end − 1 − j (minus). */
    public record Window(String chrom, long start, long end, boolean minus, float[] scores) {
    }

    private BedGraphWriter() {
    }

    public static void write(Path path, String trackName, List<Window> windows) {
        Map<String, Integer> chromOrder = new HashMap<>();
        for (Window w : windows) {
            chromOrder.putIfAbsent(w.chrom(), chromOrder.size());
        }
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.<Window>comparingInt(w -> chromOrder.get(w.chrom())).thenComparingLong(Window::start));
        try (AtomicOutput output = AtomicOutput.create(path); Writer writer = output.writer()) {
            writer.write("track type=bedGraph name=\"" + trackName + "\"\n");
            int i = 0;
            while (i < sorted.size()) {
                // a cluster of overlapping windows on one chromosome
                Window first = sorted.get(i);
                long from = first.start();
                long to = first.end();
                int j = i + 1;
                while (j < sorted.size() && sorted.get(j).chrom().equals(first.chrom()) && sorted.get(j).start() < to) {
                    to = Math.max(to, sorted.get(j).end());
                    j++;
                }
                double[] sum = new double[(int) (to - from)];
                int[] count = new int[sum.length];
                for (int k = i; k < j; k++) {
                    Window w = sorted.get(k);
                    for (int p = 0; p < w.scores().length && p < w.end() - w.start(); p++) {
                        long base = w.minus() ? w.end() - 1 - p : w.start() + p;
                        sum[(int) (base - from)] += w.scores()[p];
                        count[(int) (base - from)]++;
                    }
                }
                emit(writer, first.chrom(), from, sum, count);
                i = j;
            }
            writer.close();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void emit(Writer writer, String chrom, long from, double[] sum, int[] count) throws IOException {
        int p = 0;
        while (p < sum.length) {
            if (count[p] == 0) {
                p++;
                continue;
            }
            float value = (float) (sum[p] / count[p]);
            int q = p + 1;
            while (q < sum.length && count[q] > 0 && (float) (sum[q] / count[q]) == value) {
                q++;
            }
            writer.write(chrom + "\t" + (from + p) + "\t" + (from + q) + "\t" + String.format(Locale.ROOT, "%.6g", value) + "\n");
            p = q;
        }
    }
}
