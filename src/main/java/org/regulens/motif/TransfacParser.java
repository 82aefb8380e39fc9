package org.regulens.motif;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads TRANSFAC matrix records: two-letter line codes ({@code AC}, {@code ID}, {@code NA}, {@code XX}, ...), a
 * {@code P0} (or {@code PO}) line naming the A, C, G, T columns in any order, numbered count rows (optionally
 * followed by a consensus letter), and {@code //} closing the record. The id is the accession (AC) and the name
 * the ID line (or NA), as in JASPAR's TRANSFAC export; without AC the ID line is the id. Records without any of
 * AC, ID or a matrix (such as the {@code VV} header of TRANSFAC releases) are skipped.
 */
final class TransfacParser {

    private static final String BASES = "ACGT";

    private final MotifText text;
    private final MotifCollector collector;

    /** The record being read. */
    private int recordStart = -1;
    private int idLine = -1;
    private String accession;
    private String idValue;
    private String nameValue;
    private int matrixLine = -1;
    private int[] columnBase;
    private int firstLabel;
    private final List<double[]> rows = new ArrayList<>();

    private TransfacParser(MotifText text) {
        this.text = text;
        this.collector = new MotifCollector(text);
    }

    static List<Motif> parse(MotifText text) {
        return new TransfacParser(text).parseAll();
    }

    private List<Motif> parseAll() {
        boolean inMatrix = false;
        for (int i = 0; i < text.size(); i++) {
            String line = text.line(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (Character.isDigit(line.charAt(0))) {
                if (!inMatrix) {
                    throw text.error(i, "matrix row outside a P0 matrix");
                }
                addRow(line, i);
                continue;
            }
            inMatrix = false;
            if (line.startsWith("//")) {
                finishRecord();
                continue;
            }
            if (line.length() < 2 || !isCode(line) || (line.length() > 2 && !Character.isWhitespace(line.charAt(2)))) {
                throw text.error(i, "expected a TRANSFAC line (a two-letter code such as AC, ID, P0, XX, or //), found '"
                        + MotifText.abbreviate(line) + "'");
            }
            if (recordStart < 0) {
                recordStart = i;
            }
            String code = line.substring(0, 2);
            String value = line.substring(2).strip();
            switch (code) {
                case "AC" -> {
                    if (accession != null) {
                        throw text.error(i, "second AC line in one record; missing '//'?");
                    }
                    if (value.isEmpty()) {
                        throw text.error(i, "AC line has no accession");
                    }
                    accession = MotifText.tokens(value)[0];
                    idLine = i;
                }
                case "ID" -> {
                    if (!value.isEmpty()) {
                        idValue = value;
                        idLine = accession == null ? i : idLine;
                    }
                }
                case "NA" -> nameValue = value.isEmpty() ? nameValue : value;
                case "PO", "P0" -> {
                    readHeader(value, i);
                    inMatrix = true;
                }
                default -> {
                    // other fields (DE, BF, BA, CC, XX, ...) carry nothing a position matrix needs
                }
            }
        }
        finishRecord();
        return collector.motifs();
    }

    private static boolean isCode(String line) {
        return Character.isLetterOrDigit(line.charAt(0)) && Character.isLetterOrDigit(line.charAt(1))
                && Character.isUpperCase(line.charAt(0));
    }

    private void readHeader(String value, int index) {
        if (matrixLine >= 0) {
            throw text.error(index, "second P0 matrix in one record; missing '//'?");
        }
        String[] letters = MotifText.tokens(value);
        int[] bases = new int[letters.length];
        boolean[] seen = new boolean[4];
        boolean valid = letters.length == 4;
        for (int k = 0; valid && k < 4; k++) {
            int base = letters[k].length() == 1 ? BASES.indexOf(Character.toUpperCase(letters[k].charAt(0))) : -1;
            valid = base >= 0 && !seen[base];
            if (valid) {
                seen[base] = true;
                bases[k] = base;
            }
        }
        if (!valid) {
            throw text.error(index, "P0 line must name the columns A, C, G and T (in any order), found '" + value + "'");
        }
        matrixLine = index;
        columnBase = bases;
    }

    private void addRow(String line, int index) {
        String[] tokens = MotifText.tokens(line);
        String label = tokens[0];
        if (!label.chars().allMatch(Character::isDigit)) {
            throw text.error(index, "row number '" + label + "' is not a whole number");
        }
        int number = Integer.parseInt(label);
        if (rows.isEmpty()) {
            firstLabel = number;
        } else if (number != firstLabel + rows.size()) {
            throw text.error(index, "row numbered " + label + " where " + (firstLabel + rows.size()) + " was expected");
        }
        int values = tokens.length - 1;
        // TRANSFAC rows may end with a consensus letter: a fifth token that is not a number
        if (values == 5 && !MotifText.isNumber(tokens[5])) {
            values = 4;
        }
        if (values != 4) {
            throw text.error(index, "row has " + values + " values, expected 4 (one per column of the P0 line)");
        }
        double[] row = new double[4];
        for (int k = 0; k < 4; k++) {
            row[columnBase[k]] = text.entry(tokens[k + 1], index);
        }
        rows.add(row);
    }

    private void finishRecord() {
        if (recordStart >= 0 && (accession != null || idValue != null || matrixLine >= 0)) {
            String id = accession != null ? accession : idValue != null ? MotifText.tokens(idValue)[0] : null;
            if (id == null) {
                throw text.error(recordStart, "record has no AC or ID line");
            }
            if (matrixLine < 0) {
                throw text.error(recordStart, "record " + id + " has no P0 matrix");
            }
            if (rows.isEmpty()) {
                throw text.error(matrixLine, "motif " + id + " has a matrix of zero width");
            }
            String name = accession != null && idValue != null && !idValue.equals(accession) ? idValue
                    : nameValue != null ? nameValue : "";
            collector.add(Motif.fromCounts(id, name, rows.toArray(new double[0][])), idLine);
        }
        recordStart = -1;
        idLine = -1;
        accession = null;
        idValue = null;
        nameValue = null;
        matrixLine = -1;
        columnBase = null;
        rows.clear();
    }
}
