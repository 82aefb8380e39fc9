package org.regulens.attribute;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A bidirectional LSTM whose outputs are concatenated: [n, in, length] → [n, 2H, length] (forward first). */
final class BiLstmStep implements Step {

    private final LstmDirection forward;
    private final LstmDirection backward;

    BiLstmStep(LstmDirection forward, LstmDirection backward) {
        this.forward = forward;
        this.backward = backward;
    }

    @Override
    public INDArray forward(INDArray in) {
        long n = in.size(0);
        return Nd4j.concat(1, forward.outputs(forward.run(in), n), backward.outputs(backward.run(in), n));
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        int h = forward.hidden();
        INDArray gf = gradOut.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h), NDArrayIndex.all());
        INDArray gb = gradOut.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2L * h), NDArrayIndex.all());
        boolean rescale = rule == Rule.RESCALE;
        List<LstmDirection.State> rf = rescale ? forward.run(refIn) : null;
        List<LstmDirection.State> rb = rescale ? backward.run(refIn) : null;
        INDArray dx = forward.backward(forward.run(in), gf, rule, rf, in.size(1));
        return dx.addi(backward.backward(backward.run(in), gb, rule, rb, in.size(1)));
    }

    @Override
    public String describe() {
        return "bidirectional LSTM " + forward.hidden();
    }
}
