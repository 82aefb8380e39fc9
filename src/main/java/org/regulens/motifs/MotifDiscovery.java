package org.regulens.motifs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.regulens.core.Log;

/**
 * TF-MoDISco-like motif discovery: seqlets ({@link SeqletCaller}) are split by sign into two metaclusters; within
 * each, seqlets are compared (coarse k-mer search, then exact alignment), clustered on the affinity graph (Louvain),
 * aggregated into patterns, redundant patterns merged, and small ones dropped.
 */
public final class MotifDiscovery {

    /** A pattern with its name: pos_pattern_0, neg_pattern_0, ... (largest first within a sign). */
    public record NamedPattern(String name, Pattern pattern) {
    }

    /** What discovery found: the thresholds, all seqlets called, and the patterns. */
    public record Result(SeqletCaller.Thresholds thresholds, List<Seqlet> seqlets, List<NamedPattern> patterns) {
    }

    private final DiscoverySettings settings;

    public MotifDiscovery(DiscoverySettings settings) {
        this.settings = settings;
    }

    public Result run(ContributionScores scores) {
        SeqletCaller caller = new SeqletCaller(settings);
        SeqletCaller.Thresholds thresholds = caller.thresholds(scores);
        List<Seqlet> seqlets = caller.call(scores, thresholds);
        List<NamedPattern> named = new ArrayList<>();
        for (int sign : new int[] {1, -1}) {
            List<Seqlet> part = seqlets.stream().filter(s -> s.sign() == sign).toList();
            String prefix = sign > 0 ? "pos" : "neg";
            Log.info("motifs: %s metacluster: %,d seqlets", prefix, part.size());
            List<Pattern> patterns = metacluster(scores, part, sign);
            for (int i = 0; i < patterns.size(); i++) {
                named.add(new NamedPattern(prefix + "_pattern_" + i, patterns.get(i)));
            }
        }
        return new Result(thresholds, seqlets, named);
    }

    private List<Pattern> metacluster(ContributionScores scores, List<Seqlet> seqlets, int sign) {
        if (seqlets.size() < settings.minSeqlets()) {
            return List.of();
        }
        SeqletTracks tracks = new SeqletTracks(scores, seqlets, settings.flank(), sign);
        long started = System.nanoTime();
        int[][] candidates = CoarseNeighbours.find(tracks, settings.candidates());
        Log.info("motifs: coarse k-mer neighbours in %.1f s", (System.nanoTime() - started) / 1e9);
        AffinityGraph graph = AffinityGraph.build(tracks, candidates, settings.neighbours(), settings.maxShift());
        int[] community = Louvain.cluster(graph, settings.louvainRuns(), settings.seed());
        Map<Integer, List<Integer>> clusters = new TreeMap<>();
        for (int s = 0; s < community.length; s++) {
            clusters.computeIfAbsent(community[s], c -> new ArrayList<>()).add(s);
        }
        Log.info("motifs: %d clusters (modularity %.3f), %d with at least %d seqlets", clusters.size(),
                Louvain.modularity(graph, community),
                clusters.values().stream().filter(c -> c.size() >= settings.minSeqlets()).count(), settings.minSeqlets());
        PatternBuilder builder = new PatternBuilder(tracks, settings, sign);
        List<Cluster> built = new ArrayList<>();
        for (List<Integer> members : clusters.values()) {
            if (members.size() >= settings.minSeqlets()) {
                int seed = seed(graph, community, members);
                built.add(new Cluster(members, seed, builder.build(members, seed)));
            }
        }
        List<Cluster> merged = new PatternMerger(settings, builder).merge(built);
        List<Pattern> kept = new ArrayList<>();
        Map<String, Integer> rejected = new TreeMap<>();
        for (Cluster c : merged) {
            String why = PatternFilter.distinctSequences(c.pattern(), tracks.scores()) < settings.minSeqlets()
                    ? "fewer than " + settings.minSeqlets() + " different sequences" : PatternFilter.rejection(c.pattern());
            if (why == null) {
                kept.add(c.pattern());
            } else {
                rejected.merge(why, 1, Integer::sum);
            }
        }
        if (!rejected.isEmpty()) {
            Log.info("motifs: %d of %d merged patterns are not motifs: %s", merged.size() - kept.size(), merged.size(),
                    rejected);
        }
        kept.sort(Comparator.comparingInt(Pattern::size).reversed());
        return kept;
    }

    /** The member with the largest summed affinity to the other members (ties: the first). */
    private static int seed(AffinityGraph graph, int[] community, List<Integer> members) {
        int best = members.get(0);
        double bestWeight = -1;
        for (int s : members) {
            double weight = 0;
            int[] n = graph.neighbours(s);
            double[] w = graph.weights(s);
            for (int t = 0; t < n.length; t++) {
                if (community[n[t]] == community[s]) {
                    weight += w[t];
                }
            }
            if (weight > bestWeight) {
                bestWeight = weight;
                best = s;
            }
        }
        return best;
    }

    /** A cluster's seqlets (indices into the metacluster's tracks), its seed and the pattern built from them. */
    record Cluster(List<Integer> members, int seed, Pattern pattern) {
    }
}
