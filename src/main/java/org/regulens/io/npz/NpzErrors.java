package org.regulens.io.npz;

import java.nio.file.Path;

import org.regulens.core.RegulensException;

/** Builds the one-line user errors of this package: the file, then the array entry when there is one. */
final class NpzErrors {

    private NpzErrors() {
    }

    static RegulensException at(Path file, String record, String message) {
        return record == null ? RegulensException.inFile(file, message) : RegulensException.atRecord(file, record, message);
    }
}
