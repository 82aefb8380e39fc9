package org.regulens.gia;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where the copies of a multiplicity experiment go: starts of {@code copies} non-overlapping w-base motifs in L
 * bases (copies may touch). Drawn as {@code copies} uniform values in 0..L - copies·w, sorted, the k-th shifted
 * right by k·w, so every arrangement fits; then put in a random order, so that the first k starts are a random
 * k of them.
 */
public final class CopyPlacement {

    private CopyPlacement() {
    }

    public static int[] draw(int length, int width, int copies, SplittableRandom random) {
        int slack = length - copies * width;
        if (slack < 0) {
            throw new IllegalArgumentException(copies + " copies of a " + width + "-base motif (" + copies * width
                    + " bases) do not fit in " + length + " bases");
        }
        int[] starts = new int[copies];
        for (int k = 0; k < copies; k++) {
            starts[k] = random.nextInt(slack + 1);
        }
        Arrays.sort(starts);
        for (int k = 0; k < copies; k++) {
            starts[k] += k * width;
        }
        for (int k = copies - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int tmp = starts[k];
            starts[k] = starts[j];
            starts[j] = tmp;
        }
        return starts;
    }
}
