package org.regulens.motifs;

/**
 * A stretch of one example with high contribution: its core window starts at {@code start} (0-based, in the
 * example's own orientation) and spans the window size; {@code score} is the summed actual contribution over the
 * core (positive or negative).
 */
public record Seqlet(int example, int start, int width, float score) {

    public int sign() {
        return score >= 0 ? 1 : -1;
    }
}
