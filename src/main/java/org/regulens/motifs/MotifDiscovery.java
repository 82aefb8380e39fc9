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
 * aggregated into patterns, redundant patterns merged, patterns that are not motifs rejected, and the seqlets
 * reassigned to the patterns that remain.
 */
public final class MotifDiscovery {

    /** A pattern with its name: pos_pattern_0, neg_pattern_0, ... (largest first within a sign). */
    public record NamedPattern(String name, Pattern pattern) {
    }

    /**
     * A candidate pattern that did not pass {@link PatternFilter}: named pos_rejected_0, neg_rejected_0, ...
     * (largest first within a sign), with the reason.
     */
    public record RejectedPattern(String name, Pattern pattern, String reason) {
    }

    /** What discovery found: the thresholds, all seqlets called, the patterns that passed and those that did not. */
    public record Result(SeqletCaller.Thresholds thresholds, List<Seqlet> seqlets, List<NamedPattern> patterns,
                         List<RejectedPattern> rejected) {

        /** Seqlets called of one sign. */
        public long seqlets(int sign) {
            return seqlets.stream().filter(s -> s.sign() == sign).count();
        }
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
        List<RejectedPattern> rejected = new ArrayList<>();
        for (int sign : new int[] {1, -1}) {
            List<Seqlet> part = seqlets.stream().filter(s -> s.sign() == sign).toList();
            String prefix = sign > 0 ? "pos" : "neg";
            Log.info("motifs: %s metacluster: %,d seqlets", prefix, part.size());
            List<Judged> judged = metacluster(scores, part, sign);
            List<Judged> passed = judged.stream().filter(j -> j.reason() == null).toList();
            List<Judged> failed = judged.stream().filter(j -> j.reason() != null).toList();
            for (int i = 0; i < passed.size(); i++) {
                named.add(new NamedPattern(prefix + "_pattern_" + i, passed.get(i).pattern()));
            }
            for (int i = 0; i < failed.size(); i++) {
                rejected.add(new RejectedPattern(prefix + "_rejected_" + i, failed.get(i).pattern(),
                        failed.get(i).reason()));
            }
        }
        return new Result(thresholds, seqlets, named, rejected);
    }

    /** A candidate pattern and why it is not a motif (null when it is one). */
    private record Judged(Pattern pattern, String reason) {
    }

    /**
     * The metacluster's candidate patterns, each judged, largest first: clusters are built, merged and judged;
     * every seqlet is then reassigned to the passing pattern it resembles most ({@link SeqletReassigner}), the
     * patterns are rebuilt, merged again (reassignment can make two split halves of one motif alike) and judged
     * again. Patterns rejected in either round are reported.
     */
    private List<Judged> metacluster(ContributionScores scores, List<Seqlet> seqlets, int sign) {
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
        PatternMerger merger = new PatternMerger(settings, builder);
        List<Judged> first = judge(merger.merge(built), scores);
        List<Judged> judged = new ArrayList<>(first.stream().filter(j -> j.reason() != null).toList());
        List<Pattern> passed = first.stream().filter(j -> j.reason() == null).map(Judged::pattern).toList();
        if (!passed.isEmpty()) {
            List<Cluster> reassigned = new SeqletReassigner(tracks, builder).reassign(passed);
            int kept = reassigned.stream().mapToInt(c -> c.members().size()).sum();
            Log.info("motifs: %,d of %,d seqlets reassigned to %d patterns", kept, tracks.size(), passed.size());
            judged.addAll(judge(merger.merge(reassigned), scores));
        }
        logClosestPair(judged);
        long rejected = judged.stream().filter(j -> j.reason() != null).count();
        if (rejected > 0) {
            Log.info("motifs: %d of %d candidate patterns are not motifs: %s", rejected, judged.size(),
                    judged.stream().filter(j -> j.reason() != null).map(Judged::reason).toList());
        }
        judged.sort(Comparator.comparingInt((Judged j) -> j.pattern().size()).reversed());
        return judged;
    }

    /** How close the two most similar passing patterns came to being merged (to diagnose duplicates). */
    private void logClosestPair(List<Judged> judged) {
        List<Pattern> passed = judged.stream().filter(j -> j.reason() == null).map(Judged::pattern).toList();
        double closest = -1;
        String pair = "";
        for (int i = 0; i < passed.size(); i++) {
            for (int j = i + 1; j < passed.size(); j++) {
                double s = PatternMerger.similarity(passed.get(i), passed.get(j));
                if (s > closest) {
                    closest = s;
                    pair = passed.get(i) + " and " + passed.get(j);
                }
            }
        }
        if (closest >= 0) {
            Log.info("motifs: most similar patterns kept: %s (similarity %.3f, merged from %.2f)", pair, closest,
                    settings.mergeSimilarity());
        }
    }

    private List<Judged> judge(List<Cluster> clusters, ContributionScores scores) {
        List<Judged> judged = new ArrayList<>();
        for (Cluster c : clusters) {
            judged.add(new Judged(c.pattern(), PatternFilter.rejection(c.pattern(), scores, settings.minSeqlets())));
        }
        return judged;
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
