package org.regulens.motifs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.regulens.core.Shuffle;

/**
 * Louvain community detection (Blondel et al. 2008) on a weighted undirected graph: nodes move greedily to the
 * neighbouring community with the best modularity gain, visited in a seeded random order, then communities
 * become the nodes of a coarser graph, until nothing moves. Several runs with different seeds; the partition with
 * the highest modularity wins.
 */
public final class Louvain {

    private Louvain() {
    }

    /** Community of each node, numbered 0.. by first appearance. */
    public static int[] cluster(AffinityGraph graph, int runs, long seed) {
        int[] best = null;
        double bestModularity = Double.NEGATIVE_INFINITY;
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int run = 0; run < Math.max(1, runs); run++) {
            int[] partition = run(Graph.of(graph), new SplittableRandom(seeds.nextLong()));
            double q = modularity(Graph.of(graph), partition);
            if (q > bestModularity + 1e-12) {
                bestModularity = q;
                best = partition;
            }
        }
        return renumber(best);
    }

    /** Newman's modularity of a partition. */
    public static double modularity(AffinityGraph graph, int[] partition) {
        return modularity(Graph.of(graph), partition);
    }

    private static double modularity(Graph g, int[] partition) {
        double twoM = g.totalWeight();
        if (twoM == 0) {
            return 0;
        }
        Map<Integer, Double> inside = new HashMap<>();
        Map<Integer, Double> degree = new HashMap<>();
        for (int i = 0; i < g.size(); i++) {
            degree.merge(partition[i], g.degree(i), Double::sum);
            for (int t = 0; t < g.neighbours[i].length; t++) {
                if (partition[g.neighbours[i][t]] == partition[i]) {
                    inside.merge(partition[i], g.weights[i][t], Double::sum);
                }
            }
        }
        double q = 0;
        for (Map.Entry<Integer, Double> e : degree.entrySet()) {
            double in = inside.getOrDefault(e.getKey(), 0.0);
            q += in / twoM - (e.getValue() / twoM) * (e.getValue() / twoM);
        }
        return q;
    }

    private static int[] run(Graph graph, SplittableRandom random) {
        int[] membership = new int[graph.size()];
        for (int i = 0; i < membership.length; i++) {
            membership[i] = i;
        }
        Graph g = graph;
        while (true) {
            int[] level = moveNodes(g, random);
            int communities = renumberInPlace(level);
            if (communities == g.size()) {
                return membership;
            }
            for (int i = 0; i < membership.length; i++) {
                membership[i] = level[membership[i]];
            }
            g = g.aggregate(level, communities);
        }
    }

    /** One level: local moves until no node changes community. */
    private static int[] moveNodes(Graph g, SplittableRandom random) {
        int n = g.size();
        int[] community = new int[n];
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            community[i] = i;
            total[i] = g.degree(i);
        }
        double twoM = g.totalWeight();
        if (twoM == 0) {
            return community;
        }
        int[] order = Shuffle.permutation(n, random);
        boolean moved = true;
        Map<Integer, Double> links = new HashMap<>();
        while (moved) {
            moved = false;
            for (int i : order) {
                double k = g.degree(i);
                int own = community[i];
                links.clear();
                double self = 0;
                for (int t = 0; t < g.neighbours[i].length; t++) {
                    int j = g.neighbours[i][t];
                    if (j == i) {
                        self += g.weights[i][t];
                    } else {
                        links.merge(community[j], g.weights[i][t], Double::sum);
                    }
                }
                total[own] -= k;
                int best = own;
                double bestGain = links.getOrDefault(own, 0.0) - total[own] * k / twoM;
                int[] keys = links.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                for (int c : keys) {
                    double gain = links.get(c) - total[c] * k / twoM;
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        best = c;
                    }
                }
                total[best] += k;
                if (best != own) {
                    community[i] = best;
                    moved = true;
                }
            }
        }
        return community;
    }

    private static int[] renumber(int[] partition) {
        int[] copy = partition.clone();
        renumberInPlace(copy);
        return copy;
    }

    /** Renumbers labels 0.. in order of first appearance; returns how many there are. */
    private static int renumberInPlace(int[] labels) {
        Map<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ids.computeIfAbsent(labels[i], key -> ids.size());
        }
        return ids.size();
    }

    /** Adjacency lists with weights; self-loops appear once in a node's list and count twice in its degree. */
    private static final class Graph {
        final int[][] neighbours;
        final double[][] weights;
        final double[] degree;

        Graph(int[][] neighbours, double[][] weights) {
            this.neighbours = neighbours;
            this.weights = weights;
            this.degree = new double[neighbours.length];
            for (int i = 0; i < neighbours.length; i++) {
                for (int t = 0; t < neighbours[i].length; t++) {
                    degree[i] += neighbours[i][t] == i ? 2 * weights[i][t] : weights[i][t];
                }
            }
        }

        static Graph of(AffinityGraph g) {
            int[][] n = new int[g.size()][];
            double[][] w = new double[g.size()][];
            for (int i = 0; i < g.size(); i++) {
                n[i] = g.neighbours(i);
                w[i] = g.weights(i);
            }
            return new Graph(n, w);
        }

        int size() {
            return neighbours.length;
        }

        double degree(int i) {
            return degree[i];
        }

        double totalWeight() {
            return Arrays.stream(degree).sum();
        }

        Graph aggregate(int[] community, int count) {
            @SuppressWarnings("unchecked")
            Map<Integer, Double>[] edges = new Map[count];
            for (int c = 0; c < count; c++) {
                edges[c] = new HashMap<>();
            }
            for (int i = 0; i < size(); i++) {
                for (int t = 0; t < neighbours[i].length; t++) {
                    int j = neighbours[i][t];
                    double w = weights[i][t];
                    int a = community[i];
                    int b = community[j];
                    if (a == b) {
                        // an internal edge i–j is listed at both ends; a self-loop i–i once but is worth two ends
                        edges[a].merge(a, j == i ? w : w / 2, Double::sum);
                    } else {
                        edges[a].merge(b, w, Double::sum);
                    }
                }
            }
            int[][] n = new int[count][];
            double[][] wts = new double[count][];
            for (int c = 0; c < count; c++) {
                n[c] = edges[c].keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                wts[c] = new double[n[c].length];
                for (int t = 0; t < n[c].length; t++) {
                    wts[c][t] = edges[c].get(n[c][t]);
                }
            }
            return new Graph(n, wts);
        }
    }
}
