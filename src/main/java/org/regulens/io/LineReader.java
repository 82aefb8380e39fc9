package org.regulens.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import org.regulens.core.RegulensException;

/** Reads a text file line by line and knows the current 1-based line number, for error messages. */
public final class LineReader implements AutoCloseable {

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    public LineReader(Path file) {
        this.file = file;
        this.reader = TextInput.reader(file);
    }

    /** The next line without its terminator (LF or CRLF), or null at the end. */
    public String next() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // the byte-order mark spreadsheet programs put in front of CSV files
                }
            }
            return line;
        } catch (IOException e) {
            throw RegulensException.atLine(file, lineNumber + 1, "cannot read: " + e.getMessage());
        }
    }

    public long lineNumber() {
        return lineNumber;
    }

    public Path file() {
        return file;
    }

    /** The fields of a line of this file (see {@link Delimited}); a malformed line is an error at this line. */
    public java.util.List<String> fields(String line, boolean csv) {
        try {
            return Delimited.split(line, csv);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** An error at the current line. */
    public RegulensException error(String message) {
        return RegulensException.atLine(file, lineNumber, message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading is over; nothing to recover
        }
    }
}
