package org.regulens.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regulens.nn.MultiHeadAttention;

/**
 * {@link PositionalSelfAttention} in a deeplearning4j network: forward and backward are {@link MultiHeadAttention}'s
 * (batched ND4J matrix products, analytical gradients), not SameDiff's, whose backprop through a layer returned
 * twice the gradient and crashed long runs here. Intermediate arrays live outside deeplearning4j's workspaces (the
 * training forward pass is kept for the backward pass, which a workspace would have recycled in between); only the
 * output and the input gradient go where the workspace manager says.
 */
final class PositionalSelfAttentionLayer extends BaseLayer<PositionalSelfAttention> {

    /** The last training forward pass and the input it was computed from, for the backward pass. */
    private MultiHeadAttention.Pass pass;
    private INDArray passInput;

    PositionalSelfAttentionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private MultiHeadAttention function() {
        return layerConf().function(getParam("Wq"), getParam("Wk"), getParam("Wv"), getParam("Wo"));
    }

    /** [n, C, 1, T] → [n, C, T] on the heap. */
    private static INDArray rows(INDArray x) {
        return x.dup('c').reshape('c', x.size(0), x.size(1), x.size(x.rank() - 1));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray y;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            MultiHeadAttention f = function();
            MultiHeadAttention.Pass p = f.run(rows(input));
            y = f.output(p);
            pass = training ? p : null;
            passInput = training ? input : null;
        }
        long[] shape = {input.size(0), layerConf().getNOut(), 1, input.size(input.rank() - 1)};
        return workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c').assign(y.reshape(shape));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        MultiHeadAttention.Gradients g;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            MultiHeadAttention f = function();
            // the kept pass is reused only if it was computed from this very input
            MultiHeadAttention.Pass p = pass != null && passInput == input ? pass : f.run(rows(input));
            g = f.backward(p, rows(epsilon));
        }
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        INDArray[] values = {g.wq(), g.wk(), g.wv(), g.wo()};
        for (int i = 0; i < values.length; i++) {
            String key = AttentionParams.KEYS.get(i);
            INDArray view = gradientViews.get(key);
            view.assign(values[i]);
            gradient.gradientForVariable().put(key, view);
        }
        pass = null;
        passInput = null;
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c')
                .assign(g.input().reshape(input.shape()));
        return new Pair<>(gradient, backpropDropOutIfPresent(dx));
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    @Override
    public void clear() {
        super.clear();
        pass = null;
        passInput = null;
    }
}
