package org.regulens.attribute;

import org.regulens.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The maximum of each channel over all positions: [n, c, length] → [n, c]. */
final class GlobalMaxPoolStep implements Step {

    @Override
    public INDArray forward(INDArray in) {
        int length = (int) in.size(2);
        float[] y = MaxRouting.forward(Tensors.floats(in), (int) (in.size(0) * in.size(1)), length, length);
        return Tensors.of(y, in.size(0), in.size(1));
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        int length = (int) in.size(2);
        float[] dx = MaxRouting.backward(Tensors.floats(in), Tensors.floats(gradOut), (int) (in.size(0) * in.size(1)),
                length, length, rule, rule == Rule.RESCALE ? Tensors.floats(refIn) : null);
        return Tensors.of(dx, in.shape());
    }

    @Override
    public String describe() {
        return "global max pooling";
    }
}
