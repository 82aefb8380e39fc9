package org.regulens.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * A small vocabulary for writing architectures as a list of layers. Sequences enter as [batch, 4, 1, length]
 * (a one-row image with the bases as channels), so every convolution is 1 × width.
 */
final class LayerStack {

    private final List<Layer> layers = new ArrayList<>();
    private final ModelSettings settings;

    LayerStack(ModelSettings settings) {
        this.settings = settings;
    }

    List<Layer> layers() {
        return layers;
    }

    /** The first convolution: its activation is the user's choice (relu or exp), after batch norm if enabled. */
    LayerStack firstConvolution(int defaultFilters, int defaultWidth) {
        int filters = settings.filters(defaultFilters);
        int width = settings.filterWidth(defaultWidth);
        layers.add(new ConvolutionLayer.Builder(1, width).nOut(filters).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).name("conv1").build());
        if (settings.batchNorm()) {
            layers.add(new BatchNormalization.Builder().name("conv1_bn").build());
        }
        IActivation activation = settings.exponential() ? new ExponentialActivation() : Activation.RELU.getActivationFunction();
        layers.add(new ActivationLayer.Builder().activation(activation).name("conv1_act").build());
        return this;
    }

    /** A first convolution over [batch, 4, length] for recurrent architectures (no batch norm). */
    LayerStack firstConvolution1d(int defaultFilters, int defaultWidth) {
        int filters = settings.filters(defaultFilters);
        int width = settings.filterWidth(defaultWidth);
        IActivation activation = settings.exponential() ? new ExponentialActivation() : Activation.RELU.getActivationFunction();
        layers.add(new Convolution1DLayer.Builder(width).nOut(filters).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).name("conv1").build());
        layers.add(new ActivationLayer.Builder().activation(activation).name("conv1_act").build());
        return this;
    }

    LayerStack maxPool1d(int size) {
        layers.add(new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(size).stride(size)
                .convolutionMode(ConvolutionMode.Truncate).build());
        return this;
    }

    /** The maximum of every channel over all positions. */
    LayerStack globalMaxPool() {
        layers.add(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
        return this;
    }

    LayerStack convolution(String name, int filters, int width, int dilation) {
        layers.add(new ConvolutionLayer.Builder(1, width).nOut(filters).dilation(1, dilation)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).name(name).build());
        if (settings.batchNorm()) {
            layers.add(new BatchNormalization.Builder().name(name + "_bn").build());
        }
        layers.add(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
        return this;
    }

    LayerStack maxPool(int size) {
        layers.add(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, size).stride(1, size)
                .convolutionMode(ConvolutionMode.Truncate).build());
        return this;
    }

    LayerStack dropout(double defaultRate) {
        double rate = settings.dropout(defaultRate);
        if (rate > 0) {
            // deeplearning4j's dropout argument is the probability of *keeping* an activation
            layers.add(new DropoutLayer.Builder(1.0 - rate).build());
        }
        return this;
    }

    LayerStack dense(String name, int units) {
        layers.add(new DenseLayer.Builder().nOut(units).activation(Activation.IDENTITY).name(name).build());
        if (settings.batchNorm()) {
            layers.add(new BatchNormalization.Builder().name(name + "_bn").build());
        }
        layers.add(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
        return this;
    }

    LayerStack add(Layer layer) {
        layers.add(layer);
        return this;
    }
}
