package org.regulens.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpyHeader;
import org.regulens.io.npz.NpzFile;

/**
 * A data set written by {@code encode} (or any npz with the same arrays): one-hot {@code x} N×4×L (uint8 or
 * float32), labels {@code y} N×T, {@code split}, {@code tasks}, {@code names}. Labels, splits and names are read
 * at once (a few bytes a row); one-hot rows are read on demand, so the data set may be larger than memory.
 */
public final class TrainingData implements TrainingSet, AutoCloseable {

    private final Path file;
    private final NpzFile npz;
    private final long rows;
    private final int length;
    private final List<String> tasks;
    private final float[] labels;
    private final byte[] splits;
    private final String[] names;

    private TrainingData(Path file, NpzFile npz, long rows, int length, List<String> tasks, float[] labels,
                         byte[] splits, String[] names) {
        this.file = file;
        this.npz = npz;
        this.rows = rows;
        this.length = length;
        this.tasks = tasks;
        this.labels = labels;
        this.splits = splits;
        this.names = names;
    }

    /**
     * @param needLabels whether {@code y} and {@code tasks} must be present (training, evaluation)
     */
    public static TrainingData open(Path file, boolean needLabels) {
        NpzFile npz = NpzFile.open(file);
        try {
            if (!npz.contains("x")) {
                throw RegulensException.atRecord(file, "x", "missing: a data set needs the one-hot array x (N x 4 x L)");
            }
            NpyHeader x = npz.header("x");
            long[] shape = x.shape();
            if (shape.length != 3 || shape[1] != 4) {
                throw RegulensException.atRecord(file, "x", "shape " + Arrays.toString(shape)
                        + " is not N x 4 x L (channels A, C, G, T)");
            }
            long n = shape[0];
            int length = Math.toIntExact(shape[2]);
            List<String> tasks = List.of();
            float[] labels = null;
            if (npz.contains("y")) {
                NpyArray y = npz.read("y");
                long[] yShape = y.shape();
                if (yShape.length != 2 || yShape[0] != n) {
                    throw RegulensException.atRecord(file, "y", "shape " + Arrays.toString(yShape)
                            + " does not match " + n + " rows of x");
                }
                labels = y.asFloats();
                requireBinary(file, labels, (int) yShape[1]);
                tasks = npz.contains("tasks") ? List.of(npz.read("tasks").asStrings()) : defaultTasks((int) yShape[1]);
                if (tasks.size() != yShape[1]) {
                    throw RegulensException.atRecord(file, "tasks", tasks.size() + " names for " + yShape[1]
                            + " label columns");
                }
            } else if (needLabels) {
                throw RegulensException.atRecord(file, "y", "missing: labels are needed here");
            }
            byte[] splits = npz.contains("split") ? npz.read("split").asBytes() : new byte[(int) n];
            if (splits.length != n) {
                throw RegulensException.atRecord(file, "split", splits.length + " values for " + n + " rows");
            }
            requireSplitCodes(file, splits);
            String[] names = npz.contains("names") ? npz.read("names").asStrings() : defaultNames(n);
            if (names.length != n) {
                throw RegulensException.atRecord(file, "names", names.length + " values for " + n + " rows");
            }
            return new TrainingData(file, npz, n, length, tasks, labels, splits, names);
        } catch (RuntimeException e) {
            npz.close();
            throw e;
        }
    }

    /** Labels are 0, 1 or NaN (masked): the models here are binary classifiers. */
    private static void requireBinary(Path file, float[] labels, int tasks) {
        for (int i = 0; i < labels.length; i++) {
            float v = labels[i];
            if (v != 0f && v != 1f && !Float.isNaN(v)) {
                throw RegulensException.atRecord(file, "y", "row " + (i / tasks) + ", column " + (i % tasks)
                        + ": label " + v + " is not 0, 1 or NaN (masked)");
            }
        }
    }

    private static void requireSplitCodes(Path file, byte[] splits) {
        for (int i = 0; i < splits.length; i++) {
            if (splits[i] < 0 || splits[i] > 2) {
                throw RegulensException.atRecord(file, "split", "row " + i + ": code " + splits[i]
                        + " is not 0 (train), 1 (valid) or 2 (test)");
            }
        }
    }

    /** Each column of a row is one-hot (a single 1) or all zero (a base other than A, C, G, T). */
    private void requireOneHot(float[] x, long first, int count) {
        int size = 4 * length;
        for (int r = 0; r < count; r++) {
            for (int position = 0; position < length; position++) {
                float sum = 0;
                for (int base = 0; base < 4; base++) {
                    float v = x[r * size + base * length + position];
                    if (v != 0f && v != 1f) {
                        throw notOneHot(first + r, position, v);
                    }
                    sum += v;
                }
                if (sum > 1f) {
                    throw notOneHot(first + r, position, sum);
                }
            }
        }
    }

    private RegulensException notOneHot(long row, int position, float value) {
        return RegulensException.atRecord(file, "x", "row " + row + ", position " + position + ": value " + value
                + " is not one-hot (each column a single 1, or all 0 for N)");
    }

    private static List<String> defaultTasks(int count) {
        List<String> tasks = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            tasks.add("task" + t);
        }
        return tasks;
    }

    private static String[] defaultNames(long n) {
        String[] names = new String[(int) n];
        for (int i = 0; i < n; i++) {
            names[i] = "row" + i;
        }
        return names;
    }

    @Override
    public Path file() {
        return file;
    }

    public long rows() {
        return rows;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public List<String> tasks() {
        return tasks;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** Label of a row for a task (NaN = unknown). */
    @Override
    public float label(int row, int task) {
        return labels[row * tasks.size() + task];
    }

    public String name(int row) {
        return names[row];
    }

    public int split(int row) {
        return splits[row];
    }

    /** The split code of a name: train 0, valid 1, test 2, all -1; null for anything else. */
    public static Integer splitCode(String name) {
        return switch (name) {
            case "train" -> 0;
            case "valid" -> 1;
            case "test" -> 2;
            case "all" -> -1;
            default -> null;
        };
    }

    /** Row indices of a split (0 train, 1 valid, 2 test; -1 for all rows), ascending. */
    @Override
    public int[] rowsOf(int split) {
        int count = 0;
        for (byte s : splits) {
            if (split < 0 || s == split) {
                count++;
            }
        }
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < splits.length; i++) {
            if (split < 0 || splits[i] == split) {
                result[k++] = i;
            }
        }
        return result;
    }

    /** The rows streamed from the file in chunks ({@link BatchStream}). */
    @Override
    public BatchSource batches(int[] rows, int batchSize) {
        return new BatchStream(this, rows, batchSize);
    }

    /** One-hot rows [first, first + count) as floats, row-major 4×L per row. */
    public float[] oneHot(long first, int count) {
        float[] x = npz.readRows("x", first, count).asFloats();
        requireOneHot(x, first, count);
        return x;
    }

    @Override
    public void close() {
        npz.close();
    }
}
