package org.regulens.core;

import java.util.List;
import java.util.SplittableRandom;

/** Fisher–Yates shuffles drawing from a seeded generator (one draw per position, from the end). */
public final class Shuffle {

    private Shuffle() {
    }

    public static <T> void list(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    /** A random permutation of 0..n-1. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
