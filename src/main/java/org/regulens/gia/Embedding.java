package org.regulens.gia;

import org.regulens.seq.Dna;

/** Writes motif instances into copies of background sequences (the background itself is never changed). */
public final class Embedding {

    private Embedding() {
    }

    /** A copy of {@code background} with {@code instance} at {@code at}, reverse-complemented when {@code minus}. */
    public static byte[] single(byte[] background, byte[] instance, int at, boolean minus) {
        byte[] result = background.clone();
        write(result, instance, at, minus);
        return result;
    }

    /**
     * A copy of {@code background} with {@code first} then {@code second}, {@code gap} bases apart (0: adjacent),
     * the pair centred ({@link #pairStart}); orientation two signs, e.g. {@code +-}: first as given, second
     * reverse-complemented.
     */
    public static byte[] pair(byte[] background, byte[] first, byte[] second, int gap, String orientation) {
        byte[] result = background.clone();
        int at = pairStart(background.length, first.length, second.length, gap);
        write(result, first, at, orientation.charAt(0) == '-');
        write(result, second, at + first.length + gap, orientation.charAt(1) == '-');
        return result;
    }

    /** Start of a centred pair: (L - span) / 2, rounded down. */
    public static int pairStart(int length, int firstWidth, int secondWidth, int gap) {
        return (length - (firstWidth + gap + secondWidth)) / 2;
    }

    /** Start of a centred single motif: (L - w) / 2, rounded down. */
    public static int centre(int length, int width) {
        return (length - width) / 2;
    }

    private static void write(byte[] target, byte[] instance, int at, boolean minus) {
        if (at < 0 || at + instance.length > target.length) {
            throw new IllegalArgumentException("a " + instance.length + "-base motif at " + at + " does not fit in "
                    + target.length + " bases");
        }
        byte[] bases = minus ? Dna.reverseComplement(instance) : instance;
        System.arraycopy(bases, 0, target, at, bases.length);
    }
}
