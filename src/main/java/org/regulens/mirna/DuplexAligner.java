package org.regulens.mirna;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The best-scoring local duplex of a miRNA with a target site: Smith–Waterman with affine gaps (Gotoh) over the
 * miRNA read 5'→3' and the target read 3'→5', so that a duplex is a run of facing bases. Scores: G:C 3, A:U 2,
 * G:U 1, mismatch −2 (so that random sequence does not extend a duplex: the expected column score is negative),
 * bulge of k nt on either strand −(3 + (k − 1)); pairs of the seed (miRNA nt 2–8) count twice, as miRanda weights
 * the miRNA's 5' end, so that a seed match is not outscored by a chance duplex elsewhere on the site. A duplex starts and ends with a facing pair; on ties the first
 * end found (lowest miRNA, then target index) and the shortest extension win, so the result is deterministic.
 * This is a pairing-rule alignment, not a free-energy fold (RNAhybrid/RNAduplex minimise energy).
 */
public final class DuplexAligner {

    static final int MISMATCH = -2;
    static final int GAP_OPEN = 3;
    static final int GAP_EXTEND = 1;
    private static final int NONE = Integer.MIN_VALUE / 4;

    private static final byte START = 0;
    private static final byte FROM_M = 1;
    private static final byte FROM_X = 2;
    private static final byte FROM_Y = 3;

    /** Seed positions, 0-based (nt 2–8). */
    static final int SEED_FIRST = 1;
    static final int SEED_LAST = 7;

    /** The score of miRNA base m at 0-based position i facing target base t. */
    static int score(int i, char m, char t) {
        int s = score(m, t);
        return s > 0 && i >= SEED_FIRST && i <= SEED_LAST ? 2 * s : s;
    }

    /** The score of miRNA base m facing target base t, outside the seed. */
    static int score(char m, char t) {
        return switch (Duplex.bond(m, t)) {
            case '|' -> (m == 'G' || m == 'C') ? 3 : 2;
            case ':' -> 1;
            default -> MISMATCH;
        };
    }

    public Duplex align(String mirna, String target) {
        int rows = mirna.length();
        int cols = target.length();
        int[][] m = new int[rows + 1][cols + 1];
        int[][] x = new int[rows + 1][cols + 1]; // a target nucleotide unpaired (target bulge)
        int[][] y = new int[rows + 1][cols + 1]; // a miRNA nucleotide unpaired (miRNA bulge)
        byte[][] mFrom = new byte[rows + 1][cols + 1];
        boolean[][] xOpened = new boolean[rows + 1][cols + 1];
        boolean[][] yOpened = new boolean[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                m[i][j] = NONE;
                x[i][j] = NONE;
                y[i][j] = NONE;
            }
        }
        int best = 0;
        int bestI = -1;
        int bestJ = -1;
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                // column j − 1 of the target read 3'→5' is target index cols − j
                int s = score(i - 1, mirna.charAt(i - 1), target.charAt(cols - j));
                int prev = 0;
                byte from = START;
                if (m[i - 1][j - 1] > prev) {
                    prev = m[i - 1][j - 1];
                    from = FROM_M;
                }
                if (x[i - 1][j - 1] > prev) {
                    prev = x[i - 1][j - 1];
                    from = FROM_X;
                }
                if (y[i - 1][j - 1] > prev) {
                    prev = y[i - 1][j - 1];
                    from = FROM_Y;
                }
                m[i][j] = prev + s;
                mFrom[i][j] = from;
                int openX = m[i][j - 1] == NONE ? NONE : m[i][j - 1] - GAP_OPEN;
                int extendX = x[i][j - 1] == NONE ? NONE : x[i][j - 1] - GAP_EXTEND;
                x[i][j] = Math.max(openX, extendX);
                xOpened[i][j] = openX >= extendX;
                int openY = m[i - 1][j] == NONE ? NONE : m[i - 1][j] - GAP_OPEN;
                int extendY = y[i - 1][j] == NONE ? NONE : y[i - 1][j] - GAP_EXTEND;
                y[i][j] = Math.max(openY, extendY);
                yOpened[i][j] = openY >= extendY;
                if (m[i][j] > best) {
                    best = m[i][j];
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        List<Duplex.Column> columns = new ArrayList<>();
        int i = bestI;
        int j = bestJ;
        byte state = FROM_M;
        while (i > 0 && j > 0) {
            if (state == FROM_M) {
                columns.add(new Duplex.Column(i - 1, cols - j));
                byte from = mFrom[i][j];
                i--;
                j--;
                if (from == START) {
                    break;
                }
                state = from;
            } else if (state == FROM_X) {
                columns.add(new Duplex.Column(-1, cols - j));
                state = xOpened[i][j] ? FROM_M : FROM_X;
                j--;
            } else {
                columns.add(new Duplex.Column(i - 1, -1));
                state = yOpened[i][j] ? FROM_M : FROM_Y;
                i--;
            }
        }
        Collections.reverse(columns);
        return new Duplex(mirna, target, columns, best);
    }
}
