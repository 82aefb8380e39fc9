package org.regulens.seq;

/**
 * DNA letters as bytes. Bases are indexed A=0, C=1, G=2, T=3 everywhere in regulens (one-hot rows, motif
 * columns); anything else (N and the other IUPAC codes) has index -1 and one-hot encodes as all zeros.
 */
public final class Dna {

    public static final String ALPHABET = "ACGT";
    private static final byte[] INDEX = new byte[256];
    private static final byte[] COMPLEMENT = new byte[256];

    static {
        java.util.Arrays.fill(INDEX, (byte) -1);
        for (int i = 0; i < 4; i++) {
            INDEX[ALPHABET.charAt(i)] = (byte) i;
            INDEX[Character.toLowerCase(ALPHABET.charAt(i))] = (byte) i;
        }
        for (int c = 0; c < 256; c++) {
            COMPLEMENT[c] = (byte) c;
        }
        String from = "ACGTRYKMBVDHNSWacgtrykmbvdhnsw";
        String to = "TGCAYRMKVBHDNSWtgcayrmkvbhdnsw";
        for (int i = 0; i < from.length(); i++) {
            COMPLEMENT[from.charAt(i)] = (byte) to.charAt(i);
        }
    }

    private Dna() {
    }

    /** 0..3 for A, C, G, T (either case), -1 for anything else. */
    public static int index(byte base) {
        return INDEX[base & 0xff];
    }

    public static byte letter(int index) {
        return (byte) ALPHABET.charAt(index);
    }

    public static boolean isAcgt(byte base) {
        return INDEX[base & 0xff] >= 0;
    }

    public static boolean isGc(byte base) {
        int i = INDEX[base & 0xff];
        return i == 1 || i == 2;
    }

    /** The IUPAC nucleotide letters (either case), the ones a genome FASTA may legitimately contain. */
    public static boolean isIupac(byte base) {
        return "ACGTURYKMSWBDHVNacgturykmswbdhvn".indexOf(base) >= 0;
    }

    public static byte complement(byte base) {
        return COMPLEMENT[base & 0xff];
    }

    /** The reverse complement of {@code sequence[from, to)} as a new array. */
    public static byte[] reverseComplement(byte[] sequence, int from, int to) {
        byte[] out = new byte[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = COMPLEMENT[sequence[to - 1 - i] & 0xff];
        }
        return out;
    }

    public static byte[] reverseComplement(byte[] sequence) {
        return reverseComplement(sequence, 0, sequence.length);
    }

    /** Upper-cases soft-masked bases in place and maps U to T; other letters are kept as they are. */
    public static void normalise(byte[] sequence, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = sequence[i];
            if (b >= 'a' && b <= 'z') {
                b -= 32;
            }
            if (b == 'U') {
                b = 'T';
            }
            sequence[i] = b;
        }
    }

    /** Counts of G+C and of A+C+G+T in {@code sequence[from, to)}: {gc, acgt}. */
    public static int[] gcCounts(byte[] sequence, int from, int to) {
        int gc = 0;
        int acgt = 0;
        for (int i = from; i < to; i++) {
            int index = INDEX[sequence[i] & 0xff];
            if (index >= 0) {
                acgt++;
                if (index == 1 || index == 2) {
                    gc++;
                }
            }
        }
        return new int[] {gc, acgt};
    }

    /** GC fraction of the A/C/G/T bases of {@code sequence[from, to)}; NaN when there are none. */
    public static double gcFraction(byte[] sequence, int from, int to) {
        int[] counts = gcCounts(sequence, from, to);
        return counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1];
    }

    /** Number of bases that are not A, C, G or T in {@code sequence[from, to)}. */
    public static int countNonAcgt(byte[] sequence, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (INDEX[sequence[i] & 0xff] < 0) {
                n++;
            }
        }
        return n;
    }
}
