package org.regulens.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of {@link PositionalSelfAttention} as views of the network's flat parameter (and gradient) vector:
 * Wq, Wk, Wv [heads, headSize, channels], then Wo [heads·headSize, nOut], each in c order. Initialised Xavier
 * (Glorot) with each projection's own fan-in and fan-out, which keeps the attention scores of order one at the
 * start, so the softmax neither saturates nor is flat.
 */
final class AttentionParams implements ParamInitializer {

    static final AttentionParams INSTANCE = new AttentionParams();
    static final List<String> KEYS = List.of("Wq", "Wk", "Wv", "Wo");

    private AttentionParams() {
    }

    private static long[] shape(PositionalSelfAttention layer, String key) {
        long width = (long) layer.getHeads() * layer.getHeadSize();
        return key.equals("Wo") ? new long[] {width, layer.getNOut()}
                : new long[] {layer.getHeads(), layer.getHeadSize(), layer.getNIn()};
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return KEYS.stream().mapToLong(k -> length(shape((PositionalSelfAttention) layer, k))).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        PositionalSelfAttention layer = (PositionalSelfAttention) conf.getLayer();
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            for (Map.Entry<String, INDArray> entry : views.entrySet()) {
                boolean output = entry.getKey().equals("Wo");
                double fanIn = output ? (double) layer.getHeads() * layer.getHeadSize() : layer.getNIn();
                double fanOut = output ? layer.getNOut() : layer.getHeadSize();
                WeightInitUtil.initWeights(fanIn, fanOut, entry.getValue().shape(), WeightInit.XAVIER, null, 'c',
                        entry.getValue());
            }
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((PositionalSelfAttention) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(PositionalSelfAttention layer, INDArray flat) {
        INDArray row = flat.reshape(1, flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        for (String key : KEYS) {
            long[] shape = shape(layer, key);
            long n = length(shape);
            views.put(key, row.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c', shape));
            offset += n;
        }
        return views;
    }
}
