package org.regulens.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * windows, {@code chrom}, {@code start}, {@code end} (0-based, half-open) and {@code strand} ("+" or "-"). One-hot rows go to disk as they
 * come; the per-row scalars stay in memory (a few bytes a row).
 */
final class DatasetWriter implements AutoCloseable {

    private final NpzWriter npz;
    private final ArraySink x;
    private final int width;
    private final int tasks;
    private final List<String> taskNames;
    private final boolean genomic;
    private final byte[] row;
    private final FloatList labels = new FloatList();
    private final FloatList gc = new FloatList();
    private final ByteList splits = new ByteList();
    private final ByteList sources = new ByteList();
    private final List<String> names = new ArrayList<>();
    private final List<String> chroms = new ArrayList<>();
    private final LongList starts = new LongList();
    private final List<String> strands = new ArrayList<>();
    private final long[] perSplit = new long[3];
    private final long[] positivesPerTask;
    private final GcHistogram histogram = new GcHistogram();

    DatasetWriter(Path out, List<String> taskNames, int width, boolean genomic) {
        this.npz = NpzWriter.create(out);
        this.width = width;
        this.taskNames = List.copyOf(taskNames);
        this.tasks = taskNames.size();
        this.genomic = genomic;
        this.row = new byte[4 * width];
        this.x = npz.beginArray("x", DType.UINT8, 4, width);
        this.positivesPerTask = new long[tasks];
    }

    /** Adds one row; {@code sequence[from, from + width)} must hold normalised (upper-case) letters. */
    void add(byte[] sequence, int from, float[] y, Split split, String name, Source source, String chrom, long start,
             char strand) {
        OneHot.encode(sequence, from, width, row, 0);
        x.writeRow(row);
        boolean positive = false;
        for (int t = 0; t < tasks; t++) {
            labels.add(y[t]);
            if (y[t] > 0) {
                positive = true;
                positivesPerTask[t]++;
            }
        }
        double fraction = Dna.gcFraction(sequence, from, from + width);
        gc.add((float) fraction);
        histogram.add(fraction, positive);
        splits.add(split.code);
        sources.add(source.code);
        perSplit[split.code]++;
        names.add(name);
        if (genomic) {
            chroms.add(chrom);
            starts.add(start);
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
        long n = names.size();
        x.close();
        npz.write("y", NpyArray.ofFloats(labels.toArray(), n, tasks));
        npz.write("split", NpyArray.ofBytes(splits.toArray(), DType.INT8, n));
        npz.write("tasks", NpyArray.ofStrings(taskNames.toArray(String[]::new)));
        npz.write("names", NpyArray.ofStrings(names.toArray(String[]::new)));
        npz.write("gc", NpyArray.ofFloats(gc.toArray(), n));
        npz.write("source", NpyArray.ofBytes(sources.toArray(), DType.INT8, n));
        if (genomic) {
            long[] startArray = starts.toArray();
            long[] endArray = Arrays.stream(startArray).map(s -> s + width).toArray();
            npz.write("chrom", NpyArray.ofStrings(chroms.toArray(String[]::new)));
            npz.write("start", NpyArray.ofLongs(startArray, n));
            npz.write("end", NpyArray.ofLongs(endArray, n));
            npz.write("strand", NpyArray.ofStrings(strands.toArray(String[]::new)));
        }
        npz.write("meta", NpyArray.ofString(Json.write(meta)));
        npz.commit();
    }

    @Override
    public void close() {
        npz.close();
    }

    /** Growable primitive lists, so that a million rows cost bytes, not boxed objects. */
    private static final class FloatList {
        private float[] data = new float[1024];
        private int size;

        void add(float value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    private static final class ByteList {
        private byte[] data = new byte[1024];
        private int size;

        void add(byte value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    private static final class LongList {
        private long[] data = new long[1024];
        private int size;

        void add(long value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
