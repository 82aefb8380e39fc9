package org.regulens.nn;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Swaps layer configurations between deeplearning4j's standard layers (what model files hold and every command but
 * training runs) and the fused training layers of this package, which have the same parameters in the same order,
 * so a network's flat parameter vector carries over unchanged. Both directions edit the configuration in place.
 */
public final class TrainingLayers {

    private TrainingLayers() {
    }

    /**
     * True on ND4J's CPU backend, the only one the fused layers are written for (they read and write host memory
     * directly).
     */
    public static boolean available() {
        return "CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
    }

    /**
     * Batch normalisation layers become {@link FusedBatchNormalization}, 2-D convolutions {@link NativeConvolution},
     * global max pooling {@link GlobalMaxPooling};
     * an activation layer right after batch normalisation is folded into it where it can be (see {@link #fold}).
     */
    public static MultiLayerConfiguration fused(MultiLayerConfiguration configuration) {
        List<NeuralNetConfiguration> confs = configuration.getConfs();
        for (int i = 0; i + 1 < confs.size(); i++) {
            fold(confs.get(i), confs.get(i + 1));
        }
        return swap(configuration, TrainingLayers::toFused);
    }

    public static ComputationGraphConfiguration fused(ComputationGraphConfiguration configuration) {
        Map<String, List<String>> inputs = configuration.getVertexInputs();
        for (Map.Entry<String, GraphVertex> vertex : configuration.getVertices().entrySet()) {
            List<String> from = inputs.get(vertex.getKey());
            if (from == null || from.size() != 1 || !(vertex.getValue() instanceof LayerVertex activation)
                    || !(configuration.getVertices().get(from.get(0)) instanceof LayerVertex normalisation)) {
                continue;
            }
            // only where nothing else reads the normalised values
            long readers = inputs.values().stream().filter(list -> list.contains(from.get(0))).count();
            if (readers == 1 && !configuration.getNetworkOutputs().contains(from.get(0))) {
                fold(normalisation.getLayerConf(), activation.getLayerConf());
            }
        }
        return swap(configuration, TrainingLayers::toFused);
    }

    /**
     * Batch normalisation followed by an activation layer with an {@link ElementwiseActivation} form and no dropout
     * becomes one fused layer that applies the activation, and a {@link FoldedActivation} that passes it on.
     */
    private static void fold(NeuralNetConfiguration first, NeuralNetConfiguration second) {
        if (first.getLayer().getClass() == BatchNormalization.class
                && second.getLayer().getClass() == ActivationLayer.class) {
            BatchNormalization normalisation = (BatchNormalization) first.getLayer();
            ActivationLayer activation = (ActivationLayer) second.getLayer();
            if (ElementwiseActivation.of(activation.getActivationFn()) != null && activation.getIDropout() == null
                    && !normalisation.isLockGammaBeta() && normalisation.getCnn2DFormat() == CNN2DFormat.NCHW) {
                first.setLayer(FusedBatchNormalization.folding(normalisation, activation.getActivationFn()));
                second.setLayer(FoldedActivation.of(activation));
            }
        }
    }

    /** Fused layers become deeplearning4j's standard ones again. */
    public static MultiLayerConfiguration standard(MultiLayerConfiguration configuration) {
        return swap(configuration, TrainingLayers::toStandard);
    }

    public static ComputationGraphConfiguration standard(ComputationGraphConfiguration configuration) {
        return swap(configuration, TrainingLayers::toStandard);
    }

    /** True when a configuration holds a fused layer. */
    public static boolean hasFused(MultiLayerConfiguration configuration) {
        return configuration.getConfs().stream().anyMatch(c -> c.getLayer() instanceof FusedBatchNormalization
                || c.getLayer() instanceof NativeConvolution || c.getLayer() instanceof FoldedActivation
                || c.getLayer() instanceof GlobalMaxPooling);
    }

    private static Layer toFused(Layer layer) {
        // exact classes only: subclasses (Convolution1DLayer, ...) compute something else
        if (layer.getClass() == BatchNormalization.class) {
            return FusedBatchNormalization.of((BatchNormalization) layer);
        }
        if (layer.getClass() == ConvolutionLayer.class) {
            return NativeConvolution.of((ConvolutionLayer) layer);
        }
        if (layer instanceof GlobalPoolingLayer pooling && GlobalMaxPooling.handles(pooling)) {
            return GlobalMaxPooling.of(pooling);
        }
        return layer;
    }

    private static Layer toStandard(Layer layer) {
        if (layer instanceof FusedBatchNormalization fused) {
            return fused.standard();
        }
        if (layer instanceof FoldedActivation activation) {
            return activation.standard();
        }
        if (layer instanceof GlobalMaxPooling pooling) {
            return pooling.standard();
        }
        return layer instanceof NativeConvolution convolution ? convolution.standard() : layer;
    }

    private static MultiLayerConfiguration swap(MultiLayerConfiguration configuration, UnaryOperator<Layer> swap) {
        for (NeuralNetConfiguration conf : configuration.getConfs()) {
            conf.setLayer(swap.apply(conf.getLayer()));
        }
        return configuration;
    }

    private static ComputationGraphConfiguration swap(ComputationGraphConfiguration configuration,
                                                      UnaryOperator<Layer> swap) {
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                NeuralNetConfiguration conf = layerVertex.getLayerConf();
                conf.setLayer(swap.apply(conf.getLayer()));
            }
        }
        return configuration;
    }
}
