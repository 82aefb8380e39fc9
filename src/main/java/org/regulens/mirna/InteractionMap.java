package org.regulens.mirna;

import org.regulens.model.Architecture;

/**
 * Encodes a miRNA:target-site pair as a 2-D interaction map: one row per miRNA position (5'→3', the first
 * {@value #MIRNA_POSITIONS} nucleotides) and one column per target position read 3'→5' (column 0 is the target's
 * 3' end). A cell holds {@link #WATSON_CRICK} for A:U and C:G, the configurable {@code wobble} value for G:U (either
 * way round) and 0 otherwise. Because the two strands of a duplex are antiparallel, miRNA position i pairing with
 * target position k − i puts a duplex on a diagonal: column − row is constant.
 *
 * <p>miRNAs shorter than {@value #MIRNA_POSITIONS} nt leave their last rows 0; longer ones are truncated to their
 * first {@value #MIRNA_POSITIONS} nt (the 3' end is dropped, as in the CLASH training set). Sequences are expected
 * normalised (upper case ACGT, U written T): see {@link PairTable}.
 */
public final class InteractionMap {

    /** Rows of a map: miRNA positions 1–20 from the 5' end. */
    public static final int MIRNA_POSITIONS = Architecture.MAP_ROWS;
    /** Columns of a map: the length of a target site. */
    public static final int TARGET_LENGTH = 50;
    public static final float WATSON_CRICK = 1f;
    public static final float DEFAULT_WOBBLE = 0.5f;

    private final float wobble;
    private final int targetLength;

    /** The part of a miRNA the map holds, and so the model reads: its first {@link #MIRNA_POSITIONS} nt. */
    public static String readPart(String mirna) {
        return mirna.length() <= MIRNA_POSITIONS ? mirna : mirna.substring(0, MIRNA_POSITIONS);
    }

    public InteractionMap(float wobble) {
        this(wobble, TARGET_LENGTH);
    }

    public InteractionMap(float wobble, int targetLength) {
        if (!(wobble >= 0 && wobble <= WATSON_CRICK)) {
            throw new IllegalArgumentException("the G:U wobble value must be in [0, 1], not " + wobble);
        }
        this.wobble = wobble;
        this.targetLength = targetLength;
    }

    public float wobble() {
        return wobble;
    }

    public int targetLength() {
        return targetLength;
    }

    /** Floats per map: {@value #MIRNA_POSITIONS} × target length, row-major. */
    public int size() {
        return MIRNA_POSITIONS * targetLength;
    }

    /** The map of one pair (row-major: miRNA position, then target position 3'→5'). */
    public float[] encode(String mirna, String target) {
        float[] map = new float[size()];
        encode(mirna, target, map, 0);
        return map;
    }

    /** Writes the map of one pair into {@code out} from {@code offset}; every cell is written. */
    public void encode(String mirna, String target, float[] out, int offset) {
        if (target.length() != targetLength) {
            throw new IllegalArgumentException("target of " + target.length() + " nt, the map takes " + targetLength);
        }
        java.util.Arrays.fill(out, offset, offset + size(), 0f);
        int rows = Math.min(mirna.length(), MIRNA_POSITIONS);
        for (int i = 0; i < rows; i++) {
            char m = mirna.charAt(i);
            int rowStart = offset + i * targetLength;
            for (int j = 0; j < targetLength; j++) {
                out[rowStart + j] = pairing(m, target.charAt(targetLength - 1 - j));
            }
        }
    }

    /** The value of miRNA base {@code m} facing target base {@code t} (both in ACGT, T standing for U). */
    public float pairing(char m, char t) {
        return switch (m) {
            case 'A' -> t == 'T' ? WATSON_CRICK : 0f;
            case 'C' -> t == 'G' ? WATSON_CRICK : 0f;
            case 'G' -> t == 'C' ? WATSON_CRICK : t == 'T' ? wobble : 0f;
            case 'T' -> t == 'A' ? WATSON_CRICK : t == 'G' ? wobble : 0f;
            default -> 0f;
        };
    }
}
