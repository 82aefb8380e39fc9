package org.regulens.motifs;

import java.nio.file.Path;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzFile;

/**
 * One-hot sequences and hypothetical contributions for motif discovery, both held as [example][base][position]
 * (N × 4 × L) float arrays. Read from {@code regulens attribute} output (arrays x, hyp, index) or from
 * tfmodisco-lite-style files (one array arr_0 each: contributions in one file, one-hot in another), in N × 4 × L
 * or N × L × 4 layout. Actual contributions are hypothetical × one-hot.
 */
public final class ContributionScores {

    private final int examples;
    private final int length;
    /** The base at each [example·L + position]: 0..3 for A, C, G, T, −1 for none (1/16 of the one-hot floats). */
    private final byte[] bases;
    private final float[] hypothetical;
    private final long[] dataRows;

    ContributionScores(int examples, int length, float[] oneHot, float[] hypothetical, long[] dataRows) {
        this.examples = examples;
        this.length = length;
        this.bases = bases(examples, length, oneHot);
        this.hypothetical = hypothetical;
        this.dataRows = dataRows;
    }

    /**
     * Reads {@code attributions}; {@code sequences} (may be null) holds the one-hot sequences when the
     * attributions file has none (tfmodisco-lite style, array arr_0).
     */
    public static ContributionScores read(Path attributions, Path sequences) {
        Layout hyp;
        Layout x;
        long[] rows = null;
        try (NpzFile npz = NpzFile.open(attributions)) {
            String hypName = npz.contains("hyp") ? "hyp" : npz.contains("arr_0") ? "arr_0" : null;
            if (hypName == null) {
                throw RegulensException.inFile(attributions,
                        "no contributions: expected an array 'hyp' (regulens attribute) or 'arr_0' (tfmodisco-lite style)");
            }
            hyp = Layout.of(attributions, hypName, npz.read(hypName));
            if (sequences == null) {
                if (!npz.contains("x")) {
                    throw RegulensException.inFile(attributions,
                            "no one-hot sequences in the file (array 'x'); give them with --sequences OHE.npz");
                }
                x = Layout.of(attributions, "x", npz.read("x"));
            } else {
                x = null;
            }
            if (npz.contains("index")) {
                rows = npz.read("index").asLongs();
            }
        }
        if (x == null) {
            try (NpzFile npz = NpzFile.open(sequences)) {
                String name = npz.contains("arr_0") ? "arr_0" : npz.contains("x") ? "x" : null;
                if (name == null) {
                    throw RegulensException.inFile(sequences, "no one-hot sequences: expected an array 'arr_0' or 'x'");
                }
                x = Layout.of(sequences, name, npz.read(name));
            }
        }
        if (x.examples != hyp.examples || x.length != hyp.length) {
            throw RegulensException.inFile(attributions, "contributions are " + hyp.examples + " × 4 × " + hyp.length
                    + " but the one-hot sequences are " + x.examples + " × 4 × " + x.length);
        }
        if (rows == null) {
            rows = new long[hyp.examples];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
        } else if (rows.length != hyp.examples) {
            throw RegulensException.atRecord(attributions, "index", "has " + rows.length + " entries for "
                    + hyp.examples + " examples");
        }
        requireOneHot(sequences == null ? attributions : sequences, x);
        return new ContributionScores(hyp.examples, hyp.length, x.values, hyp.values, rows);
    }

    private static void requireOneHot(Path file, Layout x) {
        int l = x.length;
        for (int i = 0; i < x.examples; i++) {
            for (int j = 0; j < l; j++) {
                float sum = 0;
                for (int b = 0; b < 4; b++) {
                    float v = x.values[(i * 4 + b) * l + j];
                    if (v != 0f && v != 1f) {
                        throw RegulensException.atRecord(file, "example " + i + ", position " + j,
                                "not one-hot (value " + v + ")");
                    }
                    sum += v;
                }
                if (sum > 1) {
                    throw RegulensException.atRecord(file, "example " + i + ", position " + j, "more than one base set");
                }
            }
        }
    }

    /** Base codes of checked one-hot [example][base][position] values (at most one base set per position). */
    private static byte[] bases(int examples, int length, float[] oneHot) {
        byte[] codes = new byte[examples * length];
        java.util.Arrays.fill(codes, (byte) -1);
        for (int i = 0; i < examples; i++) {
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < length; j++) {
                    if (oneHot[(i * 4 + b) * length + j] != 0) {
                        codes[i * length + j] = (byte) b;
                    }
                }
            }
        }
        return codes;
    }

    public int examples() {
        return examples;
    }

    public int length() {
        return length;
    }

    /** The data-set row of an example (the attribution file's index), or the example number itself. */
    public long dataRow(int example) {
        return dataRows[example];
    }

    public float oneHot(int example, int base, int position) {
        return bases[example * length + position] == base ? 1f : 0f;
    }

    public float hypothetical(int example, int base, int position) {
        return hypothetical[(example * 4 + base) * length + position];
    }

    /** The actual contribution of a base: hypothetical × one-hot. */
    public float actual(int example, int base, int position) {
        int k = (example * 4 + base) * length + position;
        return bases[example * length + position] == base ? hypothetical[k] : 0f;
    }

    /** Per-position actual contributions of one example, summed over bases. */
    public float[] track(int example) {
        float[] track = new float[length];
        for (int j = 0; j < length; j++) {
            int b = bases[example * length + j];
            if (b >= 0) {
                track[j] = hypothetical[(example * 4 + b) * length + j];
            }
        }
        return track;
    }

    /** An array read from an npz file, brought to N × 4 × L. */
    private record Layout(int examples, int length, float[] values) {

        static Layout of(Path file, String name, NpyArray array) {
            long[] shape = array.shape();
            if (shape.length != 3 || (shape[1] != 4 && shape[2] != 4)) {
                throw RegulensException.atRecord(file, name, "expected shape N × 4 × L or N × L × 4, got "
                        + java.util.Arrays.toString(shape));
            }
            if ((long) shape[0] * shape[1] * shape[2] > Integer.MAX_VALUE) {
                throw RegulensException.atRecord(file, name, "too large to hold in memory; split it with --shard");
            }
            int n = (int) shape[0];
            float[] values = array.asFloats();
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw RegulensException.atRecord(file, name, "holds NaN or infinite values");
                }
            }
            if (shape[1] == 4) {
                return new Layout(n, (int) shape[2], values);
            }
            int l = (int) shape[1];
            float[] transposed = new float[values.length];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < l; j++) {
                    for (int b = 0; b < 4; b++) {
                        transposed[(i * 4 + b) * l + j] = values[(i * l + j) * 4 + b];
                    }
                }
            }
            return new Layout(n, l, transposed);
        }
    }
}
