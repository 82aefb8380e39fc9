package org.regulens.attribute;

import org.regulens.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saturation in-silico mutagenesis: Δ[b, j] = f(x with base b at position j) − f(x) for every position and each of
 * the other three bases (the observed base gets 0; at an N position all four are tried). Hypothetical
 * contributions are Δ mean-centred per position, so attr = hyp × x scores the observed base by how much worse
 * the average substitution does. The fast path (after fastISM, Nair et al. 2022) reuses the unmutated sequence's
 * intermediate tensors and recomputes, layer by layer, only the window a single-base change can reach, until
 * the first layer whose outputs depend on every position (dense, global pooling, LSTM); it equals the naive
 * path to float rounding.
 */
final class InSilicoMutagenesis implements AttributionMethod {

    private static final int MUTANTS_PER_BATCH = 512;

    private final ModelFunction function;
    private final int task;
    private final boolean fast;

    InSilicoMutagenesis(ModelFunction function, int task, boolean fast) {
        this.function = function;
        this.task = task;
        this.fast = fast;
    }

    @Override
    public Attribution attribute(float[] x, int n, long[] rows) {
        int length = function.length();
        int size = 4 * length;
        float[] hyp = new float[n * size];
        for (int i = 0; i < n; i++) {
            float[] row = java.util.Arrays.copyOfRange(x, i * size, (i + 1) * size);
            float[] d = strandDeltas(row);
            if (function.averagesStrands()) {
                float[] reverse = strandDeltas(function.reverseComplement(row, 1));
                float[] back = function.reverseComplement(reverse, 1);
                for (int k = 0; k < size; k++) {
                    d[k] = (d[k] + back[k]) / 2;
                }
            }
            System.arraycopy(d, 0, hyp, i * size, size);
        }
        Attribution.centre(hyp, n, length);
        return new Attribution(hyp, Attribution.noDelta(n));
    }

    @Override
    public int preferredBatch() {
        return 8;
    }

    /** Δ (4 × L) of the network's raw logit for one row. */
    float[] strandDeltas(float[] row) {
        int length = function.length();
        List<int[]> mutants = new ArrayList<>(); // {position, base}
        for (int j = 0; j < length; j++) {
            for (int b = 0; b < 4; b++) {
                if (row[b * length + j] == 0f) {
                    mutants.add(new int[] {j, b});
                }
            }
        }
        ExplainNetwork network = function.network();
        List<INDArray> trace = network.forward(function.tensor(row, 1));
        float reference = trace.get(trace.size() - 1).getFloat(0, task);
        // the cached tensors unpacked once per row, not once per batch of mutants
        float[][] cached = fast ? new float[trace.size()][] : null;
        float[] deltas = new float[4 * length];
        for (int from = 0; from < mutants.size(); from += MUTANTS_PER_BATCH) {
            List<int[]> batch = mutants.subList(from, Math.min(mutants.size(), from + MUTANTS_PER_BATCH));
            INDArray logits = fast ? fastLogits(network, trace, cached, row, batch) : naiveLogits(network, row, batch);
            float[] values = Tensors.floats(logits);
            int tasks = (int) logits.size(1);
            for (int m = 0; m < batch.size(); m++) {
                int[] mutant = batch.get(m);
                deltas[mutant[1] * length + mutant[0]] = values[m * tasks + task] - reference;
            }
        }
        return deltas;
    }

    private static float[] cachedAt(List<INDArray> trace, float[][] cached, int layer) {
        if (cached[layer] == null) {
            cached[layer] = Tensors.floats(trace.get(layer));
        }
        return cached[layer];
    }

    private INDArray naiveLogits(ExplainNetwork network, float[] row, List<int[]> batch) {
        int length = function.length();
        int size = 4 * length;
        float[] mutated = new float[batch.size() * size];
        for (int m = 0; m < batch.size(); m++) {
            System.arraycopy(row, 0, mutated, m * size, size);
            int j = batch.get(m)[0];
            for (int b = 0; b < 4; b++) {
                mutated[m * size + b * length + j] = b == batch.get(m)[1] ? 1f : 0f;
            }
        }
        return network.logits(function.tensor(mutated, batch.size()));
    }

    private INDArray fastLogits(ExplainNetwork network, List<INDArray> trace, float[][] cached, float[] row,
                                List<int[]> batch) {
        int k = batch.size();
        int length = function.length();
        // the change as a window [start, start + width) of the current layer's input with its new values
        int[] start = new int[k];
        int width = 1;
        float[][] patch = new float[k][];
        for (int m = 0; m < k; m++) {
            start[m] = batch.get(m)[0];
            patch[m] = new float[4];
            patch[m][batch.get(m)[1]] = 1f;
        }
        List<Step> steps = network.steps();
        int layer = 0;
        if (!steps.isEmpty() && steps.get(0) instanceof ConvolutionStep first && first.channelsIn() == 4) {
            // first convolution: cached outputs plus the substitution's rank-one change (W[:, new, k] − W[:, old, k])
            float[] z = cachedAt(trace, cached, 1);
            int filters = first.channelsOut();
            int outWidth = first.outWidth(1, length);
            float[] delta = new float[4];
            for (int m = 0; m < k; m++) {
                int position = start[m];
                int outStart = first.outStart(position, outWidth, length);
                float[] out = new float[filters * outWidth];
                for (int f = 0; f < filters; f++) {
                    System.arraycopy(z, f * length + outStart, out, f * outWidth, outWidth);
                }
                for (int c = 0; c < 4; c++) {
                    delta[c] = patch[m][c] - row[c * length + position];
                }
                first.addColumnChange(position, delta, outStart, outWidth, out);
                patch[m] = out;
                start[m] = outStart;
            }
            width = outWidth;
            layer = 1;
        }
        while (layer < steps.size() && steps.get(layer) instanceof LocalStep local) {
            float[] values0 = cachedAt(trace, cached, layer);
            int channels = (int) trace.get(layer).size(1);
            int inLength = (int) trace.get(layer).size(2);
            int outLength = local.outLength(inLength);
            int outWidth = local.outWidth(width, outLength);
            int inWidth = local.inWidth(outWidth);
            float[] slices = new float[k * channels * inWidth];
            int[] outStart = new int[k];
            for (int m = 0; m < k; m++) {
                outStart[m] = local.outStart(start[m], outWidth, outLength);
                int inStart = local.inStart(outStart[m]);
                for (int c = 0; c < channels; c++) {
                    int to = (m * channels + c) * inWidth;
                    for (int p = 0; p < inWidth; p++) {
                        int position = inStart + p;
                        float v = 0f;
                        if (position >= start[m] && position < start[m] + width) {
                            v = patch[m][c * width + position - start[m]];
                        } else if (position >= 0 && position < inLength) {
                            v = values0[c * inLength + position];
                        }
                        slices[to + p] = v;
                    }
                }
            }
            INDArray out = local.forwardSlices(Tensors.of(slices, k, channels, inWidth));
            float[] values = Tensors.floats(out);
            int outChannels = (int) out.size(1);
            for (int m = 0; m < k; m++) {
                patch[m] = java.util.Arrays.copyOfRange(values, m * outChannels * outWidth, (m + 1) * outChannels * outWidth);
            }
            start = outStart;
            width = outWidth;
            layer++;
        }
        // materialise the full tensors of the mutants at the first layer that mixes all positions
        long[] shape = trace.get(layer).shape();
        int channels = (int) shape[1];
        int positions = (int) shape[2];
        float[] before = cachedAt(trace, cached, layer);
        float[] full = new float[k * before.length];
        for (int m = 0; m < k; m++) {
            System.arraycopy(before, 0, full, m * before.length, before.length);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(patch[m], c * width, full, m * before.length + c * positions + start[m], width);
            }
        }
        INDArray input = Tensors.of(full, k, channels, positions);
        return network.forwardFrom(layer, input);
    }
}
