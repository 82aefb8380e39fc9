package org.regulens.motif;

import java.util.Arrays;
import java.util.Objects;

/**
 * A DNA position matrix with an id and a name. Rows are positions, columns are bases in A, C, G, T order
 * (index 0..3). The matrix is kept as counts; motifs read as probabilities are scaled by their number of sites.
 * Instances are immutable.
 */
public final class Motif {

    /** Sites assumed when a probability matrix comes without a site count (as MEME does). */
    public static final double DEFAULT_NSITES = 20;

    private static final char[] BASES = {'A', 'C', 'G', 'T'};

    private final String id;
    private final String name;
    private final double[][] counts;
    private final double nsites;

    private Motif(String id, String name, double[][] counts, double nsites) {
        this.id = id;
        this.name = name;
        this.counts = counts;
        this.nsites = nsites;
    }

    /**
     * A motif from counts[position][base]. Rows may have slightly different sums (common in JASPAR); they are
     * kept as given, and {@link #nsites()} is the largest row sum.
     *
     * @param id   non-empty, without whitespace (it is the first token of a MEME MOTIF line)
     * @param name may be empty; never null
     */
    public static Motif fromCounts(String id, String name, double[][] counts) {
        double[][] copy = copyMatrix(counts, "counts");
        double max = 0;
        for (double[] row : copy) {
            max = Math.max(max, sum(row));
        }
        return new Motif(checkId(id), checkName(name), copy, max);
    }

    /**
     * A motif from probabilities[position][base], stored as counts = probability × nsites. Readers pass
     * {@link #DEFAULT_NSITES} (20) when a file gives no site count.
     */
    public static Motif fromProbabilities(String id, String name, double[][] probabilities, double nsites) {
        if (!(nsites > 0) || Double.isInfinite(nsites)) {
            throw new IllegalArgumentException("nsites must be positive, got " + nsites);
        }
        double[][] counts = copyMatrix(probabilities, "probabilities");
        for (double[] row : counts) {
            for (int b = 0; b < 4; b++) {
                row[b] *= nsites;
            }
        }
        return new Motif(checkId(id), checkName(name), counts, nsites);
    }

    public String id() {
        return id;
    }

    /** The motif's name (e.g. the TF), or "" when the source gave none. */
    public String name() {
        return name;
    }

    /** The name, or the id when there is no name: what to show a user. */
    public String label() {
        return name.isEmpty() ? id : name;
    }

    public int width() {
        return counts.length;
    }

    /** Number of sites: the largest row sum for count matrices, the declared count for probability matrices. */
    public double nsites() {
        return nsites;
    }

    /** A copy of the count matrix, [position][base]. */
    public double[][] counts() {
        double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public double count(int position, int base) {
        return counts[position][base];
    }

    /**
     * Probabilities with a pseudocount spread over the bases by background:
     * p[i][b] = (c[i][b] + pseudocount·bg[b]) / (rowSum_i + pseudocount), the MEME/Biopython convention (the
     * pseudocount is a total, not per base). A row of zeros with pseudocount 0 becomes the background.
     */
    public double[][] probabilities(double pseudocount, double[] background) {
        Background.require(background);
        if (!(pseudocount >= 0) || Double.isInfinite(pseudocount)) {
            throw new IllegalArgumentException("pseudocount must be >= 0, got " + pseudocount);
        }
        double[][] p = new double[counts.length][4];
        for (int i = 0; i < counts.length; i++) {
            double total = sum(counts[i]) + pseudocount;
            for (int b = 0; b < 4; b++) {
                p[i][b] = total > 0 ? (counts[i][b] + pseudocount * background[b]) / total : background[b];
            }
        }
        return p;
    }

    /** Each row normalised to sum 1, no pseudocount; rows of zeros become uniform (0.25 each). */
    public double[][] probabilities() {
        return probabilities(0, Background.uniform());
    }

    /**
     * A scanning matrix: log2(p / bg) with p from {@link #probabilities(double, double[])}. Use a positive
     * pseudocount: a zero probability gives negative infinity.
     */
    public double[][] logOdds(double pseudocount, double[] background) {
        double[][] p = probabilities(pseudocount, background);
        for (double[] row : p) {
            for (int b = 0; b < 4; b++) {
                row[b] = log2(row[b] / background[b]);
            }
        }
        return p;
    }

    /**
     * Information content per position in bits, Σ_b p·log2(p / bg) with p from {@link #probabilities()}
     * (0·log 0 = 0). With a uniform background this is 2 + Σ_b p·log2 p.
     */
    public double[] informationContent(double[] background) {
        Background.require(background);
        double[][] p = probabilities();
        double[] ic = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int b = 0; b < 4; b++) {
                if (p[i][b] > 0) {
                    ic[i] += p[i][b] * log2(p[i][b] / background[b]);
                }
            }
        }
        return ic;
    }

    /** Information content per position against a uniform background. */
    public double[] informationContent() {
        return informationContent(Background.uniform());
    }

    /** Sum of {@link #informationContent(double[])} over positions. */
    public double totalInformation(double[] background) {
        double total = 0;
        for (double bits : informationContent(background)) {
            total += bits;
        }
        return total;
    }

    /** The motif on the other strand: positions reversed, A↔T and C↔G swapped; same id and name. */
    public Motif reverseComplement() {
        int w = counts.length;
        double[][] rc = new double[w][4];
        for (int i = 0; i < w; i++) {
            for (int b = 0; b < 4; b++) {
                // A,C,G,T = 0,1,2,3, so the complement of base b is 3 - b
                rc[w - 1 - i][3 - b] = counts[i][b];
            }
        }
        return new Motif(id, name, rc, nsites);
    }

    /**
     * IUPAC consensus from {@link #probabilities()}. Per position: the top base's letter if its probability is
     * at least 0.5 and at least twice the second's; otherwise the two-base code of the top two (R=AG, Y=CT,
     * S=CG, W=AT, K=GT, M=AC) if together they reach 0.75; otherwise N.
     */
    public String consensus() {
        StringBuilder text = new StringBuilder(counts.length);
        for (double[] row : probabilities()) {
            text.append(consensusLetter(row));
        }
        return text.toString();
    }

    private static char consensusLetter(double[] p) {
        // tolerance so that ties written as exact fractions (0.5, 0.75) behave as the rule reads
        final double eps = 1e-9;
        int first = 0;
        for (int b = 1; b < 4; b++) {
            if (p[b] > p[first] + eps) {
                first = b;
            }
        }
        int second = -1;
        for (int b = 0; b < 4; b++) {
            if (b != first && (second < 0 || p[b] > p[second] + eps)) {
                second = b;
            }
        }
        if (p[first] >= 0.5 - eps && p[first] >= 2 * p[second] - eps) {
            return BASES[first];
        }
        if (p[first] + p[second] >= 0.75 - eps) {
            return twoBaseCode(first, second);
        }
        return 'N';
    }

    private static char twoBaseCode(int x, int y) {
        int pair = (1 << x) | (1 << y);
        return switch (pair) {
            case 0b0101 -> 'R'; // A G
            case 0b1010 -> 'Y'; // C T
            case 0b0110 -> 'S'; // C G
            case 0b1001 -> 'W'; // A T
            case 0b1100 -> 'K'; // G T
            case 0b0011 -> 'M'; // A C
            default -> throw new IllegalStateException("not a pair of bases: " + x + ", " + y);
        };
    }

    /**
     * The motif without its low-information flanks: leading and trailing positions whose information content
     * (against {@code background}) is below {@code minBits} are dropped. At least one position is kept: if all
     * are below, the most informative one.
     */
    public Motif trimmed(double minBits, double[] background) {
        double[] ic = informationContent(background);
        int start = 0;
        while (start < ic.length && ic[start] < minBits) {
            start++;
        }
        if (start == ic.length) {
            int best = 0;
            for (int i = 1; i < ic.length; i++) {
                if (ic[i] > ic[best]) {
                    best = i;
                }
            }
            return slice(best, best + 1);
        }
        int end = ic.length;
        while (ic[end - 1] < minBits) {
            end--;
        }
        return slice(start, end);
    }

    private Motif slice(int from, int to) {
        if (from == 0 && to == counts.length) {
            return this;
        }
        double[][] part = new double[to - from][];
        for (int i = from; i < to; i++) {
            part[i - from] = counts[i].clone();
        }
        return new Motif(id, name, part, nsites);
    }

    public Motif withId(String newId) {
        return new Motif(checkId(newId), name, counts, nsites);
    }

    public Motif withName(String newName) {
        return new Motif(id, checkName(newName), counts, nsites);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Motif that
                && id.equals(that.id)
                && name.equals(that.name)
                && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "Motif[" + id + (name.isEmpty() ? "" : " " + name) + ", w=" + counts.length + "]";
    }

    private static String checkId(String id) {
        if (id == null || id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a motif id must be non-empty and without whitespace, got '" + id + "'");
        }
        return id;
    }

    private static String checkName(String name) {
        return Objects.requireNonNull(name, "name (use \"\" for none)");
    }

    private static double[][] copyMatrix(double[][] matrix, String what) {
        if (matrix == null || matrix.length == 0) {
            throw new IllegalArgumentException(what + ": a motif needs at least one position");
        }
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i] == null || matrix[i].length != 4) {
                throw new IllegalArgumentException(what + ": position " + (i + 1) + " needs 4 values (A, C, G, T)");
            }
            for (double v : matrix[i]) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(what + ": position " + (i + 1) + " has a negative or non-finite value");
                }
            }
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    private static double sum(double[] row) {
        return row[0] + row[1] + row[2] + row[3];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
