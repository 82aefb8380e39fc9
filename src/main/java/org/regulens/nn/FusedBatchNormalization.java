package org.regulens.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * deeplearning4j's batch normalisation with the same settings, parameters (gamma, beta, mean, log10stdev or var, in
 * that order) and semantics, but computed by {@link FusedBatchNormLayer}: one pass for the statistics and one for
 * the output forward, two passes backward, instead of some twenty separate array operations. Only training networks
 * use it: {@link TrainingLayers#standard} turns it back into the standard layer before a model is saved or used for
 * anything else, so model files are unchanged.
 */
public final class FusedBatchNormalization extends BatchNormalization {

    /** For JSON and cloning; use {@link #of}. */
    public FusedBatchNormalization() {
    }

    /** The fused version of a standard layer configuration: every setting copied. */
    public static FusedBatchNormalization of(BatchNormalization standard) {
        return LayerConfigurations.copy(BatchNormalization.class, standard, new FusedBatchNormalization());
    }

    /** The standard deeplearning4j layer configuration with the same settings. */
    public BatchNormalization standard() {
        return LayerConfigurations.copy(BatchNormalization.class, this, new BatchNormalization());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerConfigurations.wire(new FusedBatchNormLayer(conf, networkDataType), this, conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }
}
