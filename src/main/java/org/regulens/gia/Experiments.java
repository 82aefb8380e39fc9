package org.regulens.gia;

import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of the GIA experiments (position, distance, multiplicity, flanks; GC content reuses the position
 * conditions on backgrounds of its own). Instances are given per background sample (the same instance in every
 * condition of a sample, so conditions differ only in the arrangement around it).
 */
public final class Experiments {

    private Experiments() {
    }

    /** One motif, forward strand, starting at each of {@code positions} (0-based). */
    public static List<Condition> positions(String label, List<byte[]> instances, List<Integer> positions) {
        return positions(label, instances, positions, List.of(false));
    }

    /**
     * One motif starting at each of {@code positions} (0-based), on each strand of {@code strands} (true: reverse
     * complement, written in the same place); strand-major order.
     */
    public static List<Condition> positions(String label, List<byte[]> instances, List<Integer> positions,
                                            List<Boolean> strands) {
        List<Condition> conditions = new ArrayList<>();
        for (boolean minus : strands) {
            for (int at : positions) {
                conditions.add(new Condition("pos=" + at, series(label, minus), at,
                        (i, background) -> Embedding.single(background, instances.get(i), at, minus)));
            }
        }
        return conditions;
    }

    /**
     * Multiplicity: 1..{@code maxCopies} copies of the motif at the starts {@code starts.get(i)} of sample i
     * (condition k uses the first k, so every count adds one copy to the previous count's); strand-major order.
     */
    public static List<Condition> copies(String label, List<byte[]> instances, List<int[]> starts, int maxCopies,
                                         List<Boolean> strands) {
        List<Condition> conditions = new ArrayList<>();
        for (boolean minus : strands) {
            for (int k = 1; k <= maxCopies; k++) {
                int count = k;
                conditions.add(new Condition("copies=" + k, series(label, minus), k, (i, background) -> {
                    byte[] result = background;
                    for (int c = 0; c < count; c++) {
                        result = Embedding.single(result, instances.get(i), starts.get(i)[c], minus);
                    }
                    return result;
                }));
            }
        }
        return conditions;
    }

    /**
     * Flanks: the motif at {@code at} with each pair of flanking k-mers written just left and right of it (as
     * given, on the forward strand whatever the motif's strand); x numbers the pairs from 0; strand-major order.
     */
    public static List<Condition> flanks(String label, List<byte[]> instances, int at, List<String[]> flanks,
                                         List<Boolean> strands) {
        List<Condition> conditions = new ArrayList<>();
        for (boolean minus : strands) {
            for (int f = 0; f < flanks.size(); f++) {
                byte[] left = flanks.get(f)[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] right = flanks.get(f)[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                conditions.add(new Condition("flank=" + flanks.get(f)[0] + "/" + flanks.get(f)[1], series(label, minus), f,
                        (i, background) -> {
                            byte[] motif = instances.get(i);
                            byte[] result = Embedding.single(background, motif, at, minus);
                            result = Embedding.single(result, left, at - left.length, false);
                            return Embedding.single(result, right, at + motif.length, false);
                        }));
            }
        }
        return conditions;
    }

    /**
     * GC content: per fraction, {@code samples} backgrounds generated at that GC ({@link GcBackground}, each
     * fraction from its own split of {@code random}, in order) with the motif at {@code at} on each strand;
     * conditions labelled {@code gc=F}, x the GC percent; the level's baseline rows (series "background") give
     * the backgrounds' own prediction.
     */
    public static List<GlobalImportance.Level> gc(String label, List<byte[]> instances, int at, List<Double> fractions,
                                                  List<Boolean> strands, int length, int samples,
                                                  java.util.SplittableRandom random) {
        List<GlobalImportance.Level> levels = new ArrayList<>();
        for (double fraction : fractions) {
            List<byte[]> generated = GcBackground.generate(length, samples, fraction, random.split());
            String name = "gc=" + fraction;
            int percent = (int) Math.round(fraction * 100);
            List<Condition> embedded = new ArrayList<>();
            for (Condition c : positions(label, instances, List.of(at), strands)) {
                embedded.add(new Condition(name, c.series(), percent, c.embed()));
            }
            levels.add(new GlobalImportance.Level(generated, new Condition(name, GcBackground.SERIES, percent, null),
                    embedded));
        }
        return levels;
    }

    /** The series of a single-motif curve: the motif's label, with " (-)" for its reverse complement. */
    static String series(String label, boolean minus) {
        return minus ? label + " (-)" : label;
    }

    /** {@code +}, {@code -} or {@code both}: the strands to embed (false = forward). */
    public static List<Boolean> parseStrand(String text) {
        return switch (text.strip()) {
            case "+" -> List.of(false);
            case "-" -> List.of(true);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--strand must be +, - or both; not '" + text + "'");
        };
    }

    /**
     * {@code K} (1 or 2): every pair of left and right k-mers (16^K), in A, C, G, T order, left-major; or a
     * comma-separated list of {@code LEFT/RIGHT} pairs of A/C/G/T bases (either side may be empty).
     */
    public static List<String[]> parseFlanks(String text) {
        String spec = text.strip();
        List<String[]> flanks = new ArrayList<>();
        if (spec.matches("[0-9]+")) {
            int k = Integer.parseInt(spec);
            if (k < 1 || k > 2) {
                throw new IllegalArgumentException("--flanks K: every pair of k-mers is 16^K conditions; K must be 1 "
                        + "or 2 (or give LEFT/RIGHT pairs), not " + k);
            }
            List<String> kmers = kmers(k);
            for (String left : kmers) {
                for (String right : kmers) {
                    flanks.add(new String[] {left, right});
                }
            }
            return flanks;
        }
        for (String part : spec.split(",", -1)) {
            String[] sides = part.strip().split("/", -1);
            if (sides.length != 2 || !sides[0].matches("[ACGT]*") || !sides[1].matches("[ACGT]*")) {
                throw new IllegalArgumentException("--flanks: '" + part.strip() + "' is not LEFT/RIGHT of A, C, G, T "
                        + "(e.g. AC/GT); give a list of pairs or K = 1 or 2 for every pair of k-mers");
            }
            flanks.add(sides);
        }
        return flanks;
    }

    static List<String> kmers(int k) {
        List<String> result = new ArrayList<>(List.of(""));
        for (int i = 0; i < k; i++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : result) {
                for (char b : "ACGT".toCharArray()) {
                    longer.add(prefix + b);
                }
            }
            result = longer;
        }
        return result;
    }

    /**
     * GC fractions: {@code FROM:TO:STEP} (inclusive, to 1e-9) or a comma-separated list, each in [0, 1]. Values
     * are rounded to 6 decimals so that 0.3 + 4 * 0.1 is 0.7.
     */
    public static List<Double> parseGc(String text) {
        String spec = text.strip();
        List<Double> values = new ArrayList<>();
        try {
            String[] parts = spec.split(":");
            if (parts.length == 3) {
                double from = Double.parseDouble(parts[0]);
                double to = Double.parseDouble(parts[1]);
                double step = Double.parseDouble(parts[2]);
                if (!(step > 0) || to < from) {
                    throw new IllegalArgumentException("--gc FROM:TO:STEP needs FROM <= TO and STEP > 0; not '" + text + "'");
                }
                for (int k = 0; from + k * step <= to + 1e-9; k++) {
                    values.add(Math.round((from + k * step) * 1e6) / 1e6);
                }
            } else if (parts.length == 1) {
                for (String part : spec.split(",")) {
                    values.add(Double.parseDouble(part.strip()));
                }
            } else {
                throw new IllegalArgumentException("--gc must be FROM:TO:STEP or a comma-separated list; not '" + text + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--gc must be FROM:TO:STEP or a comma-separated list of fractions; not '"
                    + text + "'");
        }
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("--gc: " + v + " is not a fraction in [0, 1]");
            }
        }
        return values;
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
