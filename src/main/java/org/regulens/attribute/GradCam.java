package org.regulens.attribute;

import org.regulens.nn.Tensors;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grad-CAM (Selvaraju et al. 2017) at one convolutional layer: channel weights α_c = mean over positions of
 * ∂logit/∂A[c, t], map = ReLU(Σ_c α_c·A[c, ·]), stretched to base resolution (each base takes the value of the
 * map position covering it). The map is the same for all four bases, so attr = hyp × x puts it on the observed
 * base. Strand-averaged models average the map with the reversed map of the reverse complement.
 */
final class GradCam implements AttributionMethod {

    private final ModelFunction function;
    private final int task;
    private final int step; // the map is trace[step + 1], the output of this step

    GradCam(ModelFunction function, int task, int step) {
        this.function = function;
        this.task = task;
        this.step = step;
    }

    /** The last activation before the first step that mixes all positions: the deepest positional feature map. */
    static int defaultStep(ExplainNetwork network) {
        int chosen = -1;
        for (int k = 0; k < network.size() && network.steps().get(k) instanceof LocalStep; k++) {
            if (network.steps().get(k) instanceof ActivationStep) {
                chosen = k;
            }
        }
        if (chosen < 0) {
            throw new IllegalArgumentException("the model has no convolutional feature map for Grad-CAM");
        }
        return chosen;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        int length = function.length();
        float[] hyp = strand(x, n);
        if (function.averagesStrands()) {
            float[] back = function.reverseComplement(strand(function.reverseComplement(x, n), n), n);
            for (int k = 0; k < hyp.length; k++) {
                // the map is base-independent, so the reverse complement only reverses positions
                hyp[k] = (hyp[k] + back[k]) / 2;
            }
        }
        return new Attribution(hyp, Attribution.noDelta(n));
    }

    private float[] strand(float[] x, int n) {
        int length = function.length();
        ExplainNetwork network = function.network();
        List<INDArray> trace = network.forward(function.tensor(x, n));
        INDArray map = trace.get(step + 1);
        INDArray grad = network.backward(trace, network.size(), step + 1, function.seed(n, task), Rule.GRADIENT, null);
        int channels = (int) map.size(1);
        int positions = (int) map.size(2);
        float[] a = Tensors.floats(map);
        float[] g = Tensors.floats(grad);
        float[] hyp = new float[n * 4 * length];
        for (int i = 0; i < n; i++) {
            double[] cam = new double[positions];
            for (int c = 0; c < channels; c++) {
                int offset = (i * channels + c) * positions;
                double alpha = 0;
                for (int t = 0; t < positions; t++) {
                    alpha += g[offset + t];
                }
                alpha /= positions;
                for (int t = 0; t < positions; t++) {
                    cam[t] += alpha * a[offset + t];
                }
            }
            for (int j = 0; j < length; j++) {
                int t = Math.min(positions - 1, (int) ((long) j * positions / length));
                float value = (float) Math.max(0, cam[t]);
                for (int b = 0; b < 4; b++) {
                    hyp[i * 4 * length + b * length + j] = value;
                }
            }
        }
        return hyp;
    }
}
