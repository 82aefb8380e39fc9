package org.regulens.attribute;

import java.util.SplittableRandom;

/**
 * SmoothGrad (Smilkov et al. 2017): gradients averaged over {@code samples} copies of the input with Gaussian
 * noise of standard deviation {@code noise} added to every one-hot entry; optionally mean-centred per position.
 */
final class SmoothGrad implements AttributionMethod {

    private final ModelFunction function;
    private final int task;
    private final int samples;
    private final double noise;
    private final long seed;
    private final boolean centre;

    SmoothGrad(ModelFunction function, int task, int samples, double noise, long seed, boolean centre) {
        this.function = function;
        this.task = task;
        this.samples = samples;
        this.noise = noise;
        this.seed = seed;
        this.centre = centre;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        int size = 4 * function.length();
        float[] noisy = new float[n * samples * size];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = References.rowRandom(seed, rows[i]);
            for (int s = 0; s < samples; s++) {
                int to = (i * samples + s) * size;
                for (int k = 0; k < size; k++) {
                    noisy[to + k] = (float) (x[i * size + k] + noise * random.nextGaussian());
                }
            }
        }
        float[] g = function.backward(noisy, n * samples, task, Rule.GRADIENT, null);
        float[] hyp = Attribution.blockMeans(g, n, samples, size);
        if (centre) {
            Attribution.centre(hyp, n, function.length());
        }
        return new Attribution(hyp, Attribution.noDelta(n));
    }

    @Override
    public int preferredBatch() {
        return Math.max(1, 256 / samples);
    }
}
