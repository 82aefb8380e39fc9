package org.regulens.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * deeplearning4j's SameDiff layer with its backward pass scaled to the true gradient: in 1.0.0-M2.1 it returns twice
 * the parameter and input gradients (measured against central differences, ReverseComplementSharingSpec), so each
 * layer of this kind would double every gradient below it.
 */
final class TiedSameDiffLayer extends SameDiffLayer {

    TiedSameDiffLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Pair<Gradient, INDArray> result = super.backpropGradient(epsilon, workspaceMgr);
        // the parameter gradients are views of this array
        getGradientsViewArray().muli(0.5);
        result.getSecond().muli(0.5);
        return result;
    }
}
