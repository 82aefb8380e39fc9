package org.regulens.gia;

import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of the two GIA experiments. Instances are given per background sample (the same instance in
 * every condition of a sample, so conditions differ only in where the motif sits).
 */
public final class Experiments {

    private Experiments() {
    }

    /** One motif, forward strand, starting at each of {@code positions} (0-based). */
    public static List<Condition> positions(String label, List<byte[]> instances, List<Integer> positions) {
        List<Condition> conditions = new ArrayList<>();
        for (int at : positions) {
            conditions.add(new Condition("pos=" + at, label, at,
                    (i, background) -> Embedding.single(background, instances.get(i), at, false)));
        }
        return conditions;
    }

    /** Two motifs, centred as a pair, at every gap for every orientation (orientation-major order). */
    public static List<Condition> distances(List<byte[]> first, List<byte[]> second, List<Integer> gaps,
                                            List<String> orientations) {
        List<Condition> conditions = new ArrayList<>();
        for (String orientation : orientations) {
            for (int gap : gaps) {
                conditions.add(new Condition(orientation + " gap=" + gap, orientation, gap,
                        (i, background) -> Embedding.pair(background, first.get(i), second.get(i), gap, orientation)));
            }
        }
        return conditions;
    }

    /** {@code center}, {@code all} (0..L-w) or a comma-separated list of 0-based starts, each checked to fit. */
    public static List<Integer> parsePositions(String text, int length, int width) {
        List<Integer> positions = new ArrayList<>();
        String spec = text.strip();
        if (spec.equals("center") || spec.equals("centre")) {
            positions.add(Embedding.centre(length, width));
        } else if (spec.equals("all")) {
            for (int at = 0; at <= length - width; at++) {
                positions.add(at);
            }
        } else {
            for (String part : spec.split(",")) {
                int at;
                try {
                    at = Integer.parseInt(part.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--positions: '" + part.strip()
                            + "' is not center, all or a 0-based position");
                }
                if (at < 0 || at > length - width) {
                    throw new IllegalArgumentException("--positions: a " + width + "-base motif at " + at
                            + " does not fit in " + length + " bases (0.." + (length - width) + ")");
                }
                positions.add(at);
            }
        }
        return positions;
    }

    /** {@code FROM:TO:STEP} (inclusive) or a single gap. */
    public static List<Integer> parseRange(String text) {
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 1) {
                return List.of(Integer.parseInt(parts[0]));
            }
            if (parts.length == 3) {
                int from = Integer.parseInt(parts[0]);
                int to = Integer.parseInt(parts[1]);
                int step = Integer.parseInt(parts[2]);
                if (from >= 0 && to >= from && step > 0) {
                    List<Integer> values = new ArrayList<>();
                    for (int v = from; v <= to; v += step) {
                        values.add(v);
                    }
                    return values;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--distances must be FROM:TO:STEP with 0 <= FROM <= TO and STEP > 0, "
                + "or one gap; not '" + text + "'");
    }
}
