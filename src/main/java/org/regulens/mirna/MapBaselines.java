package org.regulens.mirna;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.regulens.attribute.References;
import org.regulens.seq.DinucleotideShuffle;

/**
 * Baseline maps for integrated gradients on interaction maps: "shuffled" pairs the miRNA with {@code count}
 * dinucleotide shuffles of its target (the pairing a random site with the same composition offers), "empty" is the
 * all-zero map (no pairing at all). Shuffles depend only on the seed and the pair's row, as DNA references do.
 */
final class MapBaselines {

    static final String SHUFFLED = "shuffled";
    static final String EMPTY = "empty";

    private final InteractionMap encoding;
    private final boolean shuffled;
    private final int count;
    private final long seed;

    /** @param shuffled shuffled-target baselines ({@code count} of them), else the one empty map */
    MapBaselines(InteractionMap encoding, boolean shuffled, int count, long seed) {
        this.encoding = encoding;
        this.shuffled = shuffled;
        this.count = shuffled ? count : 1;
        this.seed = seed;
    }

    /** Whether {@code kind} is {@value #SHUFFLED} (true) or {@value #EMPTY} (false); anything else is refused. */
    static boolean isShuffled(String kind) {
        if (!kind.equals(SHUFFLED) && !kind.equals(EMPTY)) {
            throw new IllegalArgumentException("unknown baseline '" + kind + "'; choose shuffled or empty");
        }
        return kind.equals(SHUFFLED);
    }

    /** Baselines per pair. */
    int count() {
        return count;
    }

    /** count() maps for each pair of rows [from, to), pair-major. */
    float[] of(PairTable table, int from, int to) {
        float[] out = new float[(to - from) * count * encoding.size()];
        if (!shuffled) {
            return out;
        }
        for (int row = from; row < to; row++) {
            fill(table.mirna(row), table.target(row), row, out, (row - from) * count * encoding.size());
        }
        return out;
    }

    /** count() maps for one pair, written from {@code offset}; {@code row} seeds the shuffles. */
    void fill(String mirna, String target, long row, float[] out, int offset) {
        if (!shuffled) {
            java.util.Arrays.fill(out, offset, offset + count * encoding.size(), 0f);
            return;
        }
        SplittableRandom random = References.rowRandom(seed, row);
        byte[] bases = target.getBytes(StandardCharsets.US_ASCII);
        for (int r = 0; r < count; r++) {
            String shuffle = new String(DinucleotideShuffle.shuffle(bases, random), StandardCharsets.US_ASCII);
            encoding.encode(mirna, shuffle, out, offset + r * encoding.size());
        }
    }
}
