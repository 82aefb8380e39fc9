package org.regulens.motifs;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.regulens.core.Progress;

/**
 * A sparse, symmetric k-nearest-neighbour graph over seqlets: each seqlet is compared exactly
 * ({@link TrackAlignment}) with its coarse candidates, keeps its {@code k} most similar ones, and an edge carries
 * the larger of the two directions' similarities. Edges with similarity ≤ 0 are left out.
 */
public final class AffinityGraph {

    private final int[][] neighbours;
    private final double[][] weights;

    AffinityGraph(int[][] neighbours, double[][] weights) {
        this.neighbours = neighbours;
        this.weights = weights;
    }

    public static AffinityGraph build(SeqletTracks tracks, int[][] candidates, int k, int maxShift) {
        int n = tracks.size();
        int[][] kept = new int[n][];
        double[][] similarity = new double[n][];
        try (Progress progress = new Progress("motifs: seqlet similarities", n, "seqlets")) {
            Object lock = new Object();
            IntStream.range(0, n).parallel().forEach(i -> {
                int[] c = candidates[i];
                double[] s = new double[c.length];
                float[][] a = {tracks.normalisedActual(i, 0), tracks.normalisedActual(i, 1)};
                float[][] h = {tracks.normalisedHypothetical(i, 0), tracks.normalisedHypothetical(i, 1)};
                for (int t = 0; t < c.length; t++) {
                    int j = c[t];
                    s[t] = TrackAlignment.bestSimilarity(a, h, tracks.normalisedActual(j, 0),
                            tracks.normalisedHypothetical(j, 0), maxShift);
                }
                Integer[] order = IntStream.range(0, c.length).boxed().toArray(Integer[]::new);
                Arrays.sort(order, (x, y) -> s[x] != s[y] ? Double.compare(s[y], s[x]) : Integer.compare(c[x], c[y]));
                int m = 0;
                while (m < Math.min(k, order.length) && s[order[m]] > 0) {
                    m++;
                }
                kept[i] = new int[m];
                similarity[i] = new double[m];
                for (int t = 0; t < m; t++) {
                    kept[i][t] = c[order[t]];
                    similarity[i][t] = s[order[t]];
                }
                synchronized (lock) {
                    progress.advance(1);
                }
            });
        }
        return symmetric(kept, similarity);
    }

    /**
     * Union of both directions, the larger similarity on each edge; neighbour lists sorted by index. Built in
     * primitive arrays (each directed entry placed at both ends, then sorted and deduplicated per node), since
     * boxed maps cost ~100 bytes an edge: 0.6 GB at 200k seqlets.
     */
    static AffinityGraph symmetric(int[][] kept, double[][] similarity) {
        int n = kept.length;
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            count[i] += kept[i].length;
            for (int j : kept[i]) {
                count[j]++;
            }
        }
        int[][] ends = new int[n][];
        double[][] weight = new double[n][];
        for (int i = 0; i < n; i++) {
            ends[i] = new int[count[i]];
            weight[i] = new double[count[i]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < kept[i].length; t++) {
                int j = kept[i][t];
                double w = similarity[i][t];
                ends[i][filled[i]] = j;
                weight[i][filled[i]++] = w;
                ends[j][filled[j]] = i;
                weight[j][filled[j]++] = w;
            }
        }
        int[][] neighbours = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[count[i]];
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            int[] e = ends[i];
            Arrays.sort(order, (x, y) -> Integer.compare(e[x], e[y]));
            int[] nb = new int[order.length];
            double[] wt = new double[order.length];
            int m = 0;
            for (int t : order) {
                if (m > 0 && nb[m - 1] == e[t]) {
                    wt[m - 1] = Math.max(wt[m - 1], weight[i][t]);
                } else {
                    nb[m] = e[t];
                    wt[m++] = weight[i][t];
                }
            }
            neighbours[i] = Arrays.copyOf(nb, m);
            weights[i] = Arrays.copyOf(wt, m);
            ends[i] = null;
            weight[i] = null;
        }
        return new AffinityGraph(neighbours, weights);
    }

    public int size() {
        return neighbours.length;
    }

    public int[] neighbours(int node) {
        return neighbours[node];
    }

    public double[] weights(int node) {
        return weights[node];
    }
}
