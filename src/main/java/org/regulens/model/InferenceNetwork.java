package org.regulens.model;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The trained network rewritten for inference and gradients: dropout layers and the loss layer removed, and
 * every batch normalisation folded into the convolution or dense layer before it (inference-time batch norm is
 * an affine map, so W' = W·γ/s and b' = (b − μ)·γ/s + β with s = sqrt(var + ε)). The result computes the same
 * logits, and deeplearning4j's backpropagation through it gives exact input gradients (its batch-norm
 * backpropagation assumes batch statistics, and its dropout layers refuse to backpropagate outside training).
 *
 * <p>Two kinds, behind the same methods: {@link InferenceStack} for sequential networks
 * ({@code MultiLayerNetwork}) and {@link InferenceGraph} for networks with skip connections
 * ({@code ComputationGraph}: residualbind). Inputs are [n, 4, 1, L] (one-hot, A C G T as channels, a one-row image)
 * for every convolutional architecture, residualbind included, and [n, 4, L] for the recurrent one (danq); see
 * {@link RegulensModel#input}. The methods are not thread-safe (deeplearning4j networks keep state per call).
 */
public abstract sealed class InferenceNetwork permits InferenceStack, InferenceGraph {

    /** The inference network of a trained {@code MultiLayerNetwork} or {@code ComputationGraph}. */
    public static InferenceNetwork of(Model trained, InputType inputType) {
        if (trained instanceof MultiLayerNetwork network) {
            return InferenceStack.of(network, inputType);
        }
        if (trained instanceof ComputationGraph graph) {
            return InferenceGraph.of(graph, inputType);
        }
        throw new IllegalArgumentException("not a deeplearning4j network: " + trained.getClass().getName());
    }

    /** The rewritten deeplearning4j network (a {@code MultiLayerNetwork} or a {@code ComputationGraph}). */
    public abstract Model network();

    /** Index of the layer (or vertex) with this name, for {@link #activations(INDArray, int)}; -1 if none. */
    public abstract int layerIndex(String name);

    /** The output of the layer (or vertex) with this index for inputs x. */
    public abstract INDArray activations(INDArray x, int layer);

    /** The output of the layer (or vertex) with this name for inputs x, e.g. "conv1_act": [n, filters, 1, L]. */
    public INDArray activations(INDArray x, String name) {
        int index = layerIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("no layer named '" + name + "'");
        }
        return activations(x, index);
    }

    /** Logits [n, tasks] for inputs x. */
    public abstract INDArray logits(INDArray x);

    /** d logit[task] / d input for every input row, shaped like x. */
    public abstract INDArray inputGradient(INDArray x, int task);

    /**
     * The parameters of the named layer, by deeplearning4j's keys ("W", "b"; batch norm is folded away): views,
     * so writing them changes this network (not the trained one). Convolution weights are [filters, 4, 1, width].
     */
    public abstract Map<String, INDArray> layerParams(String name);

    /**
     * Every vertex in topological order (each after all vertices feeding it), from "input" to "logits": for a
     * sequential network a chain, for a graph also the parameter-free vertices such as "add".
     */
    public abstract List<GraphNode> topology();

    /** Folds inference-time batch norm into the convolution or dense layer {@code target} before it. */
    static void fold(Layer target, Layer batchNorm, BatchNormalization conf) {
        INDArray gamma = batchNorm.getParam("gamma").reshape(-1);
        INDArray beta = batchNorm.getParam("beta").reshape(-1);
        INDArray mean = batchNorm.getParam("mean").reshape(-1);
        // deeplearning4j stores either the variance or, by default, log10 of the standard deviation (with ε)
        INDArray std = batchNorm.paramTable().containsKey("log10stdev")
                ? Transforms.pow(Nd4j.valueArrayOf(mean.shape(), 10.0, mean.dataType()),
                        batchNorm.getParam("log10stdev").reshape(-1), false)
                : Transforms.sqrt(batchNorm.getParam("var").reshape(-1).add(conf.getEps()), false);
        INDArray scale = gamma.div(std);
        INDArray w = target.getParam("W");
        INDArray b = target.getParam("b");
        if (w.rank() == 4) {
            // convolution weights [out, in, kH, kW]: scale each output filter
            org.nd4j.linalg.factory.Broadcast.mul(w, scale.castTo(w.dataType()), w, 0);
        } else {
            // dense weights [in, out]: scale each output column
            w.muliRowVector(scale.reshape(1, -1).castTo(w.dataType()));
        }
        INDArray folded = b.reshape(-1).sub(mean).muli(scale).addi(beta);
        b.assign(folded.reshape(b.shape()));
    }

    static Map<String, INDArray> params(Layer layer, String name) {
        if (layer == null) {
            throw new IllegalArgumentException("no layer named '" + name + "'");
        }
        return java.util.Collections.unmodifiableMap(layer.paramTable());
    }
}
