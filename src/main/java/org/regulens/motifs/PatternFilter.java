package org.regulens.motifs;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.regulens.motif.Background;
import org.regulens.motif.Motif;

/**
 * Whether a cluster's pattern is a motif rather than an aggregate of noise seqlets. Louvain partitions every
 * seqlet, including those that hold no motif, and how many clusters such seqlets form depends on the size and
 * density of the graph (the same seqlets given twice form about three times as many): so a pattern must show that
 * it is a motif by criteria that do not depend on how many seqlets it has. The rules, in the order they are tried
 * (the first that fails is the reason reported in patterns.tsv):
 * <ul>
 *   <li>support: its seqlets hold at least {@code --min-seqlets} (20) different sequences
 *       ({@link #distinctSequences});</li>
 *   <li>its summed CWM has the metacluster's sign (as in tfmodisco-lite: an aggregate whose contributions
 *       cancel to the other sign is not a motif of this sign);</li>
 *   <li>information: its PPM holds at least {@link #MIN_INFORMATION_BITS} bits in all (uniform background; the
 *       {@code information_bits} column of patterns.tsv). Real motifs hold 8-20; the short or degenerate
 *       aggregates that real scores also give (a 3-bp GGC, a T-rich run) hold less. No JASPAR 2024 vertebrate
 *       motif holds less than 6 (the least, GSX1, 6.0);</li>
 *   <li>its PPM holds at least {@link #MIN_WINDOW_BITS} bits within some {@link #IC_WINDOW} consecutive positions
 *       (tfmodisco-lite's rule and values; pseudocount {@link #PSEUDOCOUNT});</li>
 *   <li>its seqlets align to it with a mean similarity (continuous Jaccard, as in the affinity graph) of at least
 *       {@link #MIN_COHERENCE}: motif seqlets agree with their aggregate (about 0.5 on planted motifs), noise
 *       seqlets do not (below 0.1 once the first rules have run).</li>
 * </ul>
 */
public final class PatternFilter {

    static final double MIN_INFORMATION_BITS = 6;
    static final int IC_WINDOW = 6;
    static final double MIN_WINDOW_BITS = 0.6;
    static final double PSEUDOCOUNT = 0.001;
    static final double MIN_COHERENCE = 0.15;

    private PatternFilter() {
    }

    /**
     * Why the pattern is not a motif (a short reason with the figure that failed, for patterns.tsv), or null when
     * it is one.
     */
    public static String rejection(Pattern pattern, ContributionScores scores, int minSeqlets) {
        int support = distinctSequences(pattern, scores);
        if (support < minSeqlets) {
            return "support " + support + " < " + minSeqlets + " sequences";
        }
        return rejection(pattern);
    }

    /** The rules other than support. */
    static String rejection(Pattern pattern) {
        double total = 0;
        for (double[] row : pattern.cwm()) {
            total += row[0] + row[1] + row[2] + row[3];
        }
        if (pattern.sign() * total <= 0) {
            return "contributions of the other sign";
        }
        double information = information(pattern);
        if (information < MIN_INFORMATION_BITS) {
            return String.format(Locale.ROOT, "information %.1f < %s bits", information, bits(MIN_INFORMATION_BITS));
        }
        double window = bestWindowBits(pattern.counts());
        if (window < MIN_WINDOW_BITS) {
            return String.format(Locale.ROOT, "information %.2f < %s bits in any %d positions", window,
                    bits(MIN_WINDOW_BITS), IC_WINDOW);
        }
        double coherence = coherence(pattern);
        if (coherence < MIN_COHERENCE) {
            return String.format(Locale.ROOT, "coherence %.3f < %s", coherence, bits(MIN_COHERENCE));
        }
        return null;
    }

    /** Total information of the pattern's PPM, as patterns.tsv's information_bits reports it. */
    static double information(Pattern pattern) {
        return Motif.fromCounts("p", "", pattern.counts()).totalInformation(Background.uniform());
    }

    private static String bits(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
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
            bits[i] = columnBits(counts[i]);
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

    /** Information of one count column, in bits against a uniform background (pseudocount {@link #PSEUDOCOUNT}). */
    static double columnBits(double[] column) {
        double n = column[0] + column[1] + column[2] + column[3] + 4 * PSEUDOCOUNT;
        double bits = 0;
        for (int b = 0; b < 4; b++) {
            double p = (column[b] + PSEUDOCOUNT) / n;
            bits += p * Math.log(p / 0.25) / Math.log(2);
        }
        return bits;
    }
}
