package org.regulens.genome;

/**
 * One peak from a BED/narrowPeak file: 0-based half-open {@code [start, end)}, an absolute summit position or -1
 * when the file gives none, the strand ('+', '-' or '.' for none) and the 1-based line it came from.
 */
public record Peak(String chrom, long start, long end, long summit, String name, char strand, double signal,
                   long line) {

    public boolean isMinus() {
        return strand == '-';
    }


    /** The point a window is centred on: the summit when known, else the midpoint. */
    public long anchor() {
        return summit >= 0 ? summit : start + (end - start) / 2;
    }

    public long length() {
        return end - start;
    }
}
