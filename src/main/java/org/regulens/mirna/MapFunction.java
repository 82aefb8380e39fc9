package org.regulens.mirna;

import org.regulens.model.RegulensModel;

/**
 * The function {@code mirna explain} opens up: a logit of interaction maps (n maps of {@code cells} floats,
 * row-major) and its gradient. A model's is {@link #of}; specs pass functions whose attributions can be worked out by
 * hand.
 */
interface MapFunction {

    /** Logits of the first n maps. */
    float[] logits(float[] maps, int n);

    /** d logit / d map for each of the first n maps, shaped like them. */
    float[] gradients(float[] maps, int n);

    static MapFunction of(RegulensModel model) {
        return new MapFunction() {
            @Override
            public float[] logits(float[] maps, int n) {
                float[][] z = model.logits(maps, n);
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = z[i][0];
                }
                return out;
            }

            @Override
            public float[] gradients(float[] maps, int n) {
                return model.inputGradients(maps, n, 0);
            }
        };
    }
}
