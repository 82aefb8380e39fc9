package org.regulens.filters;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.regulens.data.BatchStream;
import org.regulens.data.TrainingData;
import org.regulens.model.ConvolutionKernels;
import org.regulens.model.InferenceNetwork;
import org.regulens.model.RegulensModel;
import org.regulens.motif.Motif;

/**
 * What the first-layer filters learned, read from their activations: for each filter, every window whose
 * activation exceeds {@code threshold} × the filter's largest activation on the data is stacked into a position
 * frequency matrix (N bases and positions off the sequence ends are not counted). A filter's influence is the
 * mean absolute change of the predicted probabilities when the filter is knocked out (its weights and bias set
 * to zero, so that it outputs a constant).
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
        INDArray weights = ConvolutionKernels.filterRows(conv1); // a live view: one row per filter
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
        double[] influence = influence(model, network, data, rows, weights, filters, batchSize, influenceRows);
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

    private static double[] influence(RegulensModel model, InferenceNetwork network, TrainingData data, int[] rows,
                                      INDArray weights, int filters, int batchSize, int influenceRows) {
        int[] sample = java.util.Arrays.copyOf(rows, Math.min(rows.length, influenceRows));
        List<float[]> inputs = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        new BatchStream(data, sample, batchSize).forEach(null, batch -> {
            inputs.add(batch.x());
            sizes.add(batch.size());
        });
        INDArray bias = network.layerParams("conv1").get("b");
        List<float[][]> baseline = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            baseline.add(probabilities(network, model, inputs.get(k), sizes.get(k)));
        }
        double[] influence = new double[filters];
        for (int f = 0; f < filters; f++) {
            INDArray savedW = weights.getRow(f).dup();
            double savedB = bias.getDouble(f);
            weights.getRow(f).assign(0);
            bias.putScalar(f, 0);
            double sum = 0;
            long count = 0;
            for (int k = 0; k < inputs.size(); k++) {
                float[][] p = probabilities(network, model, inputs.get(k), sizes.get(k));
                for (int i = 0; i < p.length; i++) {
                    for (int t = 0; t < p[i].length; t++) {
                        sum += Math.abs(p[i][t] - baseline.get(k)[i][t]);
                        count++;
                    }
                }
            }
            weights.getRow(f).assign(savedW);
            bias.putScalar(f, savedB);
            influence[f] = count == 0 ? 0 : sum / count;
        }
        return influence;
    }

    private static float[][] probabilities(InferenceNetwork network, RegulensModel model, float[] x, int n) {
        return RegulensModel.sigmoid(network.logits(model.input(x, n)).toFloatMatrix());
    }
}
