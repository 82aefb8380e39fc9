package org.regulens.nn;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense layer invariant to the reverse complement of its input: after {@link RcConvolution}s (and pooling that
 * keeps positions symmetric) the reverse complement of the flattened representation is its reversal, so input
 * {@code i} and input {@code nIn-1-i} share one weight per unit and the output cannot tell the strands apart. Free
 * parameters: {@code W} [nIn/2, nOut] and {@code b} [1, nOut]. Training networks only: it becomes a standard
 * {@link DenseLayer} ({@link #standard()}, {@link #expandWeights}) before a model is saved.
 */
public final class RcSymmetricDense extends SameDiffLayer {

    public static final String WEIGHT_KEY = "W";
    public static final String BIAS_KEY = "b";

    private long nIn;
    private long nOut;

    /** For JSON and cloning. */
    public RcSymmetricDense() {
    }

    public RcSymmetricDense(String name, long nOut) {
        this.nOut = nOut;
        setLayerName(name);
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

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable w = params.get(WEIGHT_KEY);
        SDVariable full = sd.concat(0, w, sd.reverse(w, 0));
        return input.mmul(full).add(params.get(BIAS_KEY));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHT_KEY, nIn / 2, nOut);
        params.addBiasParam(BIAS_KEY, 1, nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        INDArray w = params.get(WEIGHT_KEY);
        new WeightInitRelu().init(nIn, nOut, w.shape(), 'c', w);
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
        return InputType.feedForward(nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = inputType.arrayElementsPerExample();
            if (nIn % 2 != 0) {
                throw new IllegalArgumentException("a reverse-complement symmetric dense layer needs an even number "
                        + "of inputs, not " + nIn);
            }
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        if (inputType instanceof InputType.InputTypeConvolutional c) {
            return new CnnToFeedForwardPreProcessor(c.getHeight(), c.getWidth(), c.getChannels());
        }
        return null;
    }

    /** The standard dense layer computing the same function from {@link #expandWeights expanded} weights. */
    public DenseLayer standard() {
        DenseLayer.Builder builder = new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(Activation.IDENTITY)
                .name(getLayerName()).weightInit(org.deeplearning4j.nn.weights.WeightInit.RELU)
                .gradientNormalization(gradientNormalization == null
                        ? org.deeplearning4j.nn.conf.GradientNormalization.None : gradientNormalization);
        if (updater != null) {
            builder.updater(updater);
        }
        DenseLayer layer = builder.build();
        layer.setRegularization(regularization == null ? List.of() : regularization);
        layer.setRegularizationBias(regularizationBias == null ? List.of() : regularizationBias);
        return layer;
    }

    /** Full weights [nIn, nOut] from the free ones [nIn/2, nOut]: row nIn-1-i repeats row i. */
    public static INDArray expandWeights(INDArray free) {
        long half = free.size(0);
        long out = free.size(1);
        INDArray full = Nd4j.create(free.dataType(), 2 * half, out);
        for (long i = 0; i < half; i++) {
            full.putRow(i, free.getRow(i));
            full.putRow(2 * half - 1 - i, free.getRow(i));
        }
        return full;
    }
}
