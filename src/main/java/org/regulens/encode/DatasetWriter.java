package org.regulens.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regulens.io.Json;
import org.regulens.io.npz.ArraySink;
import org.regulens.io.npz.DType;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzWriter;
import org.regulens.seq.Dna;
import org.regulens.seq.OneHot;

/**
 * Streams rows of a data set into the npz layout every later stage reads:
 * {@code x} uint8 N×4×L one-hot (A, C, G, T; all-zero for N), {@code y} float32 N×T (NaN = masked),
 * {@code split} int8 (0 train, 1 valid, 2 test), {@code tasks} (T strings), {@code names} (N strings),
 * {@code gc} float32, {@code source} int8 ({@link Source}), {@code meta} (a JSON string) and, for genomic
 * windows, {@code chrom}, {@code start}, {@code end} (0-based, half-open) and {@code strand} ("+" or "-").
 * Numeric arrays are spooled to disk as rows come; only the string arrays stay in memory until the end.
 */
final class DatasetWriter implements AutoCloseable {

    private final NpzWriter npz;
    private final int width;
    private final List<String> taskNames;
    private final boolean genomic;
    private final ArraySink x;
    private final ArraySink y;
    private final ArraySink split;
    private final ArraySink gc;
    private final ArraySink source;
    private final ArraySink start;
    private final ArraySink end;
    private final byte[] row;
    private final List<String> names = new ArrayList<>();
    private final List<String> chroms = new ArrayList<>();
    private final List<String> strands = new ArrayList<>();
    private final long[] perSplit = new long[3];
    private final long[] positivesPerTask;
    private final GcHistogram histogram = new GcHistogram();

    DatasetWriter(Path out, List<String> taskNames, int width, boolean genomic) {
        this.npz = NpzWriter.create(out);
        this.width = width;
        this.taskNames = List.copyOf(taskNames);
        this.genomic = genomic;
        this.row = new byte[4 * width];
        try {
            // Every per-row array is spooled to disk as rows come, so memory does not grow with N (but for names).
            this.x = npz.beginArray("x", DType.UINT8, 4, width);
            this.y = npz.beginArray("y", DType.FLOAT32, taskNames.size());
            this.split = npz.beginArray("split", DType.INT8);
            this.gc = npz.beginArray("gc", DType.FLOAT32);
            this.source = npz.beginArray("source", DType.INT8);
            this.start = genomic ? npz.beginArray("start", DType.INT64) : null;
            this.end = genomic ? npz.beginArray("end", DType.INT64) : null;
        } catch (RuntimeException e) {
            npz.close();
            throw e;
        }
        this.positivesPerTask = new long[taskNames.size()];
    }

    /** Adds one row; {@code sequence[from, from + width)} must hold normalised (upper-case) letters. */
    void add(byte[] sequence, int from, float[] labels, Split rowSplit, String name, Source rowSource, String chrom,
             long rowStart, char strand) {
        OneHot.encode(sequence, from, width, row, 0);
        x.writeRow(row);
        y.writeRow(labels);
        boolean positive = false;
        for (int t = 0; t < labels.length; t++) {
            if (labels[t] > 0) {
                positive = true;
                positivesPerTask[t]++;
            }
        }
        double fraction = Dna.gcFraction(sequence, from, from + width);
        gc.writeRow(new float[] {(float) fraction});
        histogram.add(fraction, positive);
        split.writeRow(new byte[] {rowSplit.code});
        source.writeRow(new byte[] {rowSource.code});
        perSplit[rowSplit.code]++;
        names.add(name);
        if (genomic) {
            chroms.add(chrom);
            start.writeRow(new long[] {rowStart});
            end.writeRow(new long[] {rowStart + width});
            strands.add(String.valueOf(strand));
        }
    }

    long rows() {
        return names.size();
    }

    long[] rowsPerSplit() {
        return perSplit.clone();
    }

    long[] positivesPerTask() {
        return positivesPerTask.clone();
    }

    GcHistogram gcHistogram() {
        return histogram;
    }

    /** Writes the remaining arrays and the metadata, then renames the file into place. */
    void commit(Map<String, Object> meta) {
        npz.write("tasks", NpyArray.ofStrings(taskNames.toArray(String[]::new)));
        npz.write("names", NpyArray.ofStrings(names.toArray(String[]::new)));
        if (genomic) {
            npz.write("chrom", NpyArray.ofStrings(chroms.toArray(String[]::new)));
            npz.write("strand", NpyArray.ofStrings(strands.toArray(String[]::new)));
        }
        npz.write("meta", NpyArray.ofString(Json.write(meta)));
        npz.commit();
    }

    @Override
    public void close() {
        npz.close();
    }
}
