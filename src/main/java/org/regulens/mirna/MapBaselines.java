package org.regulens.mirna;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.regulens.attribute.References;
import org.regulens.seq.DinucleotideShuffle;

/**
 * Baseline maps for integrated gradients on interaction maps.
 * <ul>
 * <li>{@value #FLOOR}: of {@code candidates} maps of the miRNA facing dinucleotide shuffles of its target plus the
 *     empty map (no pairing: what a target mismatched at every position gives), the {@code count} the model scores
 *     lowest, ties to the earlier candidate (the empty map is candidate 0). Attributions then explain the logit down
 *     to near the model's floor, so a predicted binder's total attribution is positive even when a shuffle of its
 *     target keeps the site (a shuffle that keeps a seed match scores as high as the pair, and a baseline like that
 *     leaves the seed nothing to explain).</li>
 * <li>{@value #SHUFFLED}: the first {@code count} shuffles, whatever they score (the pairing a random site with the
 *     same composition offers).</li>
 * <li>{@value #EMPTY}: the empty map alone.</li>
 * </ul>
 * Shuffles depend only on the seed and the pair's row, as DNA references do, so a pair gets the same baselines in
 * any batch.
 */
final class MapBaselines {

    static final String FLOOR = "floor";
    static final String SHUFFLED = "shuffled";
    static final String EMPTY = "empty";

    /** Candidate maps scored per forward call (whole pairs' worth). */
    private static final int SCORED_PER_CALL = 512;

    private final InteractionMap encoding;
    private final String kind;
    private final int count;
    private final int candidates;
    private final long seed;

    /**
     * @param kind       {@value #FLOOR}, {@value #SHUFFLED} or {@value #EMPTY}
     * @param count      baselines per pair (1 for {@value #EMPTY})
     * @param candidates shuffles scored per pair for {@value #FLOOR} (the empty map comes on top); at least count − 1
     */
    MapBaselines(InteractionMap encoding, String kind, int count, int candidates, long seed) {
        check(kind);
        if (count < 1 || (kind.equals(FLOOR) && candidates + 1 < count)) {
            throw new IllegalArgumentException("need at least 1 baseline, chosen from at least as many candidates "
                    + "(the empty map and " + candidates + " shuffles for " + count + " baselines)");
        }
        this.encoding = encoding;
        this.kind = kind;
        this.count = kind.equals(EMPTY) ? 1 : count;
        this.candidates = candidates;
        this.seed = seed;
    }

    /** Refuses anything but {@value #FLOOR}, {@value #SHUFFLED} and {@value #EMPTY}. */
    static String check(String kind) {
        if (!kind.equals(FLOOR) && !kind.equals(SHUFFLED) && !kind.equals(EMPTY)) {
            throw new IllegalArgumentException("unknown baseline '" + kind + "'; choose floor, shuffled or empty");
        }
        return kind;
    }

    /** Baselines per pair. */
    int count() {
        return count;
    }

    /** count() maps for each pair of rows [from, to), pair-major; {@code model} scores floor candidates. */
    float[] of(PairTable table, int from, int to, MapFunction model) {
        int size = encoding.size();
        float[] out = new float[(to - from) * count * size];
        if (!kind.equals(FLOOR)) {
            for (int row = from; row < to; row++) {
                fill(table.mirna(row), table.target(row), row, model, out, (row - from) * count * size);
            }
            return out;
        }
        // the candidates of several pairs per forward call: one call per pair is slow
        int perCall = Math.max(1, SCORED_PER_CALL / (candidates + 1));
        for (int group = from; group < to; group += perCall) {
            int pairs = Math.min(perCall, to - group);
            float[] maps = new float[pairs * (candidates + 1) * size];
            for (int p = 0; p < pairs; p++) {
                float[] one = candidateMaps(table.mirna(group + p), table.target(group + p), group + p);
                System.arraycopy(one, 0, maps, p * one.length, one.length);
            }
            float[] logits = model.logits(maps, pairs * (candidates + 1));
            for (int p = 0; p < pairs; p++) {
                int[] lowest = lowest(Arrays.copyOfRange(logits, p * (candidates + 1), (p + 1) * (candidates + 1)), count);
                for (int r = 0; r < count; r++) {
                    System.arraycopy(maps, (p * (candidates + 1) + lowest[r]) * size, out,
                            ((group - from + p) * count + r) * size, size);
                }
            }
        }
        return out;
    }

    /** count() maps for one pair, written from {@code offset}; {@code row} seeds the shuffles. */
    void fill(String mirna, String target, long row, MapFunction model, float[] out, int offset) {
        int size = encoding.size();
        switch (kind) {
            case EMPTY -> Arrays.fill(out, offset, offset + size, 0f);
            case SHUFFLED -> {
                String[] shuffles = shuffles(target, row, count);
                for (int r = 0; r < count; r++) {
                    encoding.encode(mirna, shuffles[r], out, offset + r * size);
                }
            }
            default -> {
                float[] maps = candidateMaps(mirna, target, row);
                int[] lowest = lowest(model.logits(maps, candidates + 1), count);
                for (int r = 0; r < count; r++) {
                    System.arraycopy(maps, lowest[r] * size, out, offset + r * size, size);
                }
            }
        }
    }

    /** The floor rule's candidates for one pair: the empty map, then the maps of its target's shuffles. */
    float[] candidateMaps(String mirna, String target, long row) {
        int size = encoding.size();
        float[] maps = new float[(candidates + 1) * size];
        String[] shuffles = shuffles(target, row, candidates);
        for (int r = 0; r < candidates; r++) {
            encoding.encode(mirna, shuffles[r], maps, (r + 1) * size);
        }
        return maps;
    }

    /** {@code n} dinucleotide shuffles of a target, seeded by the row; the first k are the same for any n ≥ k. */
    String[] shuffles(String target, long row, int n) {
        SplittableRandom random = References.rowRandom(seed, row);
        byte[] bases = target.getBytes(StandardCharsets.US_ASCII);
        String[] out = new String[n];
        for (int r = 0; r < n; r++) {
            out[r] = new String(DinucleotideShuffle.shuffle(bases, random), StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** Indices of the k smallest logits, smallest first, ties to the lower index. */
    static int[] lowest(float[] logits, int k) {
        return IntStream.range(0, logits.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> logits[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
