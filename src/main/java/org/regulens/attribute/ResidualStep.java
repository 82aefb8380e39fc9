package org.regulens.attribute;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A skip connection: y = x + branch(x). The sum is linear, so every {@link Rule} passes the incoming gradient
 * (or multipliers) to both paths unchanged and summation-to-delta holds through it. Treated as non-local by fast
 * ISM (the branch is recomputed in full).
 */
final class ResidualStep implements Step {

    private final List<Step> branch;

    ResidualStep(List<Step> branch) {
        this.branch = List.copyOf(branch);
    }

    private List<INDArray> trace(INDArray in) {
        List<INDArray> trace = new ArrayList<>(branch.size() + 1);
        trace.add(in);
        for (Step step : branch) {
            trace.add(step.forward(trace.get(trace.size() - 1)));
        }
        return trace;
    }

    @Override
    public INDArray forward(INDArray in) {
        List<INDArray> trace = trace(in);
        return trace.get(trace.size() - 1).add(in);
    }

    @Override
    public INDArray backward(INDArray in, INDArray out, INDArray gradOut, Rule rule, INDArray refIn, INDArray refOut) {
        List<INDArray> trace = trace(in);
        List<INDArray> reference = rule == Rule.RESCALE ? trace(refIn) : null;
        INDArray g = gradOut;
        for (int k = branch.size() - 1; k >= 0; k--) {
            g = branch.get(k).backward(trace.get(k), trace.get(k + 1), g, rule,
                    reference == null ? null : reference.get(k), reference == null ? null : reference.get(k + 1));
        }
        return g.addi(gradOut);
    }

    @Override
    public String describe() {
        return "residual block of " + branch.size() + " steps";
    }
}
