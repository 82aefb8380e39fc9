package org.regulens.motifs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                float[] a = tracks.normalisedActual(i, 0);
                float[] h = tracks.normalisedHypothetical(i, 0);
                for (int t = 0; t < c.length; t++) {
                    int j = c[t];
                    s[t] = TrackAlignment.best(a, h,
                            new float[][] {tracks.normalisedActual(j, 0), tracks.normalisedActual(j, 1)},
                            new float[][] {tracks.normalisedHypothetical(j, 0), tracks.normalisedHypothetical(j, 1)},
                            -maxShift, maxShift).similarity();
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

    /** Union of both directions, the larger similarity on each edge; neighbour lists sorted by index. */
    static AffinityGraph symmetric(int[][] kept, double[][] similarity) {
        int n = kept.length;
        List<Map<Integer, Double>> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            edges.add(new HashMap<>());
        }
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < kept[i].length; t++) {
                int j = kept[i][t];
                double w = similarity[i][t];
                edges.get(i).merge(j, w, Math::max);
                edges.get(j).merge(i, w, Math::max);
            }
        }
        int[][] neighbours = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = edges.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            weights[i] = new double[neighbours[i].length];
            for (int t = 0; t < neighbours[i].length; t++) {
                weights[i][t] = edges.get(i).get(neighbours[i][t]);
            }
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
