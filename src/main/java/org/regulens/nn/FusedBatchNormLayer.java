package org.regulens.nn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation over [batch, channels] or [batch, channels, height, width] (NCHW) float arrays in plain loops:
 * per channel, the mean and (biased) variance in double precision, then y = gamma (x - mean) / sqrt(var + eps) +
 * beta; backward, the sums of dy and dy·x̂ in one pass and dx = gamma / sqrt(var + eps) · (dy - mean(dy) - x̂
 * mean(dy·x̂)) in a second (plus mean(x̂) mean(dy·x̂), which deeplearning4j keeps when the forward pass used the
 * running statistics). The running statistics are updated exactly as deeplearning4j's layer does, through
 * their "gradients" (which its no-op updater subtracts): (1 - decay)(global mean - batch mean), and for the log10
 * standard deviation log10(sqrt(var_t / var_t+1)) with var_t+1 = decay var_t + (1 - decay) batch var (or, with the
 * variance parameterisation, (1 - decay)(global var - batch var)). Other layouts and data types fall back on
 * deeplearning4j's implementation. A folded activation f ({@link FusedBatchNormalization#folding}) is applied in the
 * output pass, and backward dy is first multiplied by f'(z) with z recomputed from the input.
 */
final class FusedBatchNormLayer extends BatchNormalization {

    private static final double ONE_ON_2LN10 = 1.0 / (2 * Math.log(10.0));

    /** Statistics of the last forward pass, kept for the backward pass: those it normalised with, and the batch's. */
    private double[] mean;
    private double[] invStd;
    private double[] batchMean;
    private double[] batchVariance;
    private float[] scratchX = new float[0];
    private float[] scratchY = new float[0];

    FusedBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean fused(INDArray x) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization c = layerConf();
        return x.dataType() == DataType.FLOAT && dataType == DataType.FLOAT && !c.isLockGammaBeta()
                && (x.rank() == 2 || x.rank() == 4 && c.getCnn2DFormat() == CNN2DFormat.NCHW)
                && x.length() < Integer.MAX_VALUE;
    }

    /** The folded activation (see {@link FusedBatchNormalization#folding}), or null. */
    private ElementwiseActivation activation() {
        return ElementwiseActivation.of(((FusedBatchNormalization) conf.getLayer()).foldedActivation());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (!fused(input)) {
            requireNoFoldedActivation();
            return super.activate(training, workspaceMgr);
        }
        INDArray x = input;
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int inner = (int) (x.length() / ((long) n * channels));
        if (channels != layerConf().getNOut()) {
            throw new IllegalArgumentException("input.size(1) does not match the expected size " + layerConf().getNOut()
                    + " of " + layerId());
        }
        float[] xs = Tensors.read(x, scratchX);
        scratchX = xs;
        int length = (int) x.length();
        if (training) {
            statistics(xs, n, channels, inner);
            useBatchStatistics();
        } else {
            globalStatistics(channels);
        }
        float[] gamma = Tensors.floats(getParam(BatchNormalizationParamInitializer.GAMMA));
        float[] beta = Tensors.floats(getParam(BatchNormalizationParamInitializer.BETA));
        float[] ys = scratchY.length >= length ? scratchY : new float[length];
        scratchY = ys;
        ElementwiseActivation f = activation();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                float m = (float) mean[c];
                float scale = (float) (gamma[c] * invStd[c]);
                float shift = beta[c];
                int base = (i * channels + c) * inner;
                if (f == null) {
                    for (int j = base; j < base + inner; j++) {
                        ys[j] = (xs[j] - m) * scale + shift;
                    }
                } else {
                    for (int j = base; j < base + inner; j++) {
                        ys[j] = f.value((xs[j] - m) * scale + shift);
                    }
                }
            }
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.shape(), 'c');
        Tensors.write(ys, length, out);
        return out;
    }

    /** Batch mean and biased variance per channel, over the batch and all positions (two passes, in double). */
    private void statistics(float[] xs, int n, int channels, int inner) {
        double[] sum = new double[channels];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int base = (i * channels + c) * inner;
                double s = 0;
                for (int j = base; j < base + inner; j++) {
                    s += xs[j];
                }
                sum[c] += s;
            }
        }
        double count = (double) n * inner;
        batchMean = new double[channels];
        for (int c = 0; c < channels; c++) {
            batchMean[c] = sum[c] / count;
        }
        double[] squares = new double[channels];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int base = (i * channels + c) * inner;
                double m = batchMean[c];
                double s = 0;
                for (int j = base; j < base + inner; j++) {
                    double d = xs[j] - m;
                    s += d * d;
                }
                squares[c] += s;
            }
        }
        batchVariance = new double[channels];
        double eps = layerConf().getEps();
        for (int c = 0; c < channels; c++) {
            batchVariance[c] = squares[c] / count;
        }
    }

    /** Normalise with the batch statistics. */
    private void useBatchStatistics() {
        mean = batchMean;
        invStd = new double[mean.length];
        double eps = layerConf().getEps();
        for (int c = 0; c < mean.length; c++) {
            invStd[c] = 1 / Math.sqrt(batchVariance[c] + eps);
        }
    }

    /** The running mean and variance (from log10 of the standard deviation, or stored directly). */
    private void globalStatistics(int channels) {
        float[] globalMean = Tensors.floats(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        float[] variance = globalVariance();
        mean = new double[channels];
        invStd = new double[channels];
        double eps = layerConf().getEps();
        for (int c = 0; c < channels; c++) {
            mean[c] = globalMean[c];
            invStd[c] = 1 / Math.sqrt(variance[c] + eps);
        }
        batchMean = null;
        batchVariance = null;
    }

    private float[] globalVariance() {
        if (!layerConf().isUseLogStd()) {
            return Tensors.floats(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
        }
        float[] log10Std = Tensors.floats(getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
        float[] variance = new float[log10Std.length];
        for (int c = 0; c < variance.length; c++) {
            double std = Math.pow(10, log10Std[c]);
            variance[c] = (float) (std * std);
        }
        return variance;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!fused(input) || mean == null) {
            requireNoFoldedActivation();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray x = input;
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int inner = (int) (x.length() / ((long) n * channels));
        int length = (int) x.length();
        float[] xs = Tensors.read(x, scratchX);
        scratchX = xs;
        float[] dy = Tensors.read(epsilon, scratchY);
        scratchY = dy;
        if (batchVariance == null) {
            // the forward pass used the running statistics: the batch's are still needed for their update
            statistics(xs, n, channels, inner);
        }
        float[] gamma = Tensors.floats(getParam(BatchNormalizationParamInitializer.GAMMA));
        ElementwiseActivation f = activation();
        if (f != null) {
            // through the folded activation first: dy = d loss / d f(z) becomes d loss / d z, z recomputed exactly as
            // the forward pass computed it
            float[] beta = Tensors.floats(getParam(BatchNormalizationParamInitializer.BETA));
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    float m = (float) mean[c];
                    float scale = (float) (gamma[c] * invStd[c]);
                    float shift = beta[c];
                    int base = (i * channels + c) * inner;
                    for (int j = base; j < base + inner; j++) {
                        float z = (xs[j] - m) * scale + shift;
                        dy[j] *= f.derivative(z, f.value(z));
                    }
                }
            }
        }
        double[] sumDy = new double[channels];
        double[] sumDyXhat = new double[channels];
        double[] sumXhat = new double[channels];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int base = (i * channels + c) * inner;
                float m = (float) mean[c];
                double a = 0;
                double b = 0;
                double d = 0;
                for (int j = base; j < base + inner; j++) {
                    float centred = xs[j] - m;
                    a += dy[j];
                    b += dy[j] * centred;
                    d += centred;
                }
                sumDy[c] += a;
                sumDyXhat[c] += b * invStd[c];
                sumXhat[c] += d * invStd[c];
            }
        }
        double count = (double) n * inner;
        for (int c = 0; c < channels; c++) {
            float scale = (float) (gamma[c] * invStd[c]);
            float m = (float) mean[c];
            float s = (float) invStd[c];
            // deeplearning4j's formula: with batch statistics mean(x̂) = 0; after a forward pass on the running
            // statistics it keeps the same terms, so mean(x̂) enters
            double meanDyXhat = sumDyXhat[c] / count;
            float offset = (float) (sumDy[c] / count - sumXhat[c] / count * meanDyXhat);
            float slope = (float) meanDyXhat * s;
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * inner;
                for (int j = base; j < base + inner; j++) {
                    dy[j] = scale * (dy[j] - offset - (xs[j] - m) * slope);
                }
            }
        }
        INDArray nextEpsilon = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        Tensors.write(dy, length, nextEpsilon);

        Gradient gradient = new DefaultGradient();
        INDArray dGamma = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray dBeta = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        Tensors.write(toFloats(sumDyXhat), channels, dGamma);
        Tensors.write(toFloats(sumDy), channels, dBeta);
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGamma);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBeta);
        runningStatisticsGradients(gradient, channels);
        return new Pair<>(gradient, nextEpsilon);
    }

    /** deeplearning4j's layer, the fallback, knows nothing of a folded activation. */
    private void requireNoFoldedActivation() {
        if (activation() != null) {
            throw new IllegalStateException(layerId() + ": an activation folded into batch normalisation needs float "
                    + "NCHW or [batch, channels] input, got " + input.shapeInfoToString());
        }
    }

    /**
     * The running statistics' "gradients", as deeplearning4j's layer sets them: a no-op updater subtracts them from
     * the parameters, giving decay · old + (1 - decay) · batch for the mean and the variance.
     */
    private void runningStatisticsGradients(Gradient gradient, int channels) {
        double decay = layerConf().getDecay();
        float[] globalMean = Tensors.floats(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        float[] dMean = new float[channels];
        for (int c = 0; c < channels; c++) {
            dMean[c] = (float) ((1 - decay) * (globalMean[c] - (float) batchMean[c]));
        }
        INDArray dMeanView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        Tensors.write(dMean, channels, dMeanView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, dMeanView);
        float[] update = new float[channels];
        if (layerConf().isUseLogStd()) {
            float[] variance = globalVariance();
            for (int c = 0; c < channels; c++) {
                double next = decay * variance[c] + (1 - decay) * (float) batchVariance[c];
                update[c] = (float) (Math.log(variance[c] / next) * ONE_ON_2LN10);
            }
            INDArray view = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            Tensors.write(update, channels, view);
            gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, view);
        } else {
            float[] variance = Tensors.floats(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
            for (int c = 0; c < channels; c++) {
                update[c] = (float) ((1 - decay) * (variance[c] - (float) batchVariance[c]));
            }
            INDArray view = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
            Tensors.write(update, channels, view);
            gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, view);
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
