package org.regulens.motifs;

import java.util.List;

/**
 * A discovered motif: its seqlets aligned to one another, and the aggregates over them, trimmed to the informative
 * core. Matrices are [position][base] (A, C, G, T) and signed as in the data: a negative pattern has a negative CWM.
 *
 * @param cwm          contribution weight matrix: mean actual contribution per base
 * @param hypothetical mean hypothetical contribution per base
 * @param counts       base counts over the aligned seqlets (for the PPM)
 * @param members      the seqlets and where the pattern's core sits in each
 */
public record Pattern(int sign, double[][] cwm, double[][] hypothetical, double[][] counts, List<Member> members) {

    /**
     * One seqlet of a pattern: the pattern's core covers {@code [start, end)} of the example, on the example's
     * {@code minus} strand when the seqlet was aligned as its reverse complement; {@code similarity} is its
     * alignment score against the pattern.
     */
    public record Member(Seqlet seqlet, int start, int end, boolean minus, double similarity) {
    }

    public int width() {
        return cwm.length;
    }

    public int size() {
        return members.size();
    }

    @Override
    public String toString() {
        return "Pattern[sign=" + sign + ", width=" + width() + ", seqlets=" + size() + "]";
    }
}
