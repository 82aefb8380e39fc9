package org.regulens.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * deeplearning4j's 2-D convolution with the same settings and parameters (b, then W as [out, in, height, width]),
 * computed by {@link NativeConvolutionLayer}: one native conv2d operation forward and one conv2d_bp backward
 * (oneDNN's direct convolution in the oneDNN build), instead of deeplearning4j's im2col, matrix product and bias
 * broadcast as separate operations, with the forward pass computed a second time inside the backward pass. Training
 * networks only: {@link TrainingLayers#standard} turns it back into the standard layer.
 */
public final class NativeConvolution extends ConvolutionLayer {

    /** For JSON and cloning; use {@link #of}. */
    public NativeConvolution() {
    }

    public static NativeConvolution of(ConvolutionLayer standard) {
        return LayerConfigurations.copy(ConvolutionLayer.class, standard, new NativeConvolution());
    }

    /** The standard deeplearning4j layer configuration with the same settings. */
    public ConvolutionLayer standard() {
        return LayerConfigurations.copy(ConvolutionLayer.class, this, new ConvolutionLayer());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerConfigurations.wire(new NativeConvolutionLayer(conf, networkDataType), this, conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }
}
