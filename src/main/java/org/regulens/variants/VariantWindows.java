package org.regulens.variants;

import java.nio.charset.StandardCharsets;

/**
 * The ref and alt windows of a variant, L bases each. Rule: an allele of m bases (REF, or ALT) starts at window
 * index L/2 − ⌊m/2⌋ (integer division), so both windows are centred on their own allele and an SNV sits at index
 * ⌊L/2⌋ of both; the bases left of it are the genome's before POS, the bases right of it the genome's after the end
 * of REF. A length change therefore moves the flanks, evenly on both sides: an insertion trims them, a deletion pads
 * them with the next genome bases. Bases beyond a chromosome end are N (all-zero columns). Alleles longer than L
 * are not scored.
 */
public final class VariantWindows {

    private VariantWindows() {
    }

    /** Index of the allele's first base in a window of {@code length}. */
    public static int alleleOffset(int length, int alleleLength) {
        return length / 2 - alleleLength / 2;
    }

    /** True when an allele of this many bases fits a window of {@code length}. */
    public static boolean fits(int length, int alleleLength) {
        return alleleLength <= length;
    }

    /**
     * The window (upper case; N outside the chromosome) with {@code allele} in place of the {@code refLength} bases
     * at {@code start} (0-based) of {@code chromosome}.
     */
    public static byte[] window(byte[] chromosome, int start, int refLength, byte[] allele, int length) {
        int offset = alleleOffset(length, allele.length);
        byte[] window = new byte[length];
        for (int i = 0; i < length; i++) {
            long genomic;
            if (i < offset) {
                genomic = (long) start - (offset - i);
            } else if (i < offset + allele.length) {
                window[i] = upper(allele[i - offset]);
                continue;
            } else {
                genomic = (long) start + refLength + (i - offset - allele.length);
            }
            window[i] = genomic >= 0 && genomic < chromosome.length ? upper(chromosome[(int) genomic]) : (byte) 'N';
        }
        return window;
    }

    public static byte[] window(byte[] chromosome, Variant variant, boolean alt, int length) {
        String allele = alt ? variant.alt() : variant.ref();
        return window(chromosome, variant.start(), variant.ref().length(), allele.getBytes(StandardCharsets.US_ASCII), length);
    }

    /**
     * Null when REF agrees with the genome (case ignored; an N in REF matches anything), otherwise what the genome
     * has there (cut at the chromosome's end).
     */
    public static String refMismatch(byte[] chromosome, Variant variant) {
        String ref = variant.ref();
        int start = variant.start();
        boolean agrees = start + ref.length() <= chromosome.length;
        for (int i = 0; agrees && i < ref.length(); i++) {
            char r = ref.charAt(i);
            agrees = r == 'N' || r == (char) upper(chromosome[start + i]);
        }
        if (agrees) {
            return null;
        }
        int end = Math.min(chromosome.length, start + ref.length());
        return start >= chromosome.length ? "" : new String(chromosome, start, end - start, StandardCharsets.US_ASCII);
    }

    private static byte upper(byte b) {
        byte u = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
        return u == 'U' ? (byte) 'T' : u;
    }
}
