package org.regulens.motifs;

/**
 * Shift- and strand-tolerant similarity of contribution tracks: the continuous Jaccard similarity
 * Σ min(|a|,|b|)·sign(a)·sign(b) / Σ max(|a|,|b|), summed over the actual and the hypothetical track (each
 * L1-normalised), at the best shift and orientation. Positions that do not overlap count in the denominator with
 * their own magnitude, so that sliding a motif half off the other is not rewarded.
 */
public final class TrackAlignment {

    /**
     * The best alignment: b's position q sits at a's position q + shift; on strand 1, b is read as its reverse
     * complement.
     */
    public record Alignment(double similarity, int shift, int strand) {
    }

    private TrackAlignment() {
    }

    /**
     * Best alignment of b (both strands given) against a, over shifts {@code minShift..maxShift}; each track is a
     * [position·4 + base] array, already L1-normalised. The shift and strand are chosen on the actual
     * contributions alone (half the work: they carry the alignment, the hypothetical track mostly agrees), and the
     * similarity reported is that of both tracks there.
     */
    public static Alignment best(float[] aActual, float[] aHyp, float[][] bActual, float[][] bHyp,
                                 int minShift, int maxShift) {
        double best = Double.NEGATIVE_INFINITY;
        int bestShift = 0;
        int bestStrand = 0;
        double totalA = total(aActual);
        double[] sums = new double[2];
        for (int strand = 0; strand < 2; strand++) {
            double totals = totalA + total(bActual[strand]);
            for (int shift = minShift; shift <= maxShift; shift++) {
                sums[0] = 0;
                sums[1] = 0;
                if (overlap(aActual, bActual[strand], shift, sums)) {
                    double denominator = totals - sums[1];
                    double similarity = denominator <= 0 ? 0 : sums[0] / denominator;
                    if (similarity > best) {
                        best = similarity;
                        bestShift = shift;
                        bestStrand = strand;
                    }
                }
            }
        }
        double both = similarity(aActual, aHyp, bActual[bestStrand], bHyp[bestStrand], bestShift,
                totalA + total(aHyp) + total(bActual[bestStrand]) + total(bHyp[bestStrand]));
        return new Alignment(both, bestShift, bestStrand);
    }

    /**
     * The similarity of {@link #best} when a is given on both strands and b only as called: reading b as its
     * reverse complement against a is the same comparison as reading a as its reverse complement against b, and the
     * shifts −maxShift..maxShift map onto themselves for tracks of equal length. So a's reverse complement is made
     * once per seqlet, not once per pair, and only forward tracks need be held.
     */
    public static double bestSimilarity(float[][] aActual, float[][] aHyp, float[] bActual, float[] bHyp, int maxShift) {
        double best = Double.NEGATIVE_INFINITY;
        int bestShift = 0;
        int bestStrand = 0;
        double totalB = total(bActual);
        double[] sums = new double[2];
        for (int strand = 0; strand < 2; strand++) {
            double totals = total(aActual[strand]) + totalB;
            for (int shift = -maxShift; shift <= maxShift; shift++) {
                sums[0] = 0;
                sums[1] = 0;
                if (overlap(aActual[strand], bActual, shift, sums)) {
                    double denominator = totals - sums[1];
                    double similarity = denominator <= 0 ? 0 : sums[0] / denominator;
                    if (similarity > best) {
                        best = similarity;
                        bestShift = shift;
                        bestStrand = strand;
                    }
                }
            }
        }
        return similarity(aActual[bestStrand], aHyp[bestStrand], bActual, bHyp, bestShift,
                total(aActual[bestStrand]) + total(aHyp[bestStrand]) + totalB + total(bHyp));
    }

    /** Accumulates one track pair's overlap at {@code shift} into sums; false when they do not overlap. */
    private static boolean overlap(float[] a, float[] b, int shift, double[] sums) {
        int from = Math.max(0, shift);
        int to = Math.min(a.length / 4, b.length / 4 + shift);
        if (to <= from) {
            return false;
        }
        accumulate(a, b, from * 4, (from - shift) * 4, (to - from) * 4, sums);
        return true;
    }

    /** The similarity at one shift; {@code totals} = Σ|a| + Σ|b| over both tracks. */
    static double similarity(float[] aActual, float[] aHyp, float[] bActual, float[] bHyp, int shift, double totals) {
        int lengthA = aActual.length / 4;
        int lengthB = bActual.length / 4;
        int from = Math.max(0, shift);
        int to = Math.min(lengthA, lengthB + shift);
        if (to <= from) {
            return 0;
        }
        double[] sums = new double[2];
        accumulate(aActual, bActual, from * 4, (from - shift) * 4, (to - from) * 4, sums);
        accumulate(aHyp, bHyp, from * 4, (from - shift) * 4, (to - from) * 4, sums);
        double denominator = totals - sums[1];
        return denominator <= 0 ? 0 : sums[0] / denominator;
    }

    /** Adds Σ signed min to sums[0] and Σ min(|a|,|b|) to sums[1] over a[ia..ia+n) against b[ib..ib+n). */
    private static void accumulate(float[] a, float[] b, int ia, int ib, int n, double[] sums) {
        float signedMin = 0;
        float min = 0;
        for (int k = 0; k < n; k++) {
            float x = a[ia + k];
            float y = b[ib + k];
            float m = Math.min(Math.abs(x), Math.abs(y));
            min += m;
            signedMin += Math.copySign(m, x * y); // m is 0 when either is 0
        }
        sums[0] += signedMin;
        sums[1] += min;
    }

    static double total(float[] track) {
        double sum = 0;
        for (float v : track) {
            sum += Math.abs(v);
        }
        return sum;
    }
}
