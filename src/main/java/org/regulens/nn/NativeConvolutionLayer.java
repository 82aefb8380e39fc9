package org.regulens.nn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (NCHW, float, with bias, identity activation, no dilation, "same" or "truncate" mode) as one
 * native conv2d operation forward and one conv2d_bp backward; anything else falls back on deeplearning4j's
 * implementation (dilated convolutions too: libnd4j 1.0.0-M2.1 cannot build oneDNN's dilated primitive).
 */
final class NativeConvolutionLayer extends ConvolutionLayer {

    NativeConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean supported() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        return dataType == DataType.FLOAT && input.rank() == 4 && input.dataType() == DataType.FLOAT
                && input.size(1) == c.getNIn() && c.getCnn2dDataFormat() == CNN2DFormat.NCHW && c.hasBias()
                && c.getActivationFn() instanceof ActivationIdentity && c.getIDropout() == null
                && c.getWeightNoise() == null && c.getDilation()[0] == 1 && c.getDilation()[1] == 1
                && (convolutionMode == ConvolutionMode.Same || convolutionMode == ConvolutionMode.Truncate);
    }

    /** libnd4j's integer arguments: kernel, stride, padding, dilation, same mode, NCHW, weights [out, in, h, w]. */
    private long[] arguments() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] p = c.getPadding();
        int[] d = c.getDilation();
        return new long[] {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
                convolutionMode == ConvolutionMode.Same ? 1 : 0, 0, 1};
    }

    private long outputSize(int dimension) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        long in = input.size(2 + dimension);
        int k = c.getKernelSize()[dimension];
        int s = c.getStride()[dimension];
        int d = c.getDilation()[dimension];
        if (convolutionMode == ConvolutionMode.Same) {
            return (in + s - 1) / s;
        }
        long effectiveKernel = (long) (k - 1) * d + 1;
        return (in + 2L * c.getPadding()[dimension] - effectiveKernel) / s + 1;
    }

    private INDArray bias() {
        INDArray b = getParam(ConvolutionParamInitializer.BIAS_KEY);
        return b.reshape(b.length());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (!supported()) {
            return super.activate(training, workspaceMgr);
        }
        long[] shape = {input.size(0), layerConf().getNOut(), outputSize(0), outputSize(1)};
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
        try (OpContext context = Nd4j.getExecutioner().buildContext()) {
            context.setIArguments(arguments());
            context.setInputArray(0, input);
            context.setInputArray(1, getParam(ConvolutionParamInitializer.WEIGHT_KEY));
            context.setInputArray(2, bias());
            context.setOutputArray(0, out);
            Nd4j.exec(new Conv2D(), context);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!supported()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(),
                'c');
        try (OpContext context = Nd4j.getExecutioner().buildContext()) {
            context.setIArguments(arguments());
            context.setInputArray(0, input);
            context.setInputArray(1, getParam(ConvolutionParamInitializer.WEIGHT_KEY));
            context.setInputArray(2, bias());
            context.setInputArray(3, epsilon);
            context.setOutputArray(0, inputGradient);
            context.setOutputArray(1, weightGradient);
            context.setOutputArray(2, biasGradient.reshape(biasGradient.length()));
            Nd4j.exec(new Conv2DDerivative(), context);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient);
        return new Pair<>(gradient, inputGradient);
    }
}
