package org.regulens.model;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.regulens.nn.FusedBatchNormalization;
import org.regulens.nn.ReverseComplementLayers;
import org.regulens.nn.TrainingLayers;

/**
 * Builds deeplearning4j networks from {@link ModelSettings}: the architecture's layers, a dense layer giving one
 * logit per task ("logits"), and, for training, a loss layer ("loss": weighted binary cross-entropy on the
 * logits). The network without the loss layer has the same parameters and lets gradients be pushed back from any
 * logit. Architectures without skip connections become a {@link MultiLayerNetwork}; those with one (residualbind)
 * a {@link ComputationGraph} whose input vertex is named "input". Both take the same input arrays.
 */
public final class NetworkFactory {

    /** Name of the layer whose outputs are the per-task logits. */
    public static final String LOGITS = "logits";
    /** Name of the loss layer of a training network. */
    public static final String LOSS = "loss";

    private NetworkFactory() {
    }

    /** The network for these settings, initialised: a {@link MultiLayerNetwork} or a {@link ComputationGraph}. */
    public static Model build(ModelSettings settings, int length, int tasks, double[] positiveWeights,
                              boolean withLoss) {
        Architecture architecture = Architecture.parse(settings.arch());
        LayerStack stack = equivariantChecked(architecture.layers(new LayerStack(settings)), settings, length);
        return stack.isGraph()
                ? graph(graphConfiguration(stack, settings, architecture, length, tasks, positiveWeights, withLoss))
                : network(configuration(stack, settings, architecture, length, tasks, positiveWeights, withLoss));
    }

    /**
     * The training network for these settings: as {@link #build} with the loss layer, but with fused batch
     * normalisation ({@link FusedBatchNormalization}: same parameters, same results, a fraction of the array
     * operations; on the CPU backend only, else the standard layers). Turn it into standard layers with
     * {@link #standardLayers} before saving or interpreting it.
     */
    public static Model buildForTraining(ModelSettings settings, int length, int tasks, double[] positiveWeights) {
        if (!TrainingLayers.available()) {
            return build(settings, length, tasks, positiveWeights, true);
        }
        Architecture architecture = Architecture.parse(settings.arch());
        LayerStack stack = equivariantChecked(architecture.layers(new LayerStack(settings)), settings, length);
        return stack.isGraph()
                ? graph(TrainingLayers.fused(
                        graphConfiguration(stack, settings, architecture, length, tasks, positiveWeights, true)))
                : network(TrainingLayers.fused(
                        configuration(stack, settings, architecture, length, tasks, positiveWeights, true)));
    }

    /**
     * The same network with deeplearning4j's standard layers (a new network holding a copy of the parameters; the
     * configuration, including the updater's last learning rate, is copied too). Networks without fused layers
     * come back as they are.
     */
    public static Model standardLayers(Model network) {
        // initialised from a copy of the parameters, not at random: drawing initial weights here would move the
        // global random stream that dropout draws from, so a mid-training checkpoint would change the training
        if (network instanceof ComputationGraph graph) {
            ComputationGraph standard = new GradientGraph(TrainingLayers.standard(graph.getConfiguration().clone()));
            standard.init(network.params().dup(), false);
            return standard;
        }
        MultiLayerConfiguration configuration = ((MultiLayerNetwork) network).getLayerWiseConfigurations();
        if (ReverseComplementLayers.hasTied(configuration)) {
            return ReverseComplementLayers.standard((MultiLayerNetwork) network);
        }
        if (!TrainingLayers.hasFused(configuration)) {
            return network;
        }
        MultiLayerNetwork standard = new MultiLayerNetwork(TrainingLayers.standard(configuration.clone()));
        standard.init(network.params().dup(), false);
        return standard;
    }

    /** The configuration of an architecture without skip connections. */
    public static MultiLayerConfiguration configuration(ModelSettings settings, int length, int tasks,
                                                        double[] positiveWeights, boolean withLoss) {
        Architecture architecture = Architecture.parse(settings.arch());
        return configuration(architecture.layers(new LayerStack(settings)), settings, architecture, length, tasks,
                positiveWeights, withLoss);
    }

    /** The configuration of any architecture as a graph (architectures without skip connections give a chain). */
    public static ComputationGraphConfiguration graphConfiguration(ModelSettings settings, int length, int tasks,
                                                                   double[] positiveWeights, boolean withLoss) {
        Architecture architecture = Architecture.parse(settings.arch());
        return graphConfiguration(architecture.layers(new LayerStack(settings)), settings, architecture, length, tasks,
                positiveWeights, withLoss);
    }

    /** Refuses (IllegalArgumentException, one line) settings that cannot give a network for this input length. */
    public static void requireBuildable(ModelSettings settings, int length) {
        equivariantChecked(Architecture.parse(settings.arch()).layers(new LayerStack(settings)), settings, length);
    }

    /**
     * With --rc equivariant, the reasons exactness could fail are refused here: an architecture whose stack does not
     * end strand-symmetric, or a length that some max pooling would not cover evenly (the positions a pooling drops
     * all lie at one end, so the strands would see different positions).
     */
    private static LayerStack equivariantChecked(LayerStack stack, ModelSettings settings, int length) {
        if (!settings.equivariant()) {
            return stack;
        }
        if (!stack.invariant()) {
            throw new IllegalArgumentException("--rc equivariant is not available for " + settings.arch()
                    + " (no dense layer to make it strand-symmetric)");
        }
        if (length % stack.pooling() != 0) {
            throw new IllegalArgumentException("--rc equivariant: " + settings.arch() + " pools positions by "
                    + stack.pooling() + " in all, so the sequence length must be a multiple of " + stack.pooling()
                    + ", not " + length);
        }
        return stack;
    }

    private static NeuralNetConfiguration.Builder base(ModelSettings settings) {
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(settings.learningRate()))
                .l2(settings.l2())
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    private static Layer logits(int tasks) {
        return new DenseLayer.Builder().nOut(tasks).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)
                .name(LOGITS).build();
    }

    private static Layer loss(double[] positiveWeights) {
        return new LossLayer.Builder(new WeightedBinaryCrossEntropy(positiveWeights))
                .activation(Activation.IDENTITY).name(LOSS).build();
    }

    private static MultiLayerConfiguration configuration(LayerStack stack, ModelSettings settings,
                                                         Architecture architecture, int length, int tasks,
                                                         double[] positiveWeights, boolean withLoss) {
        NeuralNetConfiguration.ListBuilder builder = base(settings).list();
        for (Layer layer : stack.layers()) {
            builder.layer(layer);
        }
        builder.layer(logits(tasks));
        if (withLoss) {
            builder.layer(loss(positiveWeights));
        }
        builder.setInputType(inputType(architecture, length));
        return builder.build();
    }

    private static ComputationGraphConfiguration graphConfiguration(LayerStack stack, ModelSettings settings,
                                                                    Architecture architecture, int length, int tasks,
                                                                    double[] positiveWeights, boolean withLoss) {
        ComputationGraphConfiguration.GraphBuilder builder = base(settings).graphBuilder().addInputs(LayerStack.INPUT);
        for (LayerStack.Node node : stack.nodes()) {
            String[] inputs = node.inputs().toArray(String[]::new);
            if (node.layer() != null) {
                builder.addLayer(node.name(), node.layer(), inputs);
            } else {
                builder.addVertex(node.name(), node.vertex(), inputs);
            }
        }
        builder.addLayer(LOGITS, logits(tasks), stack.output());
        if (withLoss) {
            builder.addLayer(LOSS, loss(positiveWeights), LOGITS);
        }
        builder.setOutputs(withLoss ? LOSS : LOGITS);
        builder.setInputTypes(inputType(architecture, length));
        return builder.build();
    }

    /**
     * [batch, 4, length] for recurrent architectures, [batch, 1, {@value Architecture#MAP_ROWS}, length] for
     * interaction maps, else [batch, 4, 1, length].
     */
    public static InputType inputType(Architecture architecture, int length) {
        return switch (architecture.input()) {
            case ONE_HOT_SEQUENCE -> InputType.recurrent(4, length);
            case INTERACTION_MAP -> InputType.convolutional(Architecture.MAP_ROWS, length, 1);
            case ONE_HOT -> InputType.convolutional(1, length, 4);
        };
    }

    public static MultiLayerNetwork network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /** An initialised graph (of our subclass, which can also give gradients with respect to its input). */
    public static ComputationGraph graph(ComputationGraphConfiguration configuration) {
        ComputationGraph graph = new GradientGraph(configuration);
        graph.init();
        return graph;
    }
}
