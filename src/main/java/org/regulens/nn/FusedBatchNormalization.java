package org.regulens.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * deeplearning4j's batch normalisation with the same settings, parameters (gamma, beta, mean, log10stdev or var, in
 * that order) and semantics, but computed by {@link FusedBatchNormLayer}: one pass for the statistics and one for
 * the output forward, two passes backward, instead of some twenty separate array operations. Only training networks
 * use it: {@link TrainingLayers#standard} turns it back into the standard layer before a model is saved or used for
 * anything else, so model files are unchanged. It may also apply the activation of the activation layer after it
 * ({@link #folding}; that layer then passes values through, see {@link FoldedActivation}).
 */
public final class FusedBatchNormalization extends BatchNormalization {

    /** The activation applied to the normalised output, or null (the output is the normalised value). */
    private IActivation foldedActivation;

    /** For JSON and cloning; use {@link #of}. */
    public FusedBatchNormalization() {
    }

    /** The fused version of a standard layer configuration: every setting copied. */
    public static FusedBatchNormalization of(BatchNormalization standard) {
        return LayerConfigurations.copy(BatchNormalization.class, standard, new FusedBatchNormalization());
    }

    /**
     * The fused version of a standard layer followed by an activation layer with this function, which must have an
     * {@link ElementwiseActivation} form.
     */
    public static FusedBatchNormalization folding(BatchNormalization standard, IActivation activation) {
        if (ElementwiseActivation.of(activation) == null) {
            throw new IllegalArgumentException("cannot fold " + activation + " into batch normalisation");
        }
        FusedBatchNormalization fused = of(standard);
        fused.foldedActivation = activation;
        return fused;
    }

    /** The activation this layer applies after normalising, or null. */
    public IActivation foldedActivation() {
        return foldedActivation;
    }

    /** The standard deeplearning4j layer configuration with the same settings (the folded activation aside). */
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
