package org.regulens.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.io.LineReader;

/**
 * The counts {@code motifs} writes to summary.tsv (two columns, key and value; a "key value" header line is
 * skipped): seqlets found on each sign and patterns that passed or were rejected. Folders written before
 * summary.tsv existed have none: {@link #read} gives null, and every count is then unknown (-1).
 */
record MotifSummary(long seqletsPositive, long seqletsNegative, long patternsPassed, long patternsRejected) {

    static final String FILE = "summary.tsv";

    /** Seqlets of both signs, or -1 when either is unknown. */
    long seqlets() {
        return seqletsPositive < 0 || seqletsNegative < 0 ? -1 : seqletsPositive + seqletsNegative;
    }

    /** The folder's summary.tsv, or null when it has none; keys other than the four are ignored. */
    static MotifSummary read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Long> values = new LinkedHashMap<>();
        try (LineReader reader = new LineReader(file)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split("\\s+");
                if (cells.length != 2) {
                    throw reader.error(cells.length + " fields, expected 2 (key, value)");
                }
                if (reader.lineNumber() == 1 && cells[0].equals("key")) {
                    continue;
                }
                try {
                    values.put(cells[0], Long.parseLong(cells[1]));
                } catch (NumberFormatException e) {
                    throw RegulensException.atLine(file, reader.lineNumber(), cells[0] + " '" + cells[1]
                            + "' is not a whole number");
                }
            }
        }
        return new MotifSummary(values.getOrDefault("seqlets_positive", -1L), values.getOrDefault("seqlets_negative", -1L),
                values.getOrDefault("patterns_passed", -1L), values.getOrDefault("patterns_rejected", -1L));
    }
}
