package org.regulens.mirna;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.regulens.core.Shuffle;

/**
 * Holds out part of a pair table for validation (early stopping), drawn from a seed. {@code pair}: a random share
 * of the positives and the same share of the negatives. {@code family}: whole miRNA families (miRNAs sharing the seed,
 * nucleotides 2–8) until the share is reached, so validation miRNAs are unseen in training — harsher, and closer to
 * predicting for a new miRNA.
 */
public final class ValidationSplit {

    public static final String BY_PAIR = "pair";
    public static final String BY_FAMILY = "family";

    private ValidationSplit() {
    }

    /** Split codes per row: 0 train, 1 validation. */
    public static byte[] of(PairTable table, double fraction, String by, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return BY_FAMILY.equals(by) ? byFamily(table, fraction, random) : byPair(table, fraction, random);
    }

    private static byte[] byPair(PairTable table, double fraction, SplittableRandom random) {
        byte[] split = new byte[table.size()];
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            (table.label(i) > 0.5f ? positives : negatives).add(i);
        }
        for (List<Integer> rows : List.of(positives, negatives)) {
            Shuffle.list(rows, random);
            int count = (int) Math.round(fraction * rows.size());
            for (int k = 0; k < count; k++) {
                split[rows.get(k)] = 1;
            }
        }
        return split;
    }

    private static byte[] byFamily(PairTable table, double fraction, SplittableRandom random) {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < table.size(); i++) {
            families.computeIfAbsent(family(table.mirna(i)), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(families.values());
        Shuffle.list(groups, random);
        byte[] split = new byte[table.size()];
        long wanted = Math.round(fraction * table.size());
        long taken = 0;
        for (List<Integer> group : groups) {
            if (taken >= wanted) {
                break;
            }
            for (int row : group) {
                split[row] = 1;
            }
            taken += group.size();
        }
        return split;
    }

    /** A miRNA's family: its seed, nucleotides 2–8 from the 5' end. */
    public static String family(String mirna) {
        return mirna.substring(1, Math.min(8, mirna.length()));
    }
}
