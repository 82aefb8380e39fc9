package org.regulens.encode;

import java.nio.file.Path;
import java.util.List;

/** The choices that shape a data set; recorded in its metadata. */
record EncodeSettings(int width, Negatives negatives, double negRatio, double maxN, Edge edge, Ambiguous ambiguous,
                      long seed, List<String> validChroms, List<String> testChroms, double validFrac,
                      double testFrac, Path blacklist) {

    /** How negatives are made: background = the sequences of a background FASTA (with --sequences). */
    enum Negatives { gc, shuffle, background, none }

    /** What happens to a window that runs off a chromosome end. */
    enum Edge { shift, drop }

    /** The label of a task whose peak overlaps a window but not the window's centre. */
    enum Ambiguous { negative, exclude, mask }

    /**
     * How many negatives the next positive gets: the whole part of --neg-ratio, plus one with the probability of
     * its fractional part (one random draw per positive).
     */
    int negativesPerPositive(java.util.SplittableRandom random) {
        int whole = (int) Math.floor(negRatio);
        return whole + (random.nextDouble() < negRatio - whole ? 1 : 0);
    }

    /** Most non-ACGT bases a window may hold. */
    int maxNonAcgt() {
        return maxNonAcgt(width);
    }

    /** Most non-ACGT bases a window of this width may hold (sequence sets have no --width of their own). */
    int maxNonAcgt(int windowWidth) {
        return (int) Math.floor(maxN * windowWidth);
    }
}
