package org.regulens.scan;

import java.util.Comparator;

/**
 * One reported motif site in a scanned sequence: 0-based start, the strand it was read on, its integer score
 * (for the p-value, see {@link ScoreMatrix}), its real log-odds score in bits, p-value and the matched letters
 * read on that strand.
 */
record Hit(int motif, int start, int width, char strand, int score, double realScore, double pValue,
           String matched) {

    /** Output order within a sequence: position, then strand (+ first), then motif in file order. */
    static final Comparator<Hit> ORDER = Comparator.comparingInt(Hit::start).thenComparingInt(Hit::strand)
            .thenComparingInt(Hit::motif);

    int end() {
        return start + width;
    }
}
