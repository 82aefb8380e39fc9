package org.regulens.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpzFile;

/**
 * The data set from {@code encode}: rows per split, positives and negatives per task, where rows came from, and the
 * GC content of positive versus negative rows (a GC-matched background should make the two histograms overlap).
 * Only the small per-row arrays are read, never the one-hot {@code x}.
 */
final class DatasetSection {

    static final String ID = "dataset";
    private static final String[] SPLITS = {"train", "valid", "test"};
    private static final String[] SOURCES = {"peak window", "GC-matched background", "shuffled", "table row"};
    private static final int GC_BINS = 20;

    /** What the report needs from a data set; {@code labels} is N×T row-major (NaN = masked). */
    record Dataset(Path file, List<String> tasks, String[] names, float[] labels, byte[] split, float[] gc,
                   byte[] source, String[] chrom, long[] start, long[] end) {
        int rows() {
            return names.length;
        }

        float label(int row, int task) {
            return labels == null ? Float.NaN : labels[row * tasks.size() + task];
        }

        boolean anyPositive(int row) {
            for (int t = 0; t < tasks.size(); t++) {
                if (label(row, t) > 0) {
                    return true;
                }
            }
            return false;
        }

        /** "chr1:100-300(+)" for genomic rows, else null. */
        String coordinates(int row) {
            return chrom == null ? null : chrom[row] + ":" + start[row] + "-" + end[row];
        }
    }

    private DatasetSection() {
    }

    static Dataset read(Path file) {
        try (NpzFile npz = NpzFile.open(file)) {
            if (!npz.contains("x")) {
                throw RegulensException.atRecord(file, "x", "missing: not a data set from encode");
            }
            long[] shape = npz.header("x").shape();
            if (shape.length != 3 || shape[1] != 4) {
                throw RegulensException.atRecord(file, "x", "shape " + Arrays.toString(shape) + " is not N x 4 x L");
            }
            int n = Math.toIntExact(shape[0]);
            List<String> tasks = npz.contains("tasks") ? List.of(npz.read("tasks").asStrings()) : List.of();
            float[] labels = null;
            if (npz.contains("y")) {
                labels = npz.read("y").asFloats();
                if (labels.length != (long) n * tasks.size()) {
                    throw RegulensException.atRecord(file, "y", labels.length + " values for " + n + " rows and "
                            + tasks.size() + " tasks");
                }
            }
            String[] names = npz.contains("names") ? npz.read("names").asStrings() : null;
            if (names == null) {
                names = new String[n];
                for (int i = 0; i < n; i++) {
                    names[i] = "row" + i;
                }
            }
            byte[] split = npz.contains("split") ? npz.read("split").asBytes() : new byte[n];
            float[] gc = npz.contains("gc") ? npz.read("gc").asFloats() : null;
            byte[] source = npz.contains("source") ? npz.read("source").asBytes() : null;
            String[] chrom = npz.contains("chrom") && npz.contains("start") && npz.contains("end")
                    ? npz.read("chrom").asStrings() : null;
            long[] start = chrom == null ? null : npz.read("start").asLongs();
            long[] end = chrom == null ? null : npz.read("end").asLongs();
            check(file, "names", names.length, n);
            check(file, "split", split.length, n);
            if (gc != null) {
                check(file, "gc", gc.length, n);
            }
            if (source != null) {
                check(file, "source", source.length, n);
            }
            if (chrom != null) {
                check(file, "chrom", chrom.length, n);
                check(file, "start", start.length, n);
                check(file, "end", end.length, n);
            }
            return new Dataset(file, tasks, names, labels, split, gc, source, chrom, start, end);
        }
    }

    private static void check(Path file, String array, int length, int rows) {
        if (length != rows) {
            throw RegulensException.atRecord(file, array, length + " values for " + rows + " rows of x");
        }
    }

    static String render(Dataset d) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Data set"));
        out.append("<p>").append(d.rows()).append(" rows, ").append(d.tasks().size()).append(" task(s).</p>\n");
        long[] rows = new long[3];
        long[] positives = new long[3];
        for (int r = 0; r < d.rows(); r++) {
            int s = d.split()[r];
            if (s >= 0 && s < 3) {
                rows[s]++;
                positives[s] += d.anyPositive(r) ? 1 : 0;
            }
        }
        List<String[]> splitRows = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            splitRows.add(new String[] {SPLITS[s], Long.toString(rows[s]), Long.toString(positives[s]),
                Long.toString(rows[s] - positives[s])});
        }
        out.append("<h3>Splits</h3>\n").append(Section.table("splits", new String[] {"split", "rows",
            "positive for any task", "negative for all tasks"}, splitRows));
        List<String[]> taskRows = new ArrayList<>();
        for (int t = 0; t < d.tasks().size(); t++) {
            long pos = 0;
            long neg = 0;
            long masked = 0;
            for (int r = 0; r < d.rows(); r++) {
                float v = d.label(r, t);
                if (Float.isNaN(v)) {
                    masked++;
                } else if (v > 0) {
                    pos++;
                } else {
                    neg++;
                }
            }
            taskRows.add(new String[] {Html.esc(d.tasks().get(t)), Long.toString(pos), Long.toString(neg),
                Long.toString(masked)});
        }
        out.append("<h3>Tasks</h3>\n").append(Section.table("tasks", new String[] {"task", "positives", "negatives",
            "masked"}, taskRows));
        if (d.source() != null) {
            long[] counts = new long[SOURCES.length];
            for (byte s : d.source()) {
                if (s >= 0 && s < SOURCES.length) {
                    counts[s]++;
                }
            }
            List<String[]> sourceRows = new ArrayList<>();
            for (int s = 0; s < SOURCES.length; s++) {
                if (counts[s] > 0) {
                    sourceRows.add(new String[] {SOURCES[s], Long.toString(counts[s])});
                }
            }
            out.append("<h3>Row sources</h3>\n").append(Section.table("sources", new String[] {"source", "rows"}, sourceRows));
        }
        if (d.gc() != null) {
            out.append("<h3>GC content: positives versus negatives</h3>\n").append(gcPlot(d));
        }
        return out.append(Section.close()).toString();
    }

    private static String gcPlot(Dataset d) {
        double[] pos = new double[GC_BINS];
        double[] neg = new double[GC_BINS];
        long nPos = 0;
        long nNeg = 0;
        for (int r = 0; r < d.rows(); r++) {
            int bin = Math.min(GC_BINS - 1, Math.max(0, (int) Math.floor(d.gc()[r] * GC_BINS)));
            if (d.anyPositive(r)) {
                pos[bin]++;
                nPos++;
            } else {
                neg[bin]++;
                nNeg++;
            }
        }
        double[] centres = new double[GC_BINS];
        double largest = 0;
        for (int b = 0; b < GC_BINS; b++) {
            centres[b] = (b + 0.5) / GC_BINS;
            pos[b] /= Math.max(1, nPos);
            neg[b] /= Math.max(1, nNeg);
            largest = Math.max(largest, Math.abs(pos[b] - neg[b]));
        }
        return new SvgLinePlot("gc-histogram", "GC fraction", "share of rows").xRange(0, 1).add("positives (" + nPos + ")", centres, pos)
                .add("negatives (" + nNeg + ")", centres, neg).render()
                + "\n<p>Largest difference in the share of a 5% GC bin: " + Html.num(largest) + ".</p>\n";
    }
}
