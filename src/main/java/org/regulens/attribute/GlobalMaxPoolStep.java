package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The maximum of each channel over all positions: [n, c, length] → [n, c]. */
final class GlobalMaxPoolStep implements Step {

    @Override
    public INDArray forward(INDArray in) {
        return MaxRouting.forward(in, (int) in.size(2)).reshape(in.size(0), in.size(1));
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        return MaxRouting.backward(in, gradOut, (int) in.size(2), rule, rule == Rule.RESCALE ? refIn : null);
    }

    @Override
    public String describe() {
        return "global max pooling";
    }
}
