package org.regulens.report;

/**
 * How informative a pattern's PPM is, position by position (bits against a uniform background), and whether it is
 * mostly uninformative: more than {@link #MAX_WEAK_SHARE} of its positions under {@link #WEAK_BITS} bits and fewer
 * than {@link #MIN_STRONG_POSITIONS} positions of at least {@link #STRONG_BITS} bit. Such a pattern (a wide run of
 * N with a few T-rich or G-rich columns) matches many database motifs weakly; the report flags it and does not
 * present its hits as findings.
 *
 * <p>The two parts of the rule come from real patterns: on the NANOG peaks' gkmexplain scores the homeobox pattern
 * NNGYTAATKR has 6 of 10 positions under 0.5 bits but 3 positions over 1 bit (kept), while the low-information
 * negative patterns (NNRGGAAGGAGGNN and the like) have 57-75 % of positions under 0.5 bits and 0-2 over 1 bit
 * (flagged). None of the 879 JASPAR 2024 vertebrate matrices is flagged.
 *
 * @param width  positions of the PPM
 * @param weak   positions with less than {@link #WEAK_BITS} bits
 * @param strong positions with at least {@link #STRONG_BITS} bit
 */
record PatternInformation(int width, int weak, int strong) {

    static final double WEAK_BITS = 0.5;
    static final double MAX_WEAK_SHARE = 0.5;
    static final double STRONG_BITS = 1.0;
    static final int MIN_STRONG_POSITIONS = 3;

    /** Counts the PPM's (width×4, rows summing to 1; negative entries read as 0) weak and strong positions. */
    static PatternInformation of(double[][] ppm) {
        int weak = 0;
        int strong = 0;
        for (double[] heights : SvgLogo.informationHeights(ppm)) {
            double bits = heights[0] + heights[1] + heights[2] + heights[3];
            if (bits < WEAK_BITS) {
                weak++;
            }
            if (bits >= STRONG_BITS) {
                strong++;
            }
        }
        return new PatternInformation(ppm.length, weak, strong);
    }

    boolean mostlyUninformative() {
        return weak > MAX_WEAK_SHARE * width && strong < MIN_STRONG_POSITIONS;
    }

    /** For the page: "12 of 16 positions under 0.5 bits, 1 of 1 bit or more". */
    String describe() {
        return weak + " of " + width + " positions under " + Html.num(WEAK_BITS) + " bits, " + strong + " of "
                + Html.num(STRONG_BITS) + " bit or more";
    }
}
