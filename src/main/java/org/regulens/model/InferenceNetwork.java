package org.regulens.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The trained network rewritten for inference and gradients: dropout layers and the loss layer removed, and
 * every batch normalisation folded into the convolution or dense layer before it (inference-time batch norm is
 * an affine map, so W' = W·γ/s and b' = (b − μ)·γ/s + β with s = sqrt(var + ε)). The result computes the same
 * logits, and deeplearning4j's backpropagation through it gives exact input gradients (its batch-norm
 * backpropagation assumes batch statistics, and its dropout layers refuse to backpropagate outside training).
 */
public final class InferenceNetwork {

    private final MultiLayerNetwork network;

    private InferenceNetwork(MultiLayerNetwork network) {
        this.network = network;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public static InferenceNetwork of(MultiLayerNetwork trained, InputType inputType) {
        MultiLayerConfiguration trainedConf = trained.getLayerWiseConfigurations();
        int n = trainedConf.getConfs().size();
        List<org.deeplearning4j.nn.conf.layers.Layer> layers = new ArrayList<>();
        List<int[]> sources = new ArrayList<>(); // {trained layer index, folded batch-norm index or -1}
        for (int i = 0; i < n; i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = trainedConf.getConf(i).getLayer();
            if (layer instanceof DropoutLayer || layer instanceof LossLayer) {
                continue;
            }
            if (layer instanceof BatchNormalization) {
                int previous = sources.isEmpty() ? -1 : sources.get(sources.size() - 1)[0];
                org.deeplearning4j.nn.conf.layers.Layer before = previous < 0 ? null
                        : trainedConf.getConf(previous).getLayer();
                if (!(before instanceof ConvolutionLayer || before instanceof DenseLayer)) {
                    throw new IllegalStateException("batch norm after " + before + " cannot be folded");
                }
                sources.get(sources.size() - 1)[1] = i;
                continue;
            }
            org.deeplearning4j.nn.conf.layers.Layer copy = layer.clone();
            if (copy instanceof org.deeplearning4j.nn.conf.layers.BaseLayer base) {
                base.setIDropout(null);
            }
            layers.add(copy);
            sources.add(new int[] {i, -1});
        }
        NeuralNetConfiguration.ListBuilder builder = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        layers.forEach(builder::layer);
        builder.setInputType(inputType);
        MultiLayerNetwork network = new MultiLayerNetwork(builder.build());
        network.init();
        for (int j = 0; j < sources.size(); j++) {
            Layer target = network.getLayer(j);
            Layer source = trained.getLayer(sources.get(j)[0]);
            for (Map.Entry<String, INDArray> entry : source.paramTable().entrySet()) {
                target.getParam(entry.getKey()).assign(entry.getValue());
            }
            if (sources.get(j)[1] >= 0) {
                fold(target, trained.getLayer(sources.get(j)[1]),
                        (BatchNormalization) trainedConf.getConf(sources.get(j)[1]).getLayer());
            }
        }
        return new InferenceNetwork(network);
    }

    private static void fold(Layer target, Layer batchNorm, BatchNormalization conf) {
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

    /** Index of the layer with this name, or -1. */
    public int layerIndex(String name) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (name.equals(network.getLayer(i).conf().getLayer().getLayerName())) {
                return i;
            }
        }
        return -1;
    }

    /** The output of one layer for inputs x. */
    public INDArray activations(INDArray x, int layer) {
        List<INDArray> all = network.feedForwardToLayer(layer, x, false);
        return all.get(layer + 1);
    }

    /** Logits [n, tasks] for inputs [n, 4, 1, length]. */
    public INDArray logits(INDArray x) {
        return network.output(x, false);
    }

    /** d logit[task] / d input for every input row: [n, 4, 1, length]. */
    public INDArray inputGradient(INDArray x, int task) {
        network.setInput(x);
        // "training" mode: in inference mode deeplearning4j applies activations in place on the stored layer
        // inputs, which corrupts the backward pass; the network has no dropout or batch norm left to differ.
        List<INDArray> activations = network.feedForward(true, false);
        INDArray out = activations.get(activations.size() - 1);
        INDArray epsilon = Nd4j.zeros(out.dataType(), out.shape());
        epsilon.getColumn(task).assign(1);
        return network.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces()).getSecond();
    }
}
