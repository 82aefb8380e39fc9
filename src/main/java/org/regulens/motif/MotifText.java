package org.regulens.motif;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.regulens.core.RegulensException;

/**
 * The lines of one motif file, with the file's name so that parsers can report errors as "file:line: message".
 * Line indexes are 0-based here and reported 1-based.
 */
final class MotifText {

    // plain decimals only: Double.parseDouble would also take "1d", "0x1p3" or "NaN"
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Path source;
    private final List<String> lines;

    MotifText(Path source, List<String> lines) {
        this.source = source;
        this.lines = lines;
    }

    Path source() {
        return source;
    }

    int size() {
        return lines.size();
    }

    String line(int index) {
        return lines.get(index);
    }

    boolean isBlank(int index) {
        return lines.get(index).isBlank();
    }

    /** An error at line {@code index} (0-based). */
    RegulensException error(int index, String message) {
        return RegulensException.atLine(source, index + 1L, message);
    }

    /** The whitespace-separated tokens of a string (none for a blank one). */
    static String[] tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
    }

    static boolean isNumber(String token) {
        return NUMBER.matcher(token).matches();
    }

    /** True if the line is one or more numbers and nothing else. */
    static boolean isNumberRow(String line) {
        String[] tokens = tokens(line);
        if (tokens.length == 0) {
            return false;
        }
        for (String token : tokens) {
            if (!isNumber(token)) {
                return false;
            }
        }
        return true;
    }

    /** A line cut to a length that fits in a one-line error message. */
    static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }

    /** Parses a matrix entry found on line {@code index}: a finite, non-negative decimal number. */
    double entry(String token, int index) {
        if (!isNumber(token)) {
            throw error(index, "'" + token + "' is not a number");
        }
        double value = Double.parseDouble(token);
        if (Double.isInfinite(value)) {
            throw error(index, "'" + token + "' is too large");
        }
        if (value < 0) {
            throw error(index, "negative value " + token + " in a motif matrix");
        }
        return value;
    }
}
