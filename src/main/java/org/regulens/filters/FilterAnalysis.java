package org.regulens.filters;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.regulens.attribute.ExplainNetwork;
import org.regulens.data.BatchStream;
import org.regulens.data.OneHotBatch;
import org.regulens.data.TrainingData;
import org.regulens.model.ConvolutionKernels;
import org.regulens.model.InferenceNetwork;
import org.regulens.model.RegulensModel;
import org.regulens.motif.Motif;
import org.regulens.nn.Tensors;

/**
 * What the first-layer filters learned, read from their activations: for each filter, every window whose
 * activation exceeds {@code threshold} × the filter's largest activation on the data is stacked into a position
 * frequency matrix (N bases and positions off the sequence ends are not counted). A filter's influence is the
 * mean absolute change of the predicted probabilities when the filter is knocked out after its activation: its
 * output replaced by its mean activation over the sampled rows (see {@link #influence}).
 */
public final class FilterAnalysis {

    /** One filter's motif and figures. */
    public record FilterMotif(int filter, Motif motif, long sites, double maxActivation, double influence) {
    }

    private FilterAnalysis() {
    }

    public static List<FilterMotif> analyse(RegulensModel model, TrainingData data, int[] rows, double threshold,
                                            int batchSize, int influenceRows) {
        InferenceNetwork network = model.inference();
        int layer = network.layerIndex("conv1_act");
        org.deeplearning4j.nn.api.Layer conv1 = network.topology().stream().filter(n -> "conv1".equals(n.name()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the model has no layer conv1")).layer();
        INDArray weights = ConvolutionKernels.filterRows(conv1); // one row per filter
        int filters = (int) weights.rows();
        int width = (int) (weights.columns() / 4);
        int length = model.length();
        int padLeft = (width - 1) / 2; // "same" padding puts the extra column on the right for even widths
        BatchStream stream = new BatchStream(data, rows, batchSize);
        double[] max = new double[filters];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        stream.forEach(null, batch -> {
            float[][][] a = activations(network, model, batch.x(), batch.size(), layer, filters, length);
            for (float[][] row : a) {
                for (int f = 0; f < filters; f++) {
                    for (float v : row[f]) {
                        max[f] = Math.max(max[f], v);
                    }
                }
            }
        });
        double[][][] counts = new double[filters][width][4];
        long[] sites = new long[filters];
        stream.forEach(null, batch -> {
            float[][][] a = activations(network, model, batch.x(), batch.size(), layer, filters, length);
            float[] x = batch.x();
            for (int i = 0; i < batch.size(); i++) {
                for (int f = 0; f < filters; f++) {
                    double cut = threshold * max[f];
                    for (int j = 0; j < length; j++) {
                        if (max[f] > 0 && a[i][f][j] > cut) {
                            sites[f]++;
                            for (int k = 0; k < width; k++) {
                                int position = j - padLeft + k;
                                if (position >= 0 && position < length) {
                                    for (int b = 0; b < 4; b++) {
                                        counts[f][k][b] += x[i * 4 * length + b * length + position];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
        double[] influence = influence(model, data, rows, filters, batchSize, influenceRows);
        List<FilterMotif> result = new ArrayList<>();
        for (int f = 0; f < filters; f++) {
            Motif motif = Motif.fromCounts("filter_" + f, "filter_" + f, counts[f]);
            result.add(new FilterMotif(f, motif, sites[f], max[f], influence[f]));
        }
        return result;
    }

    /** Activations [n][filter][position]. */
    private static float[][][] activations(InferenceNetwork network, RegulensModel model, float[] x, int n, int layer,
                                           int filters, int length) {
        float[] a = network.activations(model.input(x, n), layer).dup('c')
                .reshape('c', new long[] {(long) n * filters * length}).toFloatVector();
        float[][][] out = new float[n][filters][length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < filters; f++) {
                System.arraycopy(a, (i * filters + f) * length, out[i][f], 0, length);
            }
        }
        return out;
    }

    /**
     * Each filter's influence: the mean absolute change of the predicted probabilities (strands averaged for a
     * strand-averaged model) when the filter's activation ({@code conv1_act}'s channel) is replaced by its "no
     * signal" value, the filter's mean activation over the sampled rows and positions. Knocking out after the
     * activation matters: zeroing the weights and bias instead leaves a ReLU filter at 0 (not its typical output)
     * and an exponential one at exp(0) = 1, and with batch norm folded in the bias is not the filter's baseline.
     */
    static double[] influence(RegulensModel model, TrainingData data, int[] rows, int filters, int batchSize,
                              int influenceRows) {
        int[] sample = java.util.Arrays.copyOf(rows, Math.min(rows.length, influenceRows));
        ExplainNetwork explain = ExplainNetwork.of(model.inference());
        int step = explain.stepIndex("conv1_act");
        if (step < 0) {
            throw new IllegalStateException("the model has no layer conv1_act");
        }
        boolean both = model.settings().averagesStrands();
        int length = model.length();
        double[] sums = new double[filters];
        long[] count = {0};
        BatchStream stream = new BatchStream(data, sample, batchSize);
        stream.forEach(null, batch -> {
            for (INDArray map : maps(explain, step, batch.x(), batch.size(), length, both)) {
                for (int f = 0; f < filters; f++) {
                    sums[f] += map.get(NDArrayIndex.all(), NDArrayIndex.point(f), NDArrayIndex.all()).sumNumber()
                            .doubleValue();
                }
                count[0] += map.size(0) * map.size(2);
            }
        });
        double[] influence = new double[filters];
        long[] compared = {0};
        stream.forEach(null, batch -> {
            List<INDArray> maps = maps(explain, step, batch.x(), batch.size(), length, both);
            float[][] baseline = probabilities(explain, step, maps, batch.size());
            for (int f = 0; f < filters; f++) {
                double mean = count[0] == 0 ? 0 : sums[f] / count[0];
                List<INDArray> knocked = new ArrayList<>();
                for (INDArray map : maps) {
                    INDArray copy = map.dup();
                    copy.get(NDArrayIndex.all(), NDArrayIndex.point(f), NDArrayIndex.all()).assign(mean);
                    knocked.add(copy);
                }
                float[][] p = probabilities(explain, step, knocked, batch.size());
                for (int i = 0; i < p.length; i++) {
                    for (int t = 0; t < p[i].length; t++) {
                        influence[f] += Math.abs(p[i][t] - baseline[i][t]);
                    }
                }
            }
            compared[0] += (long) batch.size() * model.tasks().size();
        });
        for (int f = 0; f < filters; f++) {
            influence[f] = compared[0] == 0 ? 0 : influence[f] / compared[0];
        }
        return influence;
    }

    /** conv1_act's output [n, filters, positions] for the rows, and for their reverse complements if {@code both}. */
    private static List<INDArray> maps(ExplainNetwork explain, int step, float[] x, int n, int length, boolean both) {
        List<INDArray> maps = new ArrayList<>();
        maps.add(explain.forwardTo(step + 1, Tensors.of(java.util.Arrays.copyOf(x, n * 4 * length), n, 4, length)));
        if (both) {
            float[] rc = OneHotBatch.reverseComplement(x, 0, n, length);
            maps.add(explain.forwardTo(step + 1, Tensors.of(rc, n, 4, length)));
        }
        return maps;
    }

    /** Probabilities [n][tasks] from conv1_act's outputs (the strands' logits averaged). */
    private static float[][] probabilities(ExplainNetwork explain, int step, List<INDArray> maps, int n) {
        float[][] logits = null;
        for (INDArray map : maps) {
            float[][] z = explain.forwardFrom(step + 1, map.dup()).toFloatMatrix(); // steps may work in place
            if (logits == null) {
                logits = z;
            } else {
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < z[i].length; t++) {
                        logits[i][t] += z[i][t];
                    }
                }
            }
        }
        for (float[] row : logits) {
            for (int t = 0; t < row.length; t++) {
                row[t] /= maps.size();
            }
        }
        return RegulensModel.sigmoid(logits);
    }
}
