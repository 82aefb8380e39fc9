package org.regulens.seq;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random permutation of a sequence that keeps its exact dinucleotide counts (and its first and last letter):
 * the Altschul–Erickson construction. The sequence is an Eulerian path through a multigraph whose vertices are
 * letters and whose edges are the dinucleotides; a uniformly random Eulerian path is built by drawing the
 * "last exit" of every letter until they form a tree towards the final letter, shuffling the other exits of
 * every letter, and walking.
 * Works on any byte alphabet (N and lower case are letters like any other).
 */
public final class DinucleotideShuffle {

    private DinucleotideShuffle() {
    }

    public static byte[] shuffle(byte[] sequence, SplittableRandom random) {
        int n = sequence.length;
        if (n <= 2) {
            return sequence.clone();
        }
        // Out-edges of every letter, in sequence order.
        List<List<Byte>> exits = new ArrayList<>(256);
        for (int i = 0; i < 256; i++) {
            exits.add(null);
        }
        for (int i = 0; i < n - 1; i++) {
            int from = sequence[i] & 0xff;
            if (exits.get(from) == null) {
                exits.set(from, new ArrayList<>());
            }
            exits.get(from).add(sequence[i + 1]);
        }
        int last = sequence[n - 1] & 0xff;
        int[] lastExit = randomArborescence(exits, last, random);
        for (int v = 0; v < 256; v++) {
            List<Byte> out = exits.get(v);
            if (out == null) {
                continue;
            }
            if (v != last) {
                out.remove(Byte.valueOf((byte) lastExit[v]));
            }
            org.regulens.core.Shuffle.list(out, random);
            if (v != last) {
                out.add((byte) lastExit[v]);
            }
        }
        byte[] result = new byte[n];
        int[] used = new int[256];
        int current = sequence[0] & 0xff;
        result[0] = (byte) current;
        for (int i = 1; i < n; i++) {
            int next = exits.get(current).get(used[current]++) & 0xff;
            result[i] = (byte) next;
            current = next;
        }
        return result;
    }

    /**
     * For every letter other than {@code root} that has exits, the exit it must take last, chosen uniformly among
     * its exit instances and redrawn until the last exits form a tree pointing to {@code root} (no cycles).
     * Together with a uniform order of the other exits, every Eulerian path (hence every shuffle with the same
     * dinucleotide counts, first and last letter) is equally likely.
     */
    private static int[] randomArborescence(List<List<Byte>> exits, int root, SplittableRandom random) {
        int[] lastExit = new int[256];
        while (true) {
            for (int v = 0; v < 256; v++) {
                List<Byte> out = exits.get(v);
                if (out != null && v != root) {
                    lastExit[v] = out.get(random.nextInt(out.size())) & 0xff;
                }
            }
            if (isTreeTowards(exits, lastExit, root)) {
                return lastExit;
            }
        }
    }

    private static boolean isTreeTowards(List<List<Byte>> exits, int[] lastExit, int root) {
        for (int v = 0; v < 256; v++) {
            if (exits.get(v) == null || v == root) {
                continue;
            }
            int current = v;
            // With at most 256 letters, a path longer than that has gone round a cycle.
            for (int steps = 0; current != root; steps++) {
                if (steps > 256 || exits.get(current) == null) {
                    return false;
                }
                current = lastExit[current];
            }
        }
        return true;
    }
}
