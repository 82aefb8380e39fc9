package org.regulens.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link ComputationGraph} that can also give gradients with respect to its (single) input, which
 * deeplearning4j 1.0.0-M2.1 offers for a {@code MultiLayerNetwork} ({@code calculateGradients},
 * {@code backpropGradient}) but not for a graph: the graph's backward pass leaves the input gradient on the input
 * vertex and then clears it. This class runs the forward pass (training mode) and the backward pass without
 * workspaces and without clearing, reads the input vertex's gradient, and then clears the graph's state. Nothing
 * else differs from a plain graph; model files store only the configuration and parameters.
 */
final class GradientGraph extends ComputationGraph {

    private static final long serialVersionUID = 1L;

    GradientGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /**
     * d(Σ epsilon ⊙ output) / d input for a graph whose output is not a loss layer (pass {@code outputEpsilon}, shaped
     * like the output), or, with {@code outputEpsilon} null, d loss / d input for a graph ending in a loss layer,
     * given labels and a label mask (or null): the loss summed over the batch, not averaged. The forward pass is in
     * training mode (dropout active, batch statistics), as in training; parameters do not change.
     */
    synchronized INDArray inputGradient(INDArray x, INDArray labels, INDArray labelMask, INDArray outputEpsilon) {
        WorkspaceMode training = configuration.getTrainingWorkspaceMode();
        WorkspaceMode inference = configuration.getInferenceWorkspaceMode();
        // Without workspaces every activation gradient is an ordinary array, so the input vertex's gradient is still
        // valid after the backward pass (with workspaces it lies in one that is closed by then).
        configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        try {
            // "training" mode also for graphs without dropout or batch norm: in inference mode deeplearning4j applies
            // activations in place on the stored layer inputs, which corrupts the backward pass.
            feedForward(new INDArray[] {x}, true, false);
            if (outputEpsilon == null) {
                setLabels(labels);
                setLayerMaskArrays(null, labelMask == null ? null : new INDArray[] {labelMask});
                calcBackpropGradients(false, false);
            } else {
                calcBackpropGradients(false, false, outputEpsilon);
            }
            INDArray gradient = getVertex(configuration.getNetworkInputs().get(0)).getEpsilon();
            if (gradient == null) {
                throw new IllegalStateException("no gradient reached the input of the graph");
            }
            return gradient.dup();
        } finally {
            clear();
            configuration.setTrainingWorkspaceMode(training);
            configuration.setInferenceWorkspaceMode(inference);
        }
    }
}
