package org.regulens.motifs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Gives every seqlet of a metacluster to the final pattern it resembles most, once patterns have been merged and
 * filtered: Louvain's partition leaves seqlets of one motif in clusters that were merged away or dropped, and puts
 * seqlets in a cluster whose final pattern they do not match. A seqlet's similarity to a pattern is the continuous
 * Jaccard similarity of its tracks (actual and hypothetical) with the pattern's CWM and hypothetical CWM, at the
 * best shift that keeps the narrower of the two inside the wider, on either strand. A seqlet whose best
 * similarity is below {@link #MIN_SIMILARITY} is dropped; each pattern is then rebuilt from its seqlets, seeded by
 * its most similar one.
 */
public final class SeqletReassigner {

    /**
     * Least similarity of a seqlet to a pattern: seqlets of a planted motif score 0.3-0.6 against their pattern,
     * seqlets of pure noise below 0.15.
     */
    static final double MIN_SIMILARITY = 0.2;

    private final SeqletTracks tracks;
    private final PatternBuilder builder;

    public SeqletReassigner(SeqletTracks tracks, PatternBuilder builder) {
        this.tracks = tracks;
        this.builder = builder;
    }

    /** Each seqlet's pattern (index into {@code patterns}) and similarity; -1 when dropped. */
    record Assignment(int[] pattern, double[] similarity) {
    }

    Assignment assign(List<Pattern> patterns) {
        int n = tracks.size();
        float[][] actual = new float[patterns.size()][];
        float[][] hyp = new float[patterns.size()][];
        for (int k = 0; k < patterns.size(); k++) {
            Pattern p = patterns.get(k);
            actual[k] = PatternMerger.track(p.cwm(), p.sign());
            hyp[k] = PatternMerger.track(p.hypothetical(), p.sign());
        }
        int[] best = new int[n];
        double[] bestSimilarity = new double[n];
        int length = tracks.length();
        IntStream.range(0, n).parallel().forEach(s -> {
            float[][] seqletActual = {tracks.normalisedActual(s, 0), tracks.normalisedActual(s, 1)};
            float[][] seqletHyp = {tracks.normalisedHypothetical(s, 0), tracks.normalisedHypothetical(s, 1)};
            best[s] = -1;
            for (int k = 0; k < actual.length; k++) {
                int width = actual[k].length / 4;
                double similarity = TrackAlignment.best(actual[k], hyp[k], seqletActual, seqletHyp,
                        Math.min(0, width - length), Math.max(0, width - length)).similarity();
                if (similarity >= MIN_SIMILARITY && (best[s] < 0 || similarity > bestSimilarity[s])) {
                    best[s] = k;
                    bestSimilarity[s] = similarity;
                }
            }
        });
        return new Assignment(best, bestSimilarity);
    }

    /**
     * The patterns rebuilt from their reassigned seqlets, in the order given; a pattern that no seqlet resembles
     * enough is left out.
     */
    List<MotifDiscovery.Cluster> reassign(List<Pattern> patterns) {
        Assignment assignment = assign(patterns);
        List<MotifDiscovery.Cluster> rebuilt = new ArrayList<>();
        for (int k = 0; k < patterns.size(); k++) {
            List<Integer> members = new ArrayList<>();
            int seed = -1;
            for (int s = 0; s < assignment.pattern().length; s++) {
                if (assignment.pattern()[s] == k) {
                    members.add(s);
                    if (seed < 0 || assignment.similarity()[s] > assignment.similarity()[seed]) {
                        seed = s;
                    }
                }
            }
            if (!members.isEmpty()) {
                rebuilt.add(new MotifDiscovery.Cluster(members, seed, builder.build(members, seed)));
            }
        }
        return rebuilt;
    }
}
