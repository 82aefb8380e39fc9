package org.regulens.attribute;

import java.util.Locale;
import java.util.SplittableRandom;
import org.regulens.seq.DinucleotideShuffle;
import org.regulens.seq.OneHot;

/**
 * Reference inputs (baselines) for integrated gradients and DeepLIFT: all zeros, the uniform 0.25 background,
 * or dinucleotide shuffles of the input. Random draws depend only on the seed and the row's index in the data
 * set, so a sharded run gives exactly the rows an unsharded run gives.
 */
public enum References {
    ZEROS, UNIFORM, SHUFFLE;

    public static References parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown baseline '" + name + "'; choose zeros, uniform or shuffle");
        }
    }

    /** The random stream of one data-set row: depends only on the seed and the row, not on batching or sharding. */
    public static SplittableRandom rowRandom(long seed, long row) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
    }

    /** {@code count} references for row {@code x[offset, offset + 4L)}, written as consecutive rows into {@code out}. */
    void fill(float[] x, int offset, int length, long seed, long row, int count, float[] out, int outOffset) {
        SplittableRandom random = rowRandom(seed, row);
        byte[] sequence = this == SHUFFLE ? OneHot.decode(x, offset, length) : null;
        for (int r = 0; r < count; r++) {
            int to = outOffset + r * 4 * length;
            switch (this) {
                case ZEROS -> java.util.Arrays.fill(out, to, to + 4 * length, 0f);
                case UNIFORM -> java.util.Arrays.fill(out, to, to + 4 * length, 0.25f);
                case SHUFFLE -> {
                    byte[] oneHot = OneHot.encode(DinucleotideShuffle.shuffle(sequence, random));
                    for (int i = 0; i < 4 * length; i++) {
                        out[to + i] = oneHot[i];
                    }
                }
            }
        }
    }
}
