package org.regulens.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitUtil;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al. 2017) over the positions of a convolutional feature
 * map [batch, channels, 1, positions], with a fixed sinusoidal positional encoding added to its input first. It
 * takes and gives the one-row image layout of the other convolutional layers, so batch norm, pooling and dense
 * layers around it work unchanged (deeplearning4j's own attention layers take the recurrent layout, and its
 * CNN-to-RNN preprocessor would read the batch as time).
 *
 * <p>Why a fixed encoding: it has no parameters to learn from the few thousand rows a ChIP-seq set gives, it is
 * defined for any position, and the positions of a pooled map are few (tens to a few hundred), so the
 * low-frequency components still separate them. For channel 2i the encoding is sin(p / 10000^(2i/C)), for 2i + 1
 * cos(p / 10000^(2i/C)), at position p of C channels (Vaswani et al., section 3.5).
 *
 * <p>Parameters: Wq, Wk [heads, headSize, channels], Wv [heads, headSize, channels], Wo [heads·headSize, nOut].
 * For head h the map A_h = softmax_keys(Q_hᵀK_h / √headSize) (rows: query positions); the output at a position is
 * Woᵀ times the heads' value averages, concatenated head after head. {@code attribute.AttentionStep} computes the
 * same function (and its maps) outside deeplearning4j.
 */
public final class PositionalSelfAttention extends SameDiffLayer {

    private static final long serialVersionUID = 1L;

    private int heads;
    private int headSize;
    private long nIn;
    private long nOut;
    private long positions;

    /** For JSON deserialisation. */
    public PositionalSelfAttention() {
    }

    public PositionalSelfAttention(String name, int heads, int headSize, long nOut) {
        this.heads = heads;
        this.headSize = headSize;
        this.nOut = nOut;
        setLayerName(name);
    }

    /** The encoding added to the input, [channels, positions]: channel 2i sin, 2i + 1 cos (see the class comment). */
    public static INDArray positionalEncoding(long channels, long positions, DataType type) {
        float[] values = new float[(int) (channels * positions)];
        for (int c = 0; c < channels; c++) {
            double frequency = Math.pow(10000.0, -(double) (c - c % 2) / channels);
            for (int p = 0; p < positions; p++) {
                double angle = p * frequency;
                values[(int) (c * positions + p)] = (float) (c % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return Nd4j.createFromArray(values).reshape('c', channels, positions).castTo(type);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable x = input.reshape(-1, nIn, positions);
        SDVariable encoding = sd.constant(positionalEncoding(nIn, positions, input.dataType()).reshape(1, nIn, positions));
        SDVariable encoded = x.add(encoding);
        SDVariable attended = sd.nn.multiHeadDotProductAttention(encoded, encoded, encoded,
                params.get("Wq"), params.get("Wk"), params.get("Wv"), params.get("Wo"), null, true);
        return attended.reshape(-1, nOut, 1, positions);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam("Wq", heads, headSize, nIn);
        params.addWeightParam("Wk", heads, headSize, nIn);
        params.addWeightParam("Wv", heads, headSize, nIn);
        params.addWeightParam("Wo", (long) heads * headSize, nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (Map.Entry<String, INDArray> entry : params.entrySet()) {
                boolean output = entry.getKey().equals("Wo");
                double fanIn = output ? (double) heads * headSize : nIn;
                double fanOut = output ? nOut : headSize;
                WeightInitUtil.initWeights(fanIn, fanOut, entry.getValue().shape(), WeightInit.XAVIER, null, 'c',
                        entry.getValue());
            }
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.convolutional(1, positions(inputType), nOut);
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

    private static long positions(InputType inputType) {
        return ((InputType.InputTypeConvolutional) inputType).getWidth();
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
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
}
