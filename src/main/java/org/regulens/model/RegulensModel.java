package org.regulens.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regulens.data.OneHotBatch;

/**
 * A trained sequence model behind a small interface of our own: predictions and input gradients for one-hot
 * rows (row-major 4×L floats, A C G T), the settings it was built from and its metadata. Callers never see
 * deeplearning4j types unless they ask for the network itself. The network is a {@link MultiLayerNetwork} or, for
 * architectures with skip connections (residualbind), a {@link ComputationGraph} built by {@link NetworkFactory} or
 * {@link ModelFile}; every method here, and {@link #inference()}, works the same for both.
 */
public final class RegulensModel {

    /** The only alphabet so far; stored in the model file so a later one can be refused. */
    public static final String ALPHABET = "ACGT";

    private final Model network;
    private final ModelSettings settings;
    private final int length;
    private final List<String> tasks;
    private final Map<String, Object> metadata;
    private InferenceNetwork inference;

    /**
     * @param network a {@link MultiLayerNetwork}, or a {@link ComputationGraph} from {@link NetworkFactory} (which can
     *                give input gradients of the loss)
     */
    public RegulensModel(Model network, ModelSettings settings, int length, List<String> tasks,
                         Map<String, Object> metadata) {
        if (!(network instanceof MultiLayerNetwork || network instanceof GradientGraph)) {
            throw new IllegalArgumentException("a MultiLayerNetwork or a graph from NetworkFactory is needed, not "
                    + network.getClass().getName());
        }
        this.network = network;
        this.settings = settings;
        this.length = length;
        this.tasks = List.copyOf(tasks);
        this.metadata = new LinkedHashMap<>(metadata);
    }

    /** The same model (settings, tasks, metadata) on another network with the same layers and parameters. */
    public RegulensModel withNetwork(Model other) {
        return new RegulensModel(other, settings, length, tasks, metadata);
    }

    /** The deeplearning4j network as trained: a {@link MultiLayerNetwork} or a {@link ComputationGraph}. */
    public Model network() {
        return network;
    }

    /** True when the network is a {@link ComputationGraph} (an architecture with skip connections). */
    public boolean isGraph() {
        return network instanceof ComputationGraph;
    }

    public ModelSettings settings() {
        return settings;
    }

    public Architecture architecture() {
        return Architecture.parse(settings.arch());
    }

    public int length() {
        return length;
    }

    public List<String> tasks() {
        return tasks;
    }

    /** Free-form metadata (training data checksum, validation metrics, versions); a copy. */
    public Map<String, Object> metadata() {
        return new LinkedHashMap<>(metadata);
    }

    public void putMetadata(String key, Object value) {
        metadata.put(key, value);
    }

    /**
     * Refuses data the model cannot score: another input length, or (when {@code dataTasks} is given) other
     * task names.
     */
    public void requireCompatible(java.nio.file.Path modelFile, java.nio.file.Path dataFile, int dataLength,
                                  List<String> dataTasks) {
        if (!architecture().takesOneHot()) {
            throw org.regulens.core.RegulensException.inFile(modelFile, "a model of miRNA:target pairs, not of DNA "
                    + "sequences: use the 'regulens mirna' commands");
        }
        if (dataLength != length) {
            throw org.regulens.core.RegulensException.inFile(dataFile, "sequences of " + dataLength
                    + " bases, but the model " + modelFile + " takes " + length);
        }
        if (dataTasks != null && !dataTasks.isEmpty() && !dataTasks.equals(tasks)) {
            throw org.regulens.core.RegulensException.inFile(dataFile, "tasks " + dataTasks + " differ from the "
                    + "model's " + tasks + " (" + modelFile + ")");
        }
    }

    /** Floats per input row: 4 × L for one-hot DNA, rows × L for an interaction map. */
    public int rowSize() {
        return architecture().rowSize(length);
    }

    /**
     * Rows [n × 4 × L] (the first n of {@code rows}) as the network's input array ([n, 4, 1, L], or [n, 4, L] for
     * recurrent models); for interaction-map models rows of [{@value Architecture#MAP_ROWS} × L] become
     * [n, 1, {@value Architecture#MAP_ROWS}, L].
     */
    public INDArray input(float[] rows, int n) {
        return flatInput(rows, n).reshape('c', architecture().inputShape(n, length));
    }

    /** The first n rows as one flat native array (callers may pass a reusable buffer longer than the n rows). */
    private INDArray flatInput(float[] rows, int n) {
        int size = n * rowSize();
        return Nd4j.createFromArray(rows.length == size ? rows : java.util.Arrays.copyOf(rows, size));
    }

    /** Logits [n][tasks] of the network as trained (both strands averaged when the model is strand-averaged). */
    public float[][] logits(float[] rows, int n) {
        float[][] forward = rawLogits(rows, n);
        if (settings.averagesStrands()) {
            float[][] reverse = rawLogits(OneHotBatch.reverseComplement(rows, 0, n, length), n);
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < tasks.size(); t++) {
                    forward[i][t] = (forward[i][t] + reverse[i][t]) / 2;
                }
            }
        }
        return forward;
    }

    /** Probabilities [n][tasks]: the sigmoid of {@link #logits}. */
    public float[][] predict(float[] rows, int n) {
        return sigmoid(logits(rows, n));
    }

    /** Turns logits into probabilities, in place; returns its argument. */
    public static float[][] sigmoid(float[][] logits) {
        for (float[] row : logits) {
            for (int t = 0; t < row.length; t++) {
                row[t] = (float) sigmoid(row[t]);
            }
        }
        return logits;
    }

    /** The probability of one logit. */
    public static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private float[][] rawLogits(float[] rows, int n) {
        // free the batch's native input and output now instead of at the next garbage collection (scoring 48,000
        // pairs with two models: peak RSS 3.29 -> 3.06 GB with the default heap; values unchanged)
        try (INDArray flat = flatInput(rows, n)) {
            INDArray out = output(flat.reshape('c', architecture().inputShape(n, length)));
            float[][] logits = out.toFloatMatrix();
            if (out.closeable()) {
                out.close();
            }
            return logits;
        }
    }

    /** The trained network's output for a network input (logits, or the loss layer's identity of them). */
    private INDArray output(INDArray x) {
        return network instanceof ComputationGraph graph ? graph.outputSingle(false, x)
                : ((MultiLayerNetwork) network).output(x, false);
    }

    /**
     * d logit[task] / d input for each row, as rows (n × 4 × L). For a strand-averaged model this is the
     * gradient of the averaged logit: half the forward gradient plus half the reverse-complemented gradient of
     * the reverse-complemented input.
     */
    public float[] inputGradients(float[] rows, int n, int task) {
        float[] forward = rawGradients(rows, n, task);
        if (!settings.averagesStrands()) {
            return forward;
        }
        float[] reverse = rawGradients(OneHotBatch.reverseComplement(rows, 0, n, length), n, task);
        float[] back = OneHotBatch.reverseComplement(reverse, 0, n, length);
        for (int i = 0; i < forward.length; i++) {
            forward[i] = (forward[i] + back[i]) / 2;
        }
        return forward;
    }

    private float[] rawGradients(float[] rows, int n, int task) {
        return inference().inputGradient(input(rows, n), task).reshape('c', new long[] {(long) n * rowSize()}).toFloatVector();
    }

    /** The network rewritten for exact gradients (batch norm folded, dropout gone); rebuilt after training. */
    public synchronized InferenceNetwork inference() {
        if (inference == null) {
            inference = InferenceNetwork.of(network, NetworkFactory.inputType(architecture(), length));
        }
        return inference;
    }

    // Training: what Trainer needs from either kind of network.

    /**
     * One optimiser step on a batch: inputs as from {@link #input}, labels [n, tasks], and a label mask [n, tasks]
     * (1 where a label is known, 0 where not) or null. Returns the batch's loss. Call {@link #parametersChanged()}
     * before using {@link #inference()} again.
     */
    public double fit(INDArray x, INDArray labels, INDArray mask) {
        if (network instanceof ComputationGraph graph) {
            graph.fit(new INDArray[] {x}, new INDArray[] {labels}, null, mask == null ? null : new INDArray[] {mask});
        } else {
            ((MultiLayerNetwork) network).fit(x, labels, null, mask);
        }
        return network.score();
    }

    /**
     * d loss / d input of the training network (dropout active, batch statistics; the per-row losses summed), with
     * labels and a label mask as for {@link #fit}; the parameters do not change. Adversarial examples follow it.
     */
    public INDArray lossInputGradient(INDArray x, INDArray labels, INDArray mask) {
        if (network instanceof GradientGraph graph) {
            return graph.inputGradient(x, labels, mask, null);
        }
        return ((MultiLayerNetwork) network).calculateGradients(x, labels, null, mask).getSecond();
    }

    /** Sets Adam's learning rate for the following steps. */
    public void setLearningRate(double learningRate) {
        if (network instanceof ComputationGraph graph) {
            graph.setLearningRate(learningRate);
        } else {
            ((MultiLayerNetwork) network).setLearningRate(learningRate);
        }
    }

    /**
     * A parameter of a layer of the trained network, by layer name and deeplearning4j key (e.g. "conv1", "W"): a
     * view, so writing it changes the network.
     */
    public INDArray parameter(String layer, String key) {
        org.deeplearning4j.nn.api.Layer found = network instanceof ComputationGraph graph
                ? (graph.getVertex(layer) == null ? null : graph.getVertex(layer).getLayer())
                : ((MultiLayerNetwork) network).getLayer(layer);
        if (found == null || found.getParam(key) == null) {
            throw new IllegalArgumentException("no parameter " + key + " of a layer " + layer);
        }
        return found.getParam(key);
    }

    /** Call after the parameters changed (training), so that {@link #inference()} is rebuilt. */
    public synchronized void parametersChanged() {
        inference = null;
    }
}
