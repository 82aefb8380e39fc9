package org.regulens.scan;

import java.util.function.Consumer;

/** The sequences of one {@code scan} input, handed out one at a time in input order. */
interface SequenceSource extends AutoCloseable {

    void forEach(Consumer<ScanSequence> action);

    /** How many bases there are in all, for progress; -1 when unknown before reading (FASTA). */
    long bases();

    @Override
    default void close() {
    }
}
