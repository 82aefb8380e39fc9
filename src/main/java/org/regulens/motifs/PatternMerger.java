package org.regulens.motifs;

import java.util.ArrayList;
import java.util.List;
import org.regulens.core.Log;

/**
 * Merges patterns that are the same motif: while some pair's CWMs (with their hypothetical CWMs) align with a
 * continuous Jaccard similarity of at least {@code mergeSimilarity}, at any shift leaving at least
 * {@link #MIN_OVERLAP} positions overlapping and on either strand, the most similar pair is rebuilt as one pattern
 * from the seqlets of both, seeded by the larger one's seed.
 */
public final class PatternMerger {

    static final int MIN_OVERLAP = 5;

    private final DiscoverySettings settings;
    private final PatternBuilder builder;

    public PatternMerger(DiscoverySettings settings, PatternBuilder builder) {
        this.settings = settings;
        this.builder = builder;
    }

    List<MotifDiscovery.Cluster> merge(List<MotifDiscovery.Cluster> clusters) {
        List<MotifDiscovery.Cluster> current = new ArrayList<>(clusters);
        while (current.size() > 1) {
            int bestI = -1;
            int bestJ = -1;
            double best = settings.mergeSimilarity();
            for (int i = 0; i < current.size(); i++) {
                for (int j = i + 1; j < current.size(); j++) {
                    double s = similarity(current.get(i).pattern(), current.get(j).pattern());
                    if (s >= best) {
                        best = s;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                break;
            }
            MotifDiscovery.Cluster a = current.get(bestI);
            MotifDiscovery.Cluster b = current.get(bestJ);
            MotifDiscovery.Cluster larger = a.members().size() >= b.members().size() ? a : b;
            Log.info("motifs: merging patterns %s and %s (similarity %.3f)", a.pattern(), b.pattern(), best);
            List<Integer> members = new ArrayList<>(a.members());
            members.addAll(b.members());
            members.sort(null);
            current.remove(bestJ);
            current.set(bestI, new MotifDiscovery.Cluster(members, larger.seed(), builder.build(members, larger.seed())));
        }
        return current;
    }

    /** Best continuous Jaccard similarity of two patterns' (sign-corrected) CWM and hypothetical CWM. */
    public static double similarity(Pattern a, Pattern b) {
        float[] aa = track(a.cwm(), a.sign());
        float[] ah = track(a.hypothetical(), a.sign());
        float[] ba = track(b.cwm(), b.sign());
        float[] bh = track(b.hypothetical(), b.sign());
        int overlapA = Math.min(MIN_OVERLAP, a.width());
        int overlapB = Math.min(MIN_OVERLAP, b.width());
        int overlap = Math.min(overlapA, overlapB);
        return TrackAlignment.best(aa, ah,
                new float[][] {ba, SeqletTracks.reverseComplement(ba)},
                new float[][] {bh, SeqletTracks.reverseComplement(bh)},
                -(b.width() - overlap), a.width() - overlap).similarity();
    }

    /** A pattern matrix as a sign-corrected, L1-normalised [position·4 + base] track. */
    static float[] track(double[][] m, int sign) {
        float[] out = new float[m.length * 4];
        for (int p = 0; p < m.length; p++) {
            for (int k = 0; k < 4; k++) {
                out[p * 4 + k] = (float) (sign * m[p][k]);
            }
        }
        return SeqletTracks.l1Normalised(out);
    }
}
