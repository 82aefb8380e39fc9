package org.regulens.seq;

/**
 * One-hot encoding in the channel-first layout every regulens array uses: 4 rows (A, C, G, T) × L columns,
 * row-major, so base {@code j} of row {@code b} is element {@code b * L + j}. Non-ACGT bases are all-zero columns.
 */
public final class OneHot {

    private OneHot() {
    }

    /** Encodes {@code sequence[from, from + length)} into {@code out[offset, offset + 4 * length)} as 0/1 bytes. */
    public static void encode(byte[] sequence, int from, int length, byte[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + 4 * length, (byte) 0);
        for (int j = 0; j < length; j++) {
            int index = Dna.index(sequence[from + j]);
            if (index >= 0) {
                out[offset + index * length + j] = 1;
            }
        }
    }

    public static byte[] encode(byte[] sequence) {
        byte[] out = new byte[4 * sequence.length];
        encode(sequence, 0, sequence.length, out, 0);
        return out;
    }

    /** Decodes a 4×L one-hot (any numeric values; the largest of a column wins, all-zero gives N). */
    public static byte[] decode(float[] oneHot, int offset, int length) {
        byte[] sequence = new byte[length];
        for (int j = 0; j < length; j++) {
            int best = -1;
            float bestValue = 0;
            for (int b = 0; b < 4; b++) {
                float v = oneHot[offset + b * length + j];
                if (v > bestValue) {
                    bestValue = v;
                    best = b;
                }
            }
            sequence[j] = best < 0 ? (byte) 'N' : Dna.letter(best);
        }
        return sequence;
    }
}
