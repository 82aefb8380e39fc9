package org.regulens.motifs;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a cluster's pattern is a motif rather than an aggregate of noise seqlets. Louvain partitions every
 * seqlet, including those that hold no motif, and how many clusters such seqlets form depends on the size and
 * density of the graph (the same seqlets given twice form about three times as many): so a pattern must show that
 * it is a motif by criteria that do not depend on how many seqlets it has.
 * <ul>
 *   <li>its summed CWM has the metacluster's sign (as in tfmodisco-lite: an aggregate whose contributions
 *       cancel to the other sign is not a motif of this sign);</li>
 *   <li>its PPM holds at least {@link #MIN_WINDOW_BITS} bits within some {@link #IC_WINDOW} consecutive positions
 *       (tfmodisco-lite's rule and values; uniform background, pseudocount {@link #PSEUDOCOUNT});</li>
 *   <li>its seqlets align to it with a mean similarity (continuous Jaccard, as in the affinity graph) of at least
 *       {@link #MIN_COHERENCE}: motif seqlets agree with their aggregate (about 0.5 on planted motifs), noise
 *       seqlets do not (below 0.1 once the first two rules have run).</li>
 * </ul>
 */
public final class PatternFilter {

    static final int IC_WINDOW = 6;
    static final double MIN_WINDOW_BITS = 0.6;
    static final double PSEUDOCOUNT = 0.001;
    static final double MIN_COHERENCE = 0.15;

    private PatternFilter() {
    }

    /** Why the pattern is not a motif, or null when it is one. */
    public static String rejection(Pattern pattern) {
        double total = 0;
        for (double[] row : pattern.cwm()) {
            total += row[0] + row[1] + row[2] + row[3];
        }
        if (pattern.sign() * total <= 0) {
            return "contributions of the other sign";
        }
        if (bestWindowBits(pattern.counts()) < MIN_WINDOW_BITS) {
            return "uninformative";
        }
        if (coherence(pattern) < MIN_COHERENCE) {
            return "incoherent";
        }
        return null;
    }

    /** Bases on each side of a pattern's core read with it when telling seqlets' sequences apart. */
    static final int SUPPORT_FLANK = 10;

    /**
     * How many different sequences the pattern's seqlets hold: each seqlet's core (in the pattern's orientation)
     * with {@link #SUPPORT_FLANK} bases each side, so that the same locus given twice (a duplicated or overlapping
     * region, a peak listed for two tasks) supports the pattern once. Positions beyond an example's ends read N.
     */
    public static int distinctSequences(Pattern pattern, ContributionScores scores) {
        Set<String> seen = new HashSet<>();
        for (Pattern.Member m : pattern.members()) {
            int from = m.start() - SUPPORT_FLANK;
            int to = m.end() + SUPPORT_FLANK;
            StringBuilder key = new StringBuilder(to - from);
            for (int k = 0; k < to - from; k++) {
                int position = m.minus() ? to - 1 - k : from + k;
                int base = 4;
                if (position >= 0 && position < scores.length()) {
                    for (int b = 0; b < 4; b++) {
                        if (scores.oneHot(m.seqlet().example(), b, position) > 0) {
                            base = m.minus() ? 3 - b : b;
                        }
                    }
                }
                key.append("ACGTN".charAt(base));
            }
            seen.add(key.toString());
        }
        return seen.size();
    }

    /** Mean similarity of the pattern's seqlets to it. */
    static double coherence(Pattern pattern) {
        double sum = 0;
        for (Pattern.Member m : pattern.members()) {
            sum += m.similarity();
        }
        return pattern.members().isEmpty() ? 0 : sum / pattern.members().size();
    }

    /** Most information (bits, uniform background) in any IC_WINDOW consecutive positions; all of them if fewer. */
    static double bestWindowBits(double[][] counts) {
        double[] bits = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double n = counts[i][0] + counts[i][1] + counts[i][2] + counts[i][3] + 4 * PSEUDOCOUNT;
            for (int b = 0; b < 4; b++) {
                double p = (counts[i][b] + PSEUDOCOUNT) / n;
                bits[i] += p * Math.log(p / 0.25) / Math.log(2);
            }
        }
        int window = Math.min(IC_WINDOW, bits.length);
        double best = 0;
        for (int from = 0; from + window <= bits.length; from++) {
            double sum = 0;
            for (int i = from; i < from + window; i++) {
                sum += bits[i];
            }
            best = Math.max(best, sum);
        }
        return best;
    }
}
