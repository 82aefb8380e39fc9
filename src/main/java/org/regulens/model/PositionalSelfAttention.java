package org.regulens.model;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.regulens.nn.MultiHeadAttention;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al. 2017) over the positions of a convolutional feature
 * map [batch, channels, 1, positions], with a fixed sinusoidal positional encoding added to its input first
 * ({@link MultiHeadAttention} computes it, forward and backward; {@link PositionalSelfAttentionLayer} runs it in a
 * network). It takes and gives the one-row image layout of the other convolutional layers, so batch norm, pooling
 * and dense layers around it work unchanged (deeplearning4j's own attention layers take the recurrent layout, and
 * its CNN-to-RNN preprocessor would read the batch as time).
 *
 * <p>Why a fixed encoding: it has no parameters to learn from the few thousand rows a ChIP-seq set gives, it is
 * defined for any position, and the positions of a pooled map are few (tens to a few hundred), so the
 * low-frequency components still separate them.
 *
 * <p>Parameters, in this order in the flat parameter vector (c order, as the SameDiff layer that came before this
 * one stored them, so its model files still load): Wq, Wk, Wv [heads, headSize, channels], Wo [heads·headSize,
 * nOut]. With {@code residual} the input is added to the output (models saved before it existed load without).
 */
public final class PositionalSelfAttention extends BaseLayer {

    private static final long serialVersionUID = 2L;

    private int heads;
    private int headSize;
    private long nIn;
    private long nOut;
    private long positions;
    private boolean residual;

    /** For JSON deserialisation. */
    public PositionalSelfAttention() {
        // set, so deeplearning4j's reader does not take the layer for one of its legacy JSON formats; neither is used
        // (the layer has no activation, and AttentionParams initialises its weights)
        setActivationFn(new ActivationIdentity());
        setWeightInitFn(new WeightInitXavier());
    }

    public PositionalSelfAttention(String name, int heads, int headSize, long nOut, boolean residual) {
        this();
        this.heads = heads;
        this.headSize = headSize;
        this.nOut = nOut;
        this.residual = residual;
        setLayerName(name);
    }

    /** The encoding added to the input, [channels, positions] (see {@link MultiHeadAttention#sinusoidalEncoding}). */
    public static INDArray positionalEncoding(long channels, long positions, DataType type) {
        return MultiHeadAttention.sinusoidalEncoding(channels, positions, type);
    }

    /** The layer's function over the given parameters (Wq, Wk, Wv, Wo as {@link AttentionParams} stores them). */
    public MultiHeadAttention function(INDArray wq, INDArray wk, INDArray wv, INDArray wo) {
        return new MultiHeadAttention(wq, wk, wv, wo, positionalEncoding(nIn, positions, wq.dataType()), residual);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        PositionalSelfAttentionLayer layer = new PositionalSelfAttentionLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return AttentionParams.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.convolutional(1, ((InputType.InputTypeConvolutional) inputType).getWidth(), nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeConvolutional conv) || conv.getHeight() != 1) {
            throw new IllegalStateException("self-attention " + getLayerName()
                    + " needs a one-row convolutional feature map, not " + inputType);
        }
        if (nIn <= 0 || override) {
            nIn = conv.getChannels();
            positions = conv.getWidth();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = initializer().numParams(this);
        return new LayerMemoryReport.Builder(getLayerName(), PositionalSelfAttention.class, inputType,
                getOutputType(-1, inputType)).standardMemory(params, params).build();
    }

    /**
     * The updater under the name the SameDiff version of this layer wrote ("updater"), so its model files load with
     * their updater (deeplearning4j's reader would otherwise take a missing one for a legacy format and fail).
     */
    public void setUpdater(IUpdater updater) {
        setIUpdater(updater);
    }

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public int getHeadSize() {
        return headSize;
    }

    public void setHeadSize(int headSize) {
        this.headSize = headSize;
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

    public long getPositions() {
        return positions;
    }

    public void setPositions(long positions) {
        this.positions = positions;
    }

    public boolean isResidual() {
        return residual;
    }

    public void setResidual(boolean residual) {
        this.residual = residual;
    }
}
