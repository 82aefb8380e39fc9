package org.regulens.data;

/**
 * Operations on one-hot rows stored row-major as 4×L floats (channel b, position j at b·L + j): reverse
 * complement (A↔T, C↔G, positions reversed) and shifts that fill the vacated end with N (zeros).
 */
public final class OneHotBatch {

    private OneHotBatch() {
    }

    /** Writes the reverse complement of row {@code src[from, from + 4L)} into {@code dst[to, to + 4L)}. */
    public static void reverseComplement(float[] src, int from, float[] dst, int to, int length) {
        for (int b = 0; b < 4; b++) {
            int complement = 3 - b; // A C G T -> T G C A
            for (int j = 0; j < length; j++) {
                dst[to + complement * length + (length - 1 - j)] = src[from + b * length + j];
            }
        }
    }

    /** The reverse complements of {@code n} consecutive rows starting at {@code src[from]}, as a new array. */
    public static float[] reverseComplement(float[] src, int from, int n, int length) {
        float[] rc = new float[n * 4 * length];
        for (int i = 0; i < n; i++) {
            reverseComplement(src, from + i * 4 * length, rc, i * 4 * length, length);
        }
        return rc;
    }

    /** Shifts a row by {@code shift} positions (positive: towards the end), filling with zeros. */
    public static void shift(float[] src, int from, float[] dst, int to, int length, int shift) {
        for (int b = 0; b < 4; b++) {
            for (int j = 0; j < length; j++) {
                int source = j - shift;
                dst[to + b * length + j] = source >= 0 && source < length ? src[from + b * length + source] : 0f;
            }
        }
    }
}
