package org.regulens.motifs;

/**
 * Every knob of motif discovery, with the defaults {@code regulens motifs} documents.
 *
 * @param window             core window of a seqlet, in bases (21)
 * @param flank              bases added on each side of the core (5), so seqlets are window + 2·flank long
 * @param fdr                target false discovery rate of seqlet windows against the permutation null (0.2)
 * @param minPassingFraction fewest windows per sign that pass, as a fraction of all windows (0: none forced)
 * @param maxPassingFraction most windows per sign that pass, as a fraction of all windows (0.2)
 * @param maxSeqlets         seqlets kept per sign (metacluster): the strongest (2000)
 * @param maxShift           largest shift, in bases, tried when aligning two seqlets (8)
 * @param candidates         nearest neighbours kept by the coarse k-mer search, per seqlet (100)
 * @param neighbours         nearest neighbours kept in the affinity graph, per seqlet (20)
 * @param louvainRuns        clustering runs with different seeds; the best modularity wins (4)
 * @param minSeqlets         patterns whose seqlets hold fewer different sequences are dropped (20)
 * @param trimThreshold      a pattern's core is the span of positions whose summed |CWM| reaches this fraction of
 *                           the largest (0.3); {@link PatternTrimmer} adds informative flanks
 * @param mergeSimilarity    patterns whose CWMs align at least this well (continuous Jaccard) are merged (0.5)
 * @param seed               seed of the permutation null and of clustering (1)
 * @param threads            worker threads (default: available processors)
 */
public record DiscoverySettings(int window, int flank, double fdr, double minPassingFraction,
                                double maxPassingFraction, int maxSeqlets, int maxShift, int candidates,
                                int neighbours, int louvainRuns, int minSeqlets, double trimThreshold,
                                double mergeSimilarity, long seed, int threads) {

    public static DiscoverySettings defaults() {
        return new DiscoverySettings(21, 5, 0.2, 0, 0.2, 2000, 8, 100, 20, 4, 20, 0.3, 0.5, 1,
                Runtime.getRuntime().availableProcessors());
    }

    /** Length of a seqlet with its flanks. */
    public int seqletLength() {
        return window + 2 * flank;
    }
}
