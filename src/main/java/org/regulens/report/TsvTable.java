package org.regulens.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.io.LineReader;

/**
 * A tab-separated table with a header line, read whole (report inputs are small), keeping each row's line number
 * so that a bad value can be reported as {@code file:line: ...}.
 */
public final class TsvTable {

    /** One data row: its 1-based line number and cells by column name. */
    public final class Row {
        private final long line;
        private final String[] cells;

        Row(long line, String[] cells) {
            this.line = line;
            this.cells = cells;
        }

        public long line() {
            return line;
        }

        public String get(String column) {
            Integer at = index.get(column);
            return at == null || at >= cells.length ? "" : cells[at];
        }

        /** A numeric cell; "nan", "inf" and "-inf" are accepted, anything else not a number is an error. */
        public double number(String column) {
            String text = get(column).strip();
            switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "nan", "na" -> {
                    return Double.NaN;
                }
                case "inf", "+inf", "infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                }
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw RegulensException.atLine(file, line, column + " '" + text + "' is not a number");
            }
        }

        public int integer(String column) {
            String text = get(column).strip();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw RegulensException.atLine(file, line, column + " '" + text + "' is not a whole number");
            }
        }
    }

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private TsvTable(Path file, List<String> header) {
        this.file = file;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
    }

    /** Reads a table and checks that the header has the required columns and each row as many cells as the header. */
    public static TsvTable read(Path file, String... required) {
        try (LineReader reader = new LineReader(file)) {
            String first = reader.next();
            if (first == null) {
                throw RegulensException.inFile(file, "empty: expected a header line with " + String.join(", ", required));
            }
            TsvTable table = new TsvTable(file, List.of(first.split("\t", -1)));
            for (String column : required) {
                if (!table.index.containsKey(column)) {
                    throw RegulensException.atLine(file, 1, "no column '" + column + "' in the header (expected "
                            + String.join(", ", required) + ")");
                }
            }
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != table.header.size()) {
                    throw reader.error(cells.length + " fields, but the header has " + table.header.size());
                }
                table.rows.add(table.new Row(reader.lineNumber(), cells));
            }
            return table;
        }
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }
}
