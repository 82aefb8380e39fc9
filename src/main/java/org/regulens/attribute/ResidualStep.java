package org.regulens.attribute;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A skip connection: y = x + branch(x). The sum is linear, so every {@link Rule} passes the incoming gradient
 * (or multipliers) to both paths unchanged and summation-to-delta holds through it. Treated as non-local by fast
 * ISM (the branch is recomputed in full).
 */
final class ResidualStep implements Step {

    private final ExplainNetwork branch;

    ResidualStep(ExplainNetwork branch) {
        this.branch = branch;
    }

    ExplainNetwork branch() {
        return branch;
    }

    @Override
    public INDArray forward(INDArray in) {
        return branch.forwardFrom(0, in).add(in);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        List<INDArray> reference = rule.usesReference() ? branch.forward(refIn) : null;
        return branch.backward(branch.forward(in), branch.size(), gradOut, rule, reference).addi(gradOut);
    }

    @Override
    public String describe() {
        return "residual block of " + branch.size() + " steps";
    }
}
