package org.regulens.scan;

import java.util.function.Consumer;

/** The sequences of one {@code scan} input, handed out one at a time in input order. */
interface SequenceSource extends AutoCloseable {

    void forEach(Consumer<ScanSequence> action);

    /** How many sequences there are, or -1 when unknown before reading (FASTA). */
    long size();

    @Override
    default void close() {
    }
}
