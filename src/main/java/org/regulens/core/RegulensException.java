package org.regulens.core;

import java.nio.file.Path;

/**
 * A data or runtime error the user can act on. The message is one line and names the file and the
 * record (line number or record name) where the problem is; the CLI prints it and exits with status 1.
 */
public class RegulensException extends RuntimeException {

    public RegulensException(String message) {
        super(message);
    }

    public RegulensException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a 1-based line of a text file: {@code file:line: message}. */
    public static RegulensException atLine(Path file, long line, String message) {
        return new RegulensException(file + ":" + line + ": " + message);
    }

    /** An error at a named record (a FASTA sequence, an npz array, a motif): {@code file: record: message}. */
    public static RegulensException atRecord(Path file, String record, String message) {
        return new RegulensException(file + ": " + record + ": " + message);
    }

    /** An error about a whole file: {@code file: message}. */
    public static RegulensException inFile(Path file, String message) {
        return new RegulensException(file + ": " + message);
    }
}
