package org.regulens.mirna;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.io.Delimited;
import org.regulens.io.LineReader;

/**
 * Measured effects of substitutions (e.g. reporter assays of mutated sites), TSV or CSV with a header naming
 * {@code molecule} (target or mirna), {@code position} (1-based, 5'→3' on that molecule), {@code alt} (A, C, G, T/U)
 * and {@code effect} (a number), and {@code pair} (1-based row of the pair table; optional when it holds one pair).
 * Every problem is reported as {@code file:line: ...}.
 */
final class MeasuredEffects {

    private MeasuredEffects() {
    }

    /** Effects keyed by {@link Substitution#key()}. */
    static Map<String, Double> read(Path file, PairTable pairs) {
        Map<String, Double> effects = new HashMap<>();
        try (LineReader reader = new LineReader(file)) {
            String first = reader.next();
            if (first == null || first.isBlank()) {
                throw RegulensException.inFile(file, "empty: expected a header with molecule, position, alt, effect");
            }
            boolean csv = Delimited.isCsv(first);
            List<String> header = reader.fields(first, csv).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            int pair = header.indexOf("pair");
            int molecule = header.indexOf("molecule");
            int position = header.indexOf("position");
            int alt = header.indexOf("alt");
            int effect = header.indexOf("effect");
            if (molecule < 0 || position < 0 || alt < 0 || effect < 0) {
                throw reader.error("expected columns molecule, position, alt, effect (and pair), found: "
                        + String.join(", ", header));
            }
            if (pair < 0 && pairs.size() != 1) {
                throw reader.error("no 'pair' column, but " + pairs.file() + " holds " + pairs.size()
                        + " pairs: say which pair (1-based row) each effect belongs to");
            }
            String line;
            while ((line = reader.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = reader.fields(line, csv);
                if (f.size() != header.size()) {
                    throw reader.error(f.size() + " fields, but the header has " + header.size());
                }
                int row = pair < 0 ? 0 : integer(reader, "pair", f.get(pair)) - 1;
                if (row < 0 || row >= pairs.size()) {
                    throw reader.error("pair " + (row + 1) + " is not a row of " + pairs.file() + " (1–" + pairs.size() + ")");
                }
                Substitution.Molecule m = Substitution.Molecule.of(f.get(molecule));
                if (m == null) {
                    throw reader.error("molecule '" + f.get(molecule).trim() + "': expected target or mirna");
                }
                String sequence = m == Substitution.Molecule.TARGET ? pairs.target(row) : pairs.mirna(row);
                int at = integer(reader, "position", f.get(position)) - 1;
                int limit = m == Substitution.Molecule.TARGET ? sequence.length()
                        : Math.min(sequence.length(), InteractionMap.MIRNA_POSITIONS);
                if (at < 0 || at >= limit) {
                    throw reader.error("position " + (at + 1) + " is outside 1–" + limit + " of the " + m.label()
                            + (m == Substitution.Molecule.MIRNA ? " (the model reads its first " + InteractionMap.MIRNA_POSITIONS + " nt)" : ""));
                }
                char base = base(reader, f.get(alt));
                if (base == sequence.charAt(at)) {
                    throw reader.error("alt " + DuplexText.rna(base) + " at " + m.label() + " position " + (at + 1)
                            + " is the pair's own base, not a substitution");
                }
                double value;
                try {
                    value = Double.parseDouble(f.get(effect).trim());
                } catch (NumberFormatException e) {
                    throw reader.error("effect '" + f.get(effect).trim() + "' is not a number");
                }
                if (!Double.isFinite(value)) {
                    throw reader.error("effect '" + f.get(effect).trim() + "' is not a finite number");
                }
                String key = new Substitution(row, m, at, sequence.charAt(at), base).key();
                if (effects.put(key, value) != null) {
                    throw reader.error("a second effect for " + m.label() + " position " + (at + 1) + " to "
                            + DuplexText.rna(base) + " of pair " + (row + 1));
                }
            }
        }
        if (effects.isEmpty()) {
            throw RegulensException.inFile(file, "no effects after the header");
        }
        return effects;
    }

    private static int integer(LineReader reader, String what, String field) {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw reader.error(what + " '" + field.trim() + "' is not a whole number");
        }
    }

    private static char base(LineReader reader, String field) {
        String s = field.trim().toUpperCase(Locale.ROOT);
        if (s.length() == 1 && "ACGTU".contains(s)) {
            return s.charAt(0) == 'U' ? 'T' : s.charAt(0);
        }
        throw reader.error("alt '" + field.trim() + "': expected one of A, C, G, U (or T)");
    }
}
