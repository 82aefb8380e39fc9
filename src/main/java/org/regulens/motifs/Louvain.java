package org.regulens.motifs;

import java.util.Arrays;
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
        int labels = Arrays.stream(partition).max().orElse(-1) + 1;
        double[] inside = new double[labels];
        double[] degree = new double[labels];
        for (int i = 0; i < g.size(); i++) {
            degree[partition[i]] += g.degree(i);
            for (int t = 0; t < g.neighbours[i].length; t++) {
                if (partition[g.neighbours[i][t]] == partition[i]) {
                    inside[partition[i]] += g.weights[i][t];
                }
            }
        }
        double q = 0;
        for (int c = 0; c < labels; c++) {
            q += inside[c] / twoM - (degree[c] / twoM) * (degree[c] / twoM);
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
        // weight from the node to each neighbouring community: a dense array reset through the list of those touched
        double[] links = new double[n];
        int[] touched = new int[n];
        while (moved) {
            moved = false;
            for (int i : order) {
                double k = g.degree(i);
                int own = community[i];
                int count = 0;
                for (int t = 0; t < g.neighbours[i].length; t++) {
                    int j = g.neighbours[i][t];
                    if (j != i) {
                        int c = community[j];
                        if (links[c] == 0) {
                            touched[count++] = c;
                        }
                        links[c] += g.weights[i][t];
                    }
                }
                total[own] -= k;
                int best = own;
                double bestGain = links[own] - total[own] * k / twoM;
                Arrays.sort(touched, 0, count);
                for (int x = 0; x < count; x++) {
                    int c = touched[x];
                    double gain = links[c] - total[c] * k / twoM;
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        best = c;
                    }
                }
                for (int x = 0; x < count; x++) {
                    links[touched[x]] = 0;
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

    /** Renumbers labels (0 ≤ label < labels.length) 0.. in order of first appearance; returns how many there are. */
    private static int renumberInPlace(int[] labels) {
        int[] ids = new int[labels.length];
        Arrays.fill(ids, -1);
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (ids[labels[i]] < 0) {
                ids[labels[i]] = next++;
            }
            labels[i] = ids[labels[i]];
        }
        return next;
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
            int[][] members = new int[count][];
            int[] size = new int[count];
            for (int c : community) {
                size[c]++;
            }
            for (int c = 0; c < count; c++) {
                members[c] = new int[size[c]];
                size[c] = 0;
            }
            for (int i = 0; i < size(); i++) {
                members[community[i]][size[community[i]]++] = i;
            }
            double[] link = new double[count];
            boolean[] seen = new boolean[count];
            int[] touched = new int[count];
            int[][] n = new int[count][];
            double[][] wts = new double[count][];
            for (int a = 0; a < count; a++) {
                int found = 0;
                for (int i : members[a]) {
                    for (int t = 0; t < neighbours[i].length; t++) {
                        int j = neighbours[i][t];
                        int b = community[j];
                        if (!seen[b]) {
                            seen[b] = true;
                            touched[found++] = b;
                        }
                        // an internal edge i–j is listed at both ends; a self-loop i–i once but is worth two ends
                        link[b] += a != b ? weights[i][t] : j == i ? weights[i][t] : weights[i][t] / 2;
                    }
                }
                Arrays.sort(touched, 0, found);
                n[a] = Arrays.copyOf(touched, found);
                wts[a] = new double[found];
                for (int x = 0; x < found; x++) {
                    wts[a][x] = link[touched[x]];
                    link[touched[x]] = 0;
                    seen[touched[x]] = false;
                }
            }
            return new Graph(n, wts);
        }
    }
}
