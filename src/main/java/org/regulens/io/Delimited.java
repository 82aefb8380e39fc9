package org.regulens.io;

import java.util.ArrayList;
import java.util.List;

/** Splits a line of a TSV (on tabs) or of a CSV (on commas, with "double-quoted" fields and "" for a quote). */
public final class Delimited {

    private Delimited() {
    }

    /** Whether a table whose header line is {@code header} is a CSV: commas and no tab. */
    public static boolean isCsv(String header) {
        return !header.contains("\t") && header.contains(",");
    }

    /** @throws IllegalArgumentException for an unterminated quoted CSV field */
    public static List<String> split(String line, boolean csv) {
        List<String> fields = new ArrayList<>();
        if (!csv) {
            for (String field : line.split("\t", -1)) {
                fields.add(field);
            }
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
