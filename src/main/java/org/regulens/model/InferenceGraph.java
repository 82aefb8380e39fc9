package org.regulens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link InferenceNetwork} of a network with skip connections ({@code ComputationGraph}): dropout and loss
 * vertices are bypassed (their consumers read their input instead) and each batch norm is folded into the
 * convolution or dense layer feeding it, which must feed nothing else. Vertex names are kept; indices are
 * deeplearning4j vertex indices. Input: [n, 4, 1, L] for residualbind (a recurrent graph would take [n, 4, L]).
 */
public final class InferenceGraph extends InferenceNetwork {

    private final GradientGraph graph;
    private final List<GraphNode> topology;

    private InferenceGraph(GradientGraph graph) {
        this.graph = graph;
        ComputationGraphConfiguration conf = graph.getConfiguration();
        List<GraphNode> nodes = new ArrayList<>();
        for (int index : graph.topologicalSortOrder()) {
            org.deeplearning4j.nn.graph.vertex.GraphVertex vertex = graph.getVertices()[index];
            String name = vertex.getVertexName();
            GraphVertex vertexConf = conf.getVertices().get(name);
            List<String> inputs = conf.getVertexInputs().getOrDefault(name, List.of());
            if (vertex.isInputVertex()) {
                nodes.add(new GraphNode(name, "input", null, null, List.of()));
            } else if (vertexConf instanceof LayerVertex layerVertex) {
                nodes.add(new GraphNode(name, "layer", vertex.getLayer(), layerVertex.getPreProcessor(), inputs));
            } else if (vertexConf instanceof ElementWiseVertex elementWise) {
                nodes.add(new GraphNode(name, elementWise.getOp().name().toLowerCase(Locale.ROOT), null, null, inputs));
            } else {
                nodes.add(new GraphNode(name, vertexConf.getClass().getSimpleName(), null, null, inputs));
            }
        }
        this.topology = List.copyOf(nodes);
    }

    public static InferenceGraph of(ComputationGraph trained, InputType inputType) {
        ComputationGraphConfiguration conf = trained.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("a graph with one input and one output is needed");
        }
        Map<String, List<String>> inputs = conf.getVertexInputs();
        Map<String, Integer> consumers = new HashMap<>();
        inputs.values().forEach(list -> list.forEach(name -> consumers.merge(name, 1, Integer::sum)));
        Map<String, String> bypassed = new HashMap<>(); // removed vertex -> the vertex feeding it
        Map<String, String> folded = new HashMap<>();   // convolution or dense layer -> batch norm folded into it
        List<String> kept = new ArrayList<>();
        for (int index : trained.topologicalSortOrder()) {
            String name = trained.getVertices()[index].getVertexName();
            GraphVertex vertex = conf.getVertices().get(name);
            if (vertex == null) {
                continue; // the input
            }
            if (vertex instanceof LayerVertex layerVertex) {
                Layer layer = layerVertex.getLayerConf().getLayer();
                if (layer instanceof DropoutLayer || layer instanceof LossLayer) {
                    bypassed.put(name, single(inputs, name));
                    continue;
                }
                if (layer instanceof BatchNormalization) {
                    String before = single(inputs, name);
                    GraphVertex beforeVertex = conf.getVertices().get(before);
                    Layer beforeLayer = beforeVertex instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
                    if (!(beforeLayer instanceof ConvolutionLayer || beforeLayer instanceof DenseLayer)
                            || consumers.getOrDefault(before, 0) != 1 || layerVertex.getPreProcessor() != null) {
                        throw new IllegalStateException("batch norm " + name + " after " + before + " cannot be folded");
                    }
                    folded.put(before, name);
                    bypassed.put(name, before);
                    continue;
                }
            }
            kept.add(name);
        }
        String input = conf.getNetworkInputs().get(0);
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .graphBuilder()
                .addInputs(input);
        for (String name : kept) {
            String[] from = inputs.get(name).stream().map(v -> resolve(bypassed, v)).toArray(String[]::new);
            GraphVertex vertex = conf.getVertices().get(name);
            if (vertex instanceof LayerVertex layerVertex) {
                Layer copy = layerVertex.getLayerConf().getLayer().clone();
                if (copy instanceof BaseLayer base) {
                    base.setIDropout(null);
                }
                builder.addLayer(name, copy, from); // pre-processors are derived again from the input type
            } else {
                builder.addVertex(name, vertex.clone(), from);
            }
        }
        builder.setOutputs(resolve(bypassed, conf.getNetworkOutputs().get(0)));
        builder.setInputTypes(inputType);
        GradientGraph graph = new GradientGraph(builder.build());
        graph.init();
        for (String name : kept) {
            org.deeplearning4j.nn.api.Layer target = graph.getVertex(name).getLayer();
            if (target == null) {
                continue;
            }
            for (Map.Entry<String, INDArray> entry : trained.getLayer(name).paramTable().entrySet()) {
                target.getParam(entry.getKey()).assign(entry.getValue());
            }
            String batchNorm = folded.get(name);
            if (batchNorm != null) {
                fold(target, trained.getLayer(batchNorm), (BatchNormalization)
                        ((LayerVertex) conf.getVertices().get(batchNorm)).getLayerConf().getLayer());
            }
        }
        return new InferenceGraph(graph);
    }

    private static String single(Map<String, List<String>> inputs, String name) {
        List<String> from = inputs.get(name);
        if (from == null || from.size() != 1) {
            throw new IllegalStateException("vertex " + name + " should have one input, has " + from);
        }
        return from.get(0);
    }

    private static String resolve(Map<String, String> bypassed, String name) {
        String resolved = name;
        while (bypassed.containsKey(resolved)) {
            resolved = bypassed.get(resolved);
        }
        return resolved;
    }

    @Override
    public ComputationGraph network() {
        return graph;
    }

    @Override
    public int layerIndex(String name) {
        org.deeplearning4j.nn.graph.vertex.GraphVertex vertex = graph.getVertex(name);
        return vertex == null ? -1 : vertex.getVertexIndex();
    }

    @Override
    public INDArray activations(INDArray x, int layer) {
        String name = graph.getVertices()[layer].getVertexName();
        // "training" mode gives the same values here (no dropout or batch norm left) and, unlike inference mode,
        // never overwrites a layer's input with its activation, so every vertex's output is as computed
        Map<String, INDArray> all = graph.feedForward(new INDArray[] {x}, true, true);
        return all.get(name);
    }

    @Override
    public INDArray logits(INDArray x) {
        return graph.outputSingle(false, x);
    }

    @Override
    public INDArray inputGradient(INDArray x, int task) {
        long tasks = graph.getLayer(graph.getConfiguration().getNetworkOutputs().get(0)).getParam("b").length();
        INDArray epsilon = Nd4j.zeros(x.dataType(), x.size(0), tasks);
        epsilon.getColumn(task).assign(1);
        return graph.inputGradient(x, null, null, epsilon);
    }

    @Override
    public Map<String, INDArray> layerParams(String name) {
        org.deeplearning4j.nn.graph.vertex.GraphVertex vertex = graph.getVertex(name);
        return params(vertex == null ? null : vertex.getLayer(), name);
    }

    @Override
    public List<GraphNode> topology() {
        return topology;
    }

    /** The topology as text, one vertex a line: "name kind <- input, input". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (GraphNode node : topology) {
            text.append(node.name()).append(' ').append(node.isLayer()
                    ? node.layer().conf().getLayer().getClass().getSimpleName() : node.kind());
            if (!node.inputs().isEmpty()) {
                text.append(" <- ").append(String.join(", ", node.inputs()));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
