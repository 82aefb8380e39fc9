package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One operation of an {@link ExplainNetwork}: a forward map and a backward pass that returns d(output)/d(input)
 * contracted with the incoming gradient, under a {@link Rule}. Sequence tensors are [n, channels, positions].
 */
interface Step {

    INDArray forward(INDArray in);

    /**
     * The gradient (or DeepLIFT multipliers) with respect to {@code in}, given those with respect to the output
     * {@code out}. {@code refIn}/{@code refOut} are the reference's tensors, row-aligned with {@code in}, for
     * {@link Rule#RESCALE}; null otherwise.
     */
    INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut);

    /** A short description for logs and errors. */
    String describe();
}
