package org.regulens.mirna;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.io.Delimited;
import org.regulens.io.LineReader;

/**
 * A table of miRNA:target-site pairs, TSV or CSV (plain or gzip) with a header naming the columns: the miRNA
 * ({@code miRNA} or {@code noncodingRNA}), the target site ({@code gene}, {@code target} or {@code target_site}) and,
 * optionally, a 0/1 {@code label} (the CLASH format {@code miRNA gene label} of miRBind). Sequences may be DNA or RNA,
 * any case; they are kept normalised to upper-case ACGT (U read as T). Every other column is kept for output. Bad
 * rows are refused with {@code file:line:} messages.
 */
public final class PairTable {

    /** Shortest miRNA accepted: a seed (2–8) and some 3' pairing. */
    public static final int MIN_MIRNA = 15;
    /** Longest miRNA accepted; mature miRNAs are 17–25 nt, anything longer is probably not one. */
    public static final int MAX_MIRNA = 30;

    private static final Set<String> MIRNA_NAMES = Set.of("mirna", "noncodingrna", "mirna_sequence");
    private static final Set<String> TARGET_NAMES = Set.of("gene", "target", "target_site", "site");

    private final Path file;
    private final List<String> header;
    private final List<List<String>> rows;
    private final List<String> mirnas;
    private final List<String> targets;
    private final float[] labels;

    private PairTable(Path file, List<String> header, List<List<String>> rows, List<String> mirnas,
                      List<String> targets, float[] labels) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.mirnas = mirnas;
        this.targets = targets;
        this.labels = labels;
    }

    /**
     * @param needLabels   whether a {@code label} column of 0/1 is required (training)
     * @param targetLength the target-site length the model takes; shorter sites are refused, and so (until targets
     *                     are scanned) are longer ones
     */
    public static PairTable read(Path file, boolean needLabels, int targetLength) {
        try (LineReader reader = new LineReader(file)) {
            String first = reader.next();
            if (first == null || first.isBlank()) {
                throw RegulensException.inFile(file, "empty: expected a header naming the miRNA and target columns "
                        + "(miRNA, gene[, label])");
            }
            boolean csv = Delimited.isCsv(first);
            List<String> header = reader.fields(first, csv);
            int mirnaColumn = column(header, MIRNA_NAMES);
            int targetColumn = column(header, TARGET_NAMES);
            int labelColumn = column(header, Set.of("label"));
            if (mirnaColumn < 0 || targetColumn < 0) {
                throw reader.error("expected a header naming the miRNA column (miRNA or noncodingRNA) and the target "
                        + "column (gene, target or target_site), found: " + String.join(", ", header));
            }
            if (needLabels && labelColumn < 0) {
                throw reader.error("no 'label' column: this command needs labels (1 = binding pair, 0 = not)");
            }
            List<List<String>> rows = new ArrayList<>();
            List<String> mirnas = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            List<Float> labels = new ArrayList<>();
            String line;
            while ((line = reader.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = reader.fields(line, csv);
                if (fields.size() != header.size()) {
                    throw reader.error(fields.size() + " fields, but the header has " + header.size());
                }
                String mirna = sequence(reader, "miRNA", fields.get(mirnaColumn));
                if (mirna.length() < MIN_MIRNA || mirna.length() > MAX_MIRNA) {
                    throw reader.error("miRNA of " + mirna.length() + " nt: expected " + MIN_MIRNA + "–" + MAX_MIRNA
                            + " nt (the first " + InteractionMap.MIRNA_POSITIONS + " are used)");
                }
                String target = sequence(reader, "target site", fields.get(targetColumn));
                if (target.length() < targetLength) {
                    throw reader.error("target site of " + target.length() + " nt is shorter than the "
                            + targetLength + "-nt window");
                }
                if (target.length() > targetLength) {
                    throw reader.error("target site of " + target.length() + " nt: only " + targetLength
                            + "-nt sites are scored here; scan longer targets with 'regulens mirna scan'");
                }
                if (labelColumn >= 0) {
                    labels.add(label(reader, fields.get(labelColumn).trim(), needLabels));
                }
                rows.add(fields);
                mirnas.add(mirna);
                targets.add(target);
            }
            if (rows.isEmpty()) {
                throw RegulensException.inFile(file, "no pairs after the header");
            }
            float[] labelArray = null;
            if (labelColumn >= 0) {
                labelArray = new float[labels.size()];
                for (int i = 0; i < labelArray.length; i++) {
                    labelArray[i] = labels.get(i);
                }
            }
            PairTable table = new PairTable(file, header, rows, mirnas, targets, labelArray);
            warnAboutTruncation(file, mirnas);
            return table;
        }
    }

    /**
     * Says how many miRNAs lose their 3' end: the interaction map has {@link InteractionMap#MIRNA_POSITIONS} rows,
     * and eCLIP-style sets carry miRNAs of up to {@link #MAX_MIRNA} nt.
     */
    static void warnAboutTruncation(Path file, List<String> mirnas) {
        Set<String> distinct = new HashSet<>(mirnas);
        long truncated = distinct.stream().filter(m -> m.length() > InteractionMap.MIRNA_POSITIONS).count();
        if (truncated > 0) {
            Log.warn("%s: %,d of %,d distinct miRNAs are longer than %d nt; the model reads only their first %d nt",
                    file, truncated, distinct.size(), InteractionMap.MIRNA_POSITIONS, InteractionMap.MIRNA_POSITIONS);
        }
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** Upper-case ACGT with U read as T; anything else is an error naming the letter and its position. */
    static String sequence(LineReader reader, String what, String field) {
        String s = field.trim();
        if (s.isEmpty()) {
            throw reader.error("empty " + what + " field");
        }
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toUpperCase(s.charAt(i));
            switch (c) {
                case 'A', 'C', 'G', 'T' -> out[i] = c;
                case 'U' -> out[i] = 'T';
                default -> throw reader.error(what + " has '" + s.charAt(i) + "' at position " + (i + 1)
                        + ": only A, C, G, T and U are allowed");
            }
        }
        return new String(out);
    }

    private static float label(LineReader reader, String field, boolean needLabels) {
        if (field.isEmpty()) {
            if (needLabels) {
                throw reader.error("empty label field (expected 0 or 1)");
            }
            return Float.NaN;
        }
        try {
            double value = Double.parseDouble(field);
            if (value == 0 || value == 1) {
                return (float) value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (needLabels) {
            throw reader.error("label '" + field + "' is not 0 or 1");
        }
        return Float.NaN; // predict passes labels through and does not use them
    }

    public Path file() {
        return file;
    }

    /** The header's column names, as in the file. */
    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    /** A row's fields, as in the file. */
    public List<String> fields(int row) {
        return rows.get(row);
    }

    /** A row's miRNA, normalised (upper case, T for U), full length. */
    public String mirna(int row) {
        return mirnas.get(row);
    }

    /** A row's target site, normalised, 5'→3'. */
    public String target(int row) {
        return targets.get(row);
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** A row's label: 1, 0, or NaN when unknown. */
    public float label(int row) {
        return labels == null ? Float.NaN : labels[row];
    }

}
