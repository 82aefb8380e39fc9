package org.regulens.nn;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global max pooling of float [batch, channels, positions...] arrays (c order, no mask) to [batch, channels] in a
 * plain loop, keeping the position of each maximum (the first, on ties) for the backward pass, which sends each
 * gradient to that position and zero elsewhere. Anything else (masks, other types) falls back on deeplearning4j's
 * implementation.
 */
final class GlobalMaxPoolingLayer extends GlobalPoolingLayer {

    private float[] scratch = new float[0];
    /** Where each (row, channel) maximum of the last forward pass lies, as an index into the input; null after a fallback. */
    private int[] argmax;
    private long[] inputShape;

    GlobalMaxPoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean supported(INDArray x) {
        return x.dataType() == DataType.FLOAT && dataType == DataType.FLOAT && (x.rank() == 3 || x.rank() == 4)
                && maskArray == null && x.length() < Integer.MAX_VALUE && poolsEveryPosition(x.rank());
    }

    /** The configured dimensions are those after batch and channel: all positions of each channel. */
    private boolean poolsEveryPosition(int rank) {
        int[] dimensions = layerConf().getPoolingDimensions();
        if (dimensions == null) {
            return true;
        }
        for (int k = 0; k < dimensions.length; k++) {
            if (dimensions[k] != k + 2) {
                return false;
            }
        }
        return dimensions.length == rank - 2;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (!supported(input)) {
            argmax = null;
            return super.activate(training, workspaceMgr);
        }
        int n = (int) input.size(0);
        int channels = (int) input.size(1);
        int inner = (int) (input.length() / ((long) n * channels));
        float[] xs = Tensors.read(input, scratch);
        scratch = xs;
        float[] out = new float[n * channels];
        int[] where = new int[n * channels];
        for (int k = 0; k < n * channels; k++) {
            int base = k * inner;
            int best = base;
            float max = xs[base];
            for (int j = base + 1; j < base + inner; j++) {
                // a NaN wins, as in deeplearning4j's reduction
                if (xs[j] > max || Float.isNaN(xs[j]) && !Float.isNaN(max)) {
                    max = xs[j];
                    best = j;
                }
            }
            out[k] = max;
            where[k] = best;
        }
        argmax = where;
        inputShape = input.shape();
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {n, channels}, 'c');
        Tensors.write(out, out.length, result);
        return result;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!supported(input) || argmax == null || !Arrays.equals(inputShape, input.shape())) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        float[] dy = Tensors.read(epsilon, new float[0]);
        int length = (int) input.length();
        float[] dx = scratch.length >= length ? scratch : new float[length];
        scratch = dx;
        Arrays.fill(dx, 0, length, 0f);
        for (int k = 0; k < argmax.length; k++) {
            dx[argmax[k]] = dy[k];
        }
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        Tensors.write(dx, length, result);
        return new Pair<>(new DefaultGradient(), result);
    }
}
