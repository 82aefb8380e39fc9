package org.regulens.motif;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads JASPAR count matrices. Each motif is a {@code >id name} header followed by four rows, one per base:
 * either labelled and bracketed ({@code A  [ 4 19 0 ]}, any order of the letters) or plain numbers in A, C, G, T
 * order. A file without any header holds one matrix (an old-style .pfm) whose id is supplied by the caller.
 */
final class JasparParser {

    private static final String BASES = "ACGT";

    private final MotifText text;
    private final String headerlessId;
    private final MotifCollector collector;

    /** One row as read: its line, its base (-1 when the row carries no letter) and its values. */
    private record Row(int index, int base, double[] values) {
    }

    private JasparParser(MotifText text, String headerlessId) {
        this.text = text;
        this.headerlessId = headerlessId;
        this.collector = new MotifCollector(text);
    }

    /** @param headerlessId the id for a matrix that has no header line (the file name's stem) */
    static List<Motif> parse(MotifText text, String headerlessId) {
        return new JasparParser(text, headerlessId).parseAll();
    }

    private List<Motif> parseAll() {
        int start = -1; // line of the current motif's header (or first row when it has none)
        String id = null;
        String name = "";
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.line(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(">")) {
                if (id != null) {
                    finish(start, id, name, rows);
                }
                String[] header = line.substring(1).strip().split("\\s+", 2);
                if (header[0].isEmpty()) {
                    throw text.error(i, "JASPAR header has no motif id");
                }
                start = i;
                id = header[0];
                name = header.length > 1 ? header[1].strip() : "";
                rows = new ArrayList<>();
                continue;
            }
            if (id == null) {
                start = i;
                id = headerlessId;
                name = "";
            }
            if (rows.size() == 4) {
                throw text.error(i, "motif " + id + " has more than 4 rows (A, C, G, T); missing '>' header?");
            }
            rows.add(parseRow(line, i));
        }
        if (id != null) {
            finish(start, id, name, rows);
        }
        return collector.motifs();
    }

    private Row parseRow(String line, int index) {
        int base = -1;
        String rest = line;
        if (line.length() > 1 && BASES.indexOf(Character.toUpperCase(line.charAt(0))) >= 0
                && (Character.isWhitespace(line.charAt(1)) || line.charAt(1) == '[' || line.charAt(1) == ':')) {
            base = BASES.indexOf(Character.toUpperCase(line.charAt(0)));
            rest = line.substring(line.charAt(1) == ':' ? 2 : 1).strip();
        }
        boolean open = rest.startsWith("[");
        boolean close = rest.endsWith("]");
        if (open != close || (open && rest.length() < 2)) {
            throw text.error(index, "unbalanced brackets in matrix row");
        }
        if (open) {
            rest = rest.substring(1, rest.length() - 1);
        }
        String[] tokens = MotifText.tokens(rest);
        if (base < 0 && tokens.length > 0 && !MotifText.isNumber(tokens[0])) {
            throw text.error(index, "expected a '>' header or a row of counts (like 'A [ 1 2 3 ]'), found '"
                    + MotifText.abbreviate(line) + "'");
        }
        double[] values = new double[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            values[k] = text.entry(tokens[k], index);
        }
        return new Row(index, base, values);
    }

    private void finish(int start, String id, String name, List<Row> rows) {
        if (rows.size() != 4) {
            throw text.error(start, "motif " + id + " has " + rows.size() + " rows; expected 4 (A, C, G, T)");
        }
        boolean lettered = rows.get(0).base() >= 0;
        int width = rows.get(0).values().length;
        Row[] byBase = new Row[4];
        for (int r = 0; r < 4; r++) {
            Row row = rows.get(r);
            if ((row.base() >= 0) != lettered) {
                throw text.error(row.index(), "motif " + id + ": rows must all start with a base letter or none may");
            }
            int base = lettered ? row.base() : r;
            if (byBase[base] != null) {
                throw text.error(row.index(), "motif " + id + ": base " + BASES.charAt(base) + " appears twice");
            }
            byBase[base] = row;
            if (row.values().length != width) {
                throw text.error(row.index(), "motif " + id + ": row has " + row.values().length
                        + " values, expected " + width + " like line " + (rows.get(0).index() + 1));
            }
        }
        if (width == 0) {
            throw text.error(start, "motif " + id + " has a matrix of zero width");
        }
        double[][] counts = new double[width][4];
        for (int b = 0; b < 4; b++) {
            for (int pos = 0; pos < width; pos++) {
                counts[pos][b] = byBase[b].values()[pos];
            }
        }
        collector.add(Motif.fromCounts(id, name, counts), start);
    }
}
