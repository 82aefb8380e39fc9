package org.regulens.mirna;

import java.util.List;
import org.regulens.model.RegulensModel;

/**
 * The function the miRNA commands score and {@code mirna explain} opens up: a logit of interaction maps (n maps of
 * {@code cells} floats, row-major) and its gradient. A model's, or the mean of several models', is {@link #mean};
 * specs pass functions whose attributions can be worked out by hand.
 */
interface MapFunction {

    /** Logits of the first n maps. */
    float[] logits(float[] maps, int n);

    /** d logit / d map for each of the first n maps, shaped like them. */
    float[] gradients(float[] maps, int n);

    static MapFunction of(RegulensModel model) {
        return mean(List.of(model));
    }

    /**
     * The mean of the models' logits, and so the mean of their gradients (summed in double, so that the order of the
     * models does not matter); one model gives its own values unchanged.
     */
    static MapFunction mean(List<RegulensModel> models) {
        return new MapFunction() {
            @Override
            public float[] logits(float[] maps, int n) {
                float[][] each = new float[models.size()][];
                for (int m = 0; m < each.length; m++) {
                    float[][] z = models.get(m).logits(maps, n);
                    each[m] = new float[n];
                    for (int i = 0; i < n; i++) {
                        each[m][i] = z[i][0];
                    }
                }
                return mean(each);
            }

            @Override
            public float[] gradients(float[] maps, int n) {
                float[][] each = new float[models.size()][];
                for (int m = 0; m < each.length; m++) {
                    each[m] = models.get(m).inputGradients(maps, n, 0);
                }
                return mean(each);
            }
        };
    }

    /** The element-wise mean of equally long vectors; a single vector is returned as it is. */
    static float[] mean(float[][] vectors) {
        if (vectors.length == 1) {
            return vectors[0];
        }
        float[] mean = new float[vectors[0].length];
        for (int i = 0; i < mean.length; i++) {
            double sum = 0;
            for (float[] v : vectors) {
                sum += v[i];
            }
            mean[i] = (float) (sum / vectors.length);
        }
        return mean;
    }
}
