package org.regulens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
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
import org.regulens.nn.RcConvolution;
import org.regulens.nn.RcSymmetricDense;

/**
 * A small vocabulary for writing architectures. Sequences enter as [batch, 4, 1, length] (a one-row image with the
 * bases as channels), so every convolution is 1 × width; interaction maps enter as [batch, 1, rows, columns] and
 * use the 2-D steps (square kernels). Each step appends a vertex fed by the previous one; a
 * {@link #residualBlock residual block} adds a skip connection, which makes the stack a graph
 * ({@link #isGraph()}: built as a deeplearning4j {@code ComputationGraph} instead of a {@code MultiLayerNetwork}).
 */
final class LayerStack {

    /** Name of the graph's input vertex. */
    static final String INPUT = "input";

    /**
     * One vertex: a layer, or (when {@code layer} is null) another deeplearning4j graph vertex, with the names of
     * the vertices feeding it. Layers without a name of their own get one here (pool1, dropout2, ...); in a
     * {@code MultiLayerNetwork} those names are not used, so its configuration is as before graphs existed.
     */
    record Node(String name, Layer layer, GraphVertex vertex, List<String> inputs) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final ModelSettings settings;
    private String last = INPUT;
    private int channels;
    private boolean graph;
    /** With --rc equivariant: true once the reverse-complement symmetric dense layer made the stack invariant. */
    private boolean invariant;
    /** The product of the max-pooling sizes so far: lengths must be multiples of it for exact equivariance. */
    private int pooling = 1;

    LayerStack(ModelSettings settings) {
        this.settings = settings;
    }

    /** The layers in order; only for a stack without skip connections. */
    List<Layer> layers() {
        if (graph) {
            throw new IllegalStateException("this architecture has skip connections: it is a graph, not a list of layers");
        }
        return nodes.stream().map(Node::layer).toList();
    }

    List<Node> nodes() {
        return nodes;
    }

    /** True once a skip connection was added. */
    boolean isGraph() {
        return graph;
    }

    /** The name of the last vertex (the representation the logits are computed from). */
    String output() {
        return last;
    }

    private LayerStack append(String name, Layer layer) {
        nodes.add(new Node(name, layer, null, List.of(last)));
        last = name;
        return this;
    }

    private LayerStack append(Layer layer) {
        String name = layer.getLayerName();
        if (name == null) {
            String kind = layer instanceof DropoutLayer ? "dropout"
                    : layer instanceof SubsamplingLayer || layer instanceof Subsampling1DLayer ? "pool"
                    : layer instanceof GlobalPoolingLayer ? "global_pool"
                    : layer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            name = kind + counts.merge(kind, 1, Integer::sum);
        }
        return append(name, layer);
    }

    /**
     * The first convolution: its activation is the user's choice (relu or exp), after batch norm if enabled. With
     * reverse-complement parameter sharing the filters come in tied pairs and batch norm is left out (it would
     * give each filter of a pair its own statistics).
     */
    LayerStack firstConvolution(int defaultFilters, int defaultWidth) {
        int filters = settings.filters(defaultFilters);
        int width = settings.filterWidth(defaultWidth);
        if (settings.equivariant()) {
            append("conv1", new RcConvolution("conv1", filters, width));
            channels = filters;
            return append(new ActivationLayer.Builder().activation(firstActivation()).name("conv1_act").build());
        }
        append(new ConvolutionLayer.Builder(1, width).nOut(filters).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).name("conv1").build());
        if (settings.batchNorm()) {
            append(new BatchNormalization.Builder().name("conv1_bn").build());
        }
        IActivation activation = settings.exponential() ? new ExponentialActivation() : Activation.RELU.getActivationFunction();
        channels = filters;
        return append(new ActivationLayer.Builder().activation(activation).name("conv1_act").build());
    }

    /** A first convolution over [batch, 4, length] for recurrent architectures (no batch norm). */
    LayerStack firstConvolution1d(int defaultFilters, int defaultWidth) {
        requireNotEquivariant("a recurrent layer");
        int filters = settings.filters(defaultFilters);
        int width = settings.filterWidth(defaultWidth);
        IActivation activation = settings.exponential() ? new ExponentialActivation() : Activation.RELU.getActivationFunction();
        append(new Convolution1DLayer.Builder(width).nOut(filters).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).name("conv1").build());
        channels = filters;
        return append(new ActivationLayer.Builder().activation(activation).name("conv1_act").build());
    }

    LayerStack maxPool1d(int size) {
        return append(new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(size).stride(size)
                .convolutionMode(ConvolutionMode.Truncate).build());
    }

    /** The maximum of every channel over all positions. */
    LayerStack globalMaxPool() {
        return append(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
    }

    LayerStack convolution(String name, int filters, int width, int dilation) {
        if (settings.equivariant()) {
            if (dilation != 1 || invariant) {
                throw new IllegalArgumentException("--rc equivariant: " + name + " cannot be reverse-complement tied");
            }
            append(name, new RcConvolution(name, filters, width));
            channels = filters;
            return append(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
        }
        append(new ConvolutionLayer.Builder(1, width).nOut(filters).dilation(1, dilation)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).name(name).build());
        if (settings.batchNorm()) {
            append(new BatchNormalization.Builder().name(name + "_bn").build());
        }
        channels = filters;
        return append(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
    }

    /**
     * A residual block of dilated convolutions (ResidualBind): convolutions {@code name_conv1, name_conv2, ...} of
     * this width, one per dilation, each keeping the number of channels and followed by batch norm (if enabled),
     * with ReLU between them; the last one's output is added to the block's input ({@code name_add}), then ReLU
     * ({@code name_act}).
     */
    LayerStack residualBlock(String name, int width, int... dilations) {
        requireNotEquivariant("a skip connection");
        if (channels == 0) {
            throw new IllegalStateException("a residual block needs a convolution before it");
        }
        String blockInput = last;
        for (int i = 0; i < dilations.length; i++) {
            String conv = name + "_conv" + (i + 1);
            append(new ConvolutionLayer.Builder(1, width).nOut(channels).dilation(1, dilations[i])
                    .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).name(conv).build());
            if (settings.batchNorm()) {
                append(new BatchNormalization.Builder().name(conv + "_bn").build());
            }
            if (i < dilations.length - 1) {
                append(new ActivationLayer.Builder().activation(Activation.RELU).name(conv + "_act").build());
            }
        }
        String add = name + "_add";
        nodes.add(new Node(add, null, new ElementWiseVertex(ElementWiseVertex.Op.Add), List.of(last, blockInput)));
        last = add;
        graph = true;
        return append(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
    }

    // 2-D steps, for interaction maps ([batch, 1, rows, columns]): square kernels, "same" padding.

    /** The first 2-D convolution (size × size), then batch norm if enabled and the user's activation. */
    LayerStack firstConvolution2d(int defaultFilters, int defaultSize) {
        requireNotEquivariant("2-D convolutions");
        int filters = settings.filters(defaultFilters);
        int size = settings.filterWidth(defaultSize);
        append(conv2d("conv1", filters, size));
        if (settings.batchNorm()) {
            append(new BatchNormalization.Builder().name("conv1_bn").build());
        }
        IActivation activation = settings.exponential() ? new ExponentialActivation() : Activation.RELU.getActivationFunction();
        channels = filters;
        return append(new ActivationLayer.Builder().activation(activation).name("conv1_act").build());
    }

    LayerStack convolution2d(String name, int filters, int size) {
        append(conv2d(name, filters, size));
        if (settings.batchNorm()) {
            append(new BatchNormalization.Builder().name(name + "_bn").build());
        }
        channels = filters;
        return append(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
    }

    /**
     * A residual block of two size × size convolutions keeping the channels ({@code name_conv1}, {@code name_conv2},
     * batch norm after each if enabled, ReLU between), added to the block's input ({@code name_add}), then ReLU.
     */
    LayerStack residualBlock2d(String name, int size) {
        if (channels == 0) {
            throw new IllegalStateException("a residual block needs a convolution before it");
        }
        String blockInput = last;
        for (int i = 1; i <= 2; i++) {
            String conv = name + "_conv" + i;
            append(conv2d(conv, channels, size));
            if (settings.batchNorm()) {
                append(new BatchNormalization.Builder().name(conv + "_bn").build());
            }
            if (i == 1) {
                append(new ActivationLayer.Builder().activation(Activation.RELU).name(conv + "_act").build());
            }
        }
        String add = name + "_add";
        nodes.add(new Node(add, null, new ElementWiseVertex(ElementWiseVertex.Op.Add), List.of(last, blockInput)));
        last = add;
        graph = true;
        return append(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
    }

    /** Max pooling over size × size tiles (a partial last tile is dropped). */
    LayerStack maxPool2d(int size) {
        return append(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(size, size).stride(size, size)
                .convolutionMode(ConvolutionMode.Truncate).build());
    }

    private static ConvolutionLayer conv2d(String name, int filters, int size) {
        return new ConvolutionLayer.Builder(size, size).nOut(filters).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).name(name).build();
    }

    LayerStack maxPool(int size) {
        pooling *= size;
        return append(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, size).stride(1, size)
                .convolutionMode(ConvolutionMode.Truncate).build());
    }

    LayerStack dropout(double defaultRate) {
        double rate = settings.dropout(defaultRate);
        if (rate > 0) {
            // deeplearning4j's dropout argument is the probability of *keeping* an activation
            append(new DropoutLayer.Builder(1.0 - rate).build());
        }
        return this;
    }

    LayerStack dense(String name, int units) {
        if (settings.equivariant() && !invariant) {
            // the first dense layer sees both strands' features: tied weights make everything after it invariant
            append(name, new RcSymmetricDense(name, units));
            invariant = true;
        } else {
            append(new DenseLayer.Builder().nOut(units).activation(Activation.IDENTITY).name(name).build());
        }
        if (settings.batchNorm()) {
            append(new BatchNormalization.Builder().name(name + "_bn").build());
        }
        return append(new ActivationLayer.Builder().activation(Activation.RELU).name(name + "_act").build());
    }

    /**
     * Multi-head self-attention over the positions of the current feature map, positional encoding included; it
     * keeps the number of channels (as a transformer keeps its model width), so --filters sizes it too, and adds its
     * input to its output (a residual connection: at the start, when the attention still mixes positions almost
     * uniformly, the convolution's features reach the layers after it unblurred).
     */
    LayerStack selfAttention(String name, int heads, int headSize) {
        if (channels == 0) {
            throw new IllegalStateException("self-attention needs a convolution before it");
        }
        // attention over positions mixes them with learned, strand-blind projections: not reverse-complement tied
        requireNotEquivariant("a self-attention layer");
        return append(new PositionalSelfAttention(name, heads, headSize, channels, true));
    }

    LayerStack add(Layer layer) {
        requireNotEquivariant("a " + layer.getClass().getSimpleName() + " layer");
        return append(layer);
    }

    /** The product of the max-pooling sizes (1 without pooling). */
    int pooling() {
        return pooling;
    }

    /**
     * True when the stack ends reverse-complement invariant: always, unless --rc equivariant left it without the
     * symmetric dense layer.
     */
    boolean invariant() {
        return !settings.equivariant() || invariant;
    }

    private IActivation firstActivation() {
        return settings.exponential() ? new ExponentialActivation() : Activation.RELU.getActivationFunction();
    }

    private void requireNotEquivariant(String what) {
        if (settings.equivariant()) {
            throw new IllegalArgumentException("--rc equivariant is not available for " + settings.arch() + " ("
                    + what + ")");
        }
    }
}
