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

/** The {@link InferenceNetwork} of a sequential network ({@code MultiLayerNetwork}); indices are layer indices. */
public final class InferenceStack extends InferenceNetwork {

    private final MultiLayerNetwork network;

    private InferenceStack(MultiLayerNetwork network) {
        this.network = network;
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    public static InferenceStack of(MultiLayerNetwork trained, InputType inputType) {
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
        return new InferenceStack(network);
    }

    private String name(int layer) {
        String name = network.getLayer(layer).conf().getLayer().getLayerName();
        return name != null ? name : "layer" + layer;
    }

    @Override
    public int layerIndex(String name) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (name.equals(network.getLayer(i).conf().getLayer().getLayerName())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public INDArray activations(INDArray x, int layer) {
        List<INDArray> all = network.feedForwardToLayer(layer, x, false);
        return all.get(layer + 1);
    }

    @Override
    public INDArray logits(INDArray x) {
        return network.output(x, false);
    }

    @Override
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

    @Override
    public Map<String, INDArray> layerParams(String name) {
        int index = layerIndex(name);
        return params(index < 0 ? null : network.getLayer(index), name);
    }

    @Override
    public List<GraphNode> topology() {
        List<GraphNode> nodes = new ArrayList<>();
        nodes.add(new GraphNode(LayerStack.INPUT, "input", null, null, List.of()));
        String previous = LayerStack.INPUT;
        for (int i = 0; i < network.getnLayers(); i++) {
            String name = name(i);
            nodes.add(new GraphNode(name, "layer", network.getLayer(i),
                    network.getLayerWiseConfigurations().getInputPreProcess(i), List.of(previous)));
            previous = name;
        }
        return nodes;
    }
}
