package org.regulens.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation layer whose function the fused batch normalisation in front of it already applies (see
 * {@link FusedBatchNormalization#folding}): it passes activations forward and gradients back unchanged. It keeps
 * its place and its settings so that the network's layer indices, names and parameters stay those of the standard
 * network, and {@link #standard} gives the activation layer back. Training networks only.
 */
public final class FoldedActivation extends ActivationLayer {

    /** For JSON and cloning; use {@link #of}. */
    public FoldedActivation() {
    }

    public static FoldedActivation of(ActivationLayer standard) {
        return LayerConfigurations.copy(ActivationLayer.class, standard, new FoldedActivation());
    }

    /** The standard activation layer with the same settings. */
    public ActivationLayer standard() {
        return LayerConfigurations.copy(ActivationLayer.class, this, new ActivationLayer());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerConfigurations.wire(new PassThrough(conf, networkDataType), this, conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    /** The layer: identity both ways (arrays moved into the workspace the network expects, not recomputed). */
    static final class PassThrough extends org.deeplearning4j.nn.layers.ActivationLayer {

        PassThrough(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsilon));
        }
    }
}
