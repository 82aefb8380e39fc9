package org.regulens.nn;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
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
     * Batch normalisation layers become {@link FusedBatchNormalization}, 2-D convolutions {@link NativeConvolution}.
     */
    public static MultiLayerConfiguration fused(MultiLayerConfiguration configuration) {
        return swap(configuration, TrainingLayers::toFused);
    }

    public static ComputationGraphConfiguration fused(ComputationGraphConfiguration configuration) {
        return swap(configuration, TrainingLayers::toFused);
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
                || c.getLayer() instanceof NativeConvolution);
    }

    private static Layer toFused(Layer layer) {
        // exact classes only: subclasses (Convolution1DLayer, ...) compute something else
        if (layer.getClass() == BatchNormalization.class) {
            return FusedBatchNormalization.of((BatchNormalization) layer);
        }
        if (layer.getClass() == ConvolutionLayer.class) {
            return NativeConvolution.of((ConvolutionLayer) layer);
        }
        return layer;
    }

    private static Layer toStandard(Layer layer) {
        if (layer instanceof FusedBatchNormalization fused) {
            return fused.standard();
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
