package org.regulens.gia;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regulens.simulate.BackgroundModel;

/**
 * Backgrounds of the GC-content experiment: {@code samples} sequences of independent bases, C and G each with
 * probability gc/2, A and T each (1 - gc)/2 (the simulator's background model without CpG depletion).
 */
public final class GcBackground {

    /** The series of the rows that give the backgrounds' own prediction at each GC fraction. */
    public static final String SERIES = "background";

    private GcBackground() {
    }

    public static List<byte[]> generate(int length, int samples, double gc, SplittableRandom random) {
        BackgroundModel model = new BackgroundModel(gc, 1.0);
        List<byte[]> result = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            byte[] sequence = new byte[length];
            model.fill(sequence, 0, length, random);
            result.add(sequence);
        }
        return result;
    }
}
