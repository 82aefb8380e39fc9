package org.regulens.encode;

/** Where a row of a data set came from, stored as int8 in the {@code source} array. */
public enum Source {
    /** A window around a peak summit (or midpoint). */
    PEAK(0),
    /** A GC-matched genomic background window outside all peaks. */
    BACKGROUND(1),
    /** A dinucleotide-shuffled copy of a positive window or sequence. */
    SHUFFLED(2),
    /** A row of a sequence table or labelled FASTA. */
    TABLE(3);

    public final byte code;

    Source(int code) {
        this.code = (byte) code;
    }
}
