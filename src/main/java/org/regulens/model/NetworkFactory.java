package org.regulens.model;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds deeplearning4j networks from {@link ModelSettings}: the architecture's layers, a dense layer giving one
 * logit per task ("logits"), and, for training, a loss layer (weighted binary cross-entropy on the logits). The
 * network without the loss layer has the same parameters and lets gradients be pushed back from any logit.
 */
public final class NetworkFactory {

    /** Name of the layer whose outputs are the per-task logits. */
    public static final String LOGITS = "logits";

    private NetworkFactory() {
    }

    public static MultiLayerConfiguration configuration(ModelSettings settings, int length, int tasks,
                                                        double[] positiveWeights, boolean withLoss) {
        Architecture architecture = Architecture.parse(settings.arch());
        List<Layer> layers = architecture.layers(new LayerStack(settings)).layers();
        NeuralNetConfiguration.ListBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(settings.learningRate()))
                .l2(settings.l2())
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (Layer layer : layers) {
            builder.layer(layer);
        }
        builder.layer(new DenseLayer.Builder().nOut(tasks).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)
                .name(LOGITS).build());
        if (withLoss) {
            builder.layer(new LossLayer.Builder(new WeightedBinaryCrossEntropy(positiveWeights))
                    .activation(Activation.IDENTITY).name("loss").build());
        }
        builder.setInputType(inputType(architecture, length));
        return builder.build();
    }

    /** [batch, 4, length] for recurrent architectures, else [batch, 4, 1, length]. */
    public static InputType inputType(Architecture architecture, int length) {
        return architecture.sequenceLayout() ? InputType.recurrent(4, length) : InputType.convolutional(1, length, 4);
    }

    public static MultiLayerNetwork network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
