package org.regulens.nn;

import java.util.Arrays;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * deeplearning4j's global max pooling with the same settings, computed by {@link GlobalMaxPoolingLayer}: one pass
 * forward that also notes where each maximum lies, and backward one write of the gradient to those positions,
 * instead of a reduction forward and an IsMax, a broadcast multiply and their temporary arrays backward. Training
 * networks only: {@link TrainingLayers#standard} turns it back into the standard layer.
 */
public final class GlobalMaxPooling extends GlobalPoolingLayer {

    /** For JSON and cloning; use {@link #of}. */
    public GlobalMaxPooling() {
    }

    /**
     * True for a configuration this layer computes: max pooling over every position (the default dimensions: [2]
     * for sequences, [2, 3] for images), dimensions collapsed.
     */
    static boolean handles(GlobalPoolingLayer standard) {
        int[] dimensions = standard.getPoolingDimensions();
        return standard.getClass() == GlobalPoolingLayer.class && standard.getPoolingType() == PoolingType.MAX
                && standard.isCollapseDimensions() && (dimensions == null || Arrays.equals(dimensions, new int[] {2})
                        || Arrays.equals(dimensions, new int[] {2, 3}));
    }

    public static GlobalMaxPooling of(GlobalPoolingLayer standard) {
        return LayerConfigurations.copy(GlobalPoolingLayer.class, standard, new GlobalMaxPooling());
    }

    /** The standard deeplearning4j layer configuration with the same settings. */
    public GlobalPoolingLayer standard() {
        return LayerConfigurations.copy(GlobalPoolingLayer.class, this, new GlobalPoolingLayer());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerConfigurations.wire(new GlobalMaxPoolingLayer(conf, networkDataType), this, conf,
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
