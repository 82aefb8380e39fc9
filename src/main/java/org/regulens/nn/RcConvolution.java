package org.regulens.nn;

import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reverse-complement equivariant 1 × width convolution over [batch, channels, 1, length] (Shrikumar et al. 2017,
 * "Reverse-complement parameter sharing"). Its {@code nOut} filters come in pairs: filter {@code o} and filter
 * {@code nOut-1-o} hold the same weights flipped along the width and along the input channels, so only the first
 * half ({@code W} [nOut/2, nIn, 1, width], {@code b} [1, nOut/2]) are free parameters. Input channels are paired
 * the same way (channel {@code c} with {@code nIn-1-c}): in one-hot A C G T order that is the complement, and every
 * layer built from this one keeps the layout, so the reverse complement of any representation is its reversal along
 * channels and positions, and this layer maps reversed input to reversed output exactly.
 *
 * <p>"Same" padding must be symmetric for that, so an even width w is computed as width w + 1 with a zero last
 * column (its partner's zero column comes first). Training networks only: {@link ReverseComplementLayers} expands it
 * into deeplearning4j's standard {@link ConvolutionLayer} ({@link #standard()}, {@link #expandWeights}) before a
 * model is saved, so model files hold standard layers.
 */
public final class RcConvolution extends SameDiffLayer {

    public static final String WEIGHT_KEY = "W";
    public static final String BIAS_KEY = "b";

    private long nIn;
    private long nOut;
    private int width;

    /** For JSON and cloning. */
    public RcConvolution() {
    }

    /** @param nOut all filters (an even number: nOut/2 free ones and their reverse complements) */
    public RcConvolution(String name, long nOut, int width) {
        if (nOut < 2 || nOut % 2 != 0) {
            throw new IllegalArgumentException("reverse-complement sharing needs an even number of filters, not " + nOut);
        }
        this.nOut = nOut;
        this.width = width;
        setLayerName(name);
    }

    /** The width of the computed (and saved) kernel: the free width, made odd with a zero column. */
    public int kernelWidth() {
        return width % 2 == 0 ? width + 1 : width;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getNOut() {
        return nOut;
    }

    public void setNOut(long nOut) {
        this.nOut = nOut;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable w = params.get(WEIGHT_KEY);
        if (width % 2 == 0) {
            w = sd.concat(3, w, sd.constant(Nd4j.zeros(w.dataType(), nOut / 2, nIn, 1, 1)));
        }
        SDVariable full = sd.concat(0, w, sd.reverse(w, 0, 1, 3));
        SDVariable b = sd.reshape(params.get(BIAS_KEY), nOut / 2);
        SDVariable bias = sd.concat(0, b, sd.reverse(b, 0));
        int k = kernelWidth();
        Conv2DConfig config = Conv2DConfig.builder().kH(1).kW(k).sH(1).sW(1).pH(0).pW((k - 1) / 2).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        // [out, in, 1, k] as [1, k, in, out]: libnd4j's conv2d_bp refuses the OIYX layout here
        return sd.cnn().conv2d(input, sd.permute(full, 2, 3, 1, 0), bias, config);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHT_KEY, nOut / 2, nIn, 1, width);
        params.addBiasParam(BIAS_KEY, 1, nOut / 2);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // He initialisation as the standard layers get here (WeightInit.RELU), fan-in of one full filter
        INDArray w = params.get(WEIGHT_KEY);
        new WeightInitRelu().init(nIn * width, nOut * width, w.shape(), 'c', w);
        params.get(BIAS_KEY).assign(0);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(org.deeplearning4j.nn.conf.NeuralNetConfiguration conf,
            java.util.Collection<org.deeplearning4j.optimize.api.TrainingListener> listeners, int index,
            INDArray paramsView, boolean initializeParams, org.nd4j.linalg.api.buffer.DataType dataType) {
        return LayerConfigurations.wire(new TiedSameDiffLayer(conf, dataType), this, conf, listeners, index,
                paramsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) inputType;
        return InputType.convolutional(in.getHeight(), in.getWidth(), nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = ((InputType.InputTypeConvolutional) inputType).getChannels();
        }
    }

    /** The standard convolution computing the same function from {@link #expandWeights expanded} parameters. */
    public ConvolutionLayer standard() {
        ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(1, kernelWidth()).nIn(nIn).nOut(nOut)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).name(getLayerName())
                .weightInit(org.deeplearning4j.nn.weights.WeightInit.RELU)
                .gradientNormalization(gradientNormalization == null
                        ? org.deeplearning4j.nn.conf.GradientNormalization.None : gradientNormalization);
        if (updater != null) {
            builder.updater(updater);
        }
        ConvolutionLayer layer = builder.build();
        layer.setRegularization(regularization == null ? java.util.List.of() : regularization);
        layer.setRegularizationBias(regularizationBias == null ? java.util.List.of() : regularizationBias);
        return layer;
    }

    /** Full weights [nOut, nIn, 1, kernelWidth] from the free ones [nOut/2, nIn, 1, width]. */
    public static INDArray expandWeights(INDArray free) {
        long half = free.size(0);
        long in = free.size(1);
        long w = free.size(3);
        long k = w % 2 == 0 ? w + 1 : w;
        float[] f = free.dup('c').data().asFloat();
        float[] full = new float[(int) (2 * half * in * k)];
        for (int o = 0; o < half; o++) {
            for (int c = 0; c < in; c++) {
                for (int j = 0; j < w; j++) {
                    float value = f[(int) ((o * in + c) * w + j)];
                    full[(int) ((o * in + c) * k + j)] = value;
                    // the partner: output 2·half-1-o, input channel in-1-c, column k-1-j
                    full[(int) (((2 * half - 1 - o) * in + (in - 1 - c)) * k + (k - 1 - j))] = value;
                }
            }
        }
        return Nd4j.createFromArray(full).reshape('c', 2 * half, in, 1, k);
    }

    /** Full bias [1, nOut] from the free one [1, nOut/2]: each partner shares its filter's bias. */
    public static INDArray expandBias(INDArray free) {
        float[] f = free.dup('c').data().asFloat();
        float[] full = new float[2 * f.length];
        for (int o = 0; o < f.length; o++) {
            full[o] = f[o];
            full[full.length - 1 - o] = f[o];
        }
        return Nd4j.createFromArray(full).reshape(1, full.length);
    }
}
