package org.regulens.attribute;

import org.regulens.nn.Tensors;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regulens.data.OneHotBatch;
import org.regulens.model.RegulensModel;

/**
 * The function attribution explains: one task's logit of a model, on one-hot rows (n × 4 × L floats). For a
 * strand-averaged model it is ½(g(x) + g(rc x)), and its gradients and DeepLIFT multipliers are the matching
 * averages (the reverse strand is explained against the reverse-complemented references), so summation-to-delta
 * and strand symmetry carry over.
 */
public final class ModelFunction {

    private final ExplainNetwork network;
    private final boolean averagesStrands;
    private final int length;
    private final int tasks;

    public ModelFunction(RegulensModel model) {
        this(ExplainNetwork.of(model.inference()), model.settings().averagesStrands(), model.length(), model.tasks().size());
    }

    ModelFunction(ExplainNetwork network, boolean averagesStrands, int length, int tasks) {
        this.network = network;
        this.averagesStrands = averagesStrands;
        this.length = length;
        this.tasks = tasks;
    }

    public ExplainNetwork network() {
        return network;
    }

    public int length() {
        return length;
    }

    public boolean averagesStrands() {
        return averagesStrands;
    }

    INDArray tensor(float[] rows, int n) {
        int size = n * 4 * length;
        float[] data = rows.length == size ? rows : java.util.Arrays.copyOf(rows, size);
        return Tensors.of(data, n, 4, length);
    }

    /** Logits [n][tasks]. */
    public float[][] logits(float[] rows, int n) {
        float[][] forward = network.logits(tensor(rows, n)).toFloatMatrix();
        if (averagesStrands) {
            float[][] reverse = network.logits(tensor(reverseComplement(rows, n), n)).toFloatMatrix();
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < tasks; t++) {
                    forward[i][t] = (forward[i][t] + reverse[i][t]) / 2;
                }
            }
        }
        return forward;
    }

    /**
     * d logit[task] / d input (or DeepLIFT multipliers with respect to {@code references}, row-aligned with the
     * inputs, for {@link Rule#RESCALE}), as rows.
     */
    public float[] backward(float[] rows, int n, int task, Rule rule, float[] references) {
        return pass(rows, n, task, rule, references).gradient();
    }

    /**
     * A backward pass with the logits its forward passes computed on the way (of the inputs and, for
     * {@link Rule#RESCALE}, of the references; strand-averaged like {@link #logits}), so that callers need no
     * second forward pass for predictions or DeepLIFT's convergence delta.
     */
    public Pass pass(float[] rows, int n, int task, Rule rule, float[] references) {
        return strands(rows, n, references, (r, m, refs) -> raw(r, m, task, rule, refs));
    }

    /**
     * LRP (see {@link Relevance}): the relevance per unit of input c (the input's relevance is x ⊙ c, and sums to
     * about the logit), strand-averaged like {@link #pass}, with the logits.
     */
    Pass relevance(float[] rows, int n, int task, Lrp lrp) {
        return strands(rows, n, null, (r, m, refs) -> {
            List<INDArray> trace = network.forward(tensor(r, m));
            INDArray logits = last(trace);
            INDArray c = Relevance.inputMultipliers(network, trace, seed(m, task).muli(logits), lrp);
            return new Pass(Tensors.floats(c), logits.toFloatMatrix(), null);
        });
    }

    /** One backward pass over rows (and row-aligned references, or null). */
    private interface RawPass {
        Pass run(float[] rows, int n, float[] references);
    }

    /** {@code raw} on the rows, or on the rows and their reverse complements averaged for a strand-averaged model. */
    private Pass strands(float[] rows, int n, float[] references, RawPass raw) {
        if (!averagesStrands) {
            return raw.run(rows, n, references);
        }
        float[] both = concat(rows, reverseComplement(rows, n), n);
        float[] refs = references == null ? null : concat(references, reverseComplement(references, n), n);
        Pass p = raw.run(both, 2 * n, refs);
        float[] m = p.gradient();
        int size = n * 4 * length;
        float[] back = OneHotBatch.reverseComplement(m, size, n, length);
        for (int i = 0; i < size; i++) {
            back[i] = (m[i] + back[i]) / 2;
        }
        return new Pass(back, strandMean(p.logits(), n), refs == null ? null : strandMean(p.referenceLogits(), n));
    }

    /** Gradients (or multipliers) as rows, and the logits [n][tasks] of the inputs and the references (or null). */
    public record Pass(float[] gradient, float[][] logits, float[][] referenceLogits) {
    }

    private Pass raw(float[] rows, int n, int task, Rule rule, float[] references) {
        List<INDArray> trace = network.forward(tensor(rows, n));
        List<INDArray> reference = rule.usesReference() ? network.forward(tensor(references, n)) : null;
        INDArray seed = seed(n, task);
        float[] gradient = Tensors.floats(network.backward(trace, network.size(), seed, rule, reference));
        return new Pass(gradient, last(trace).toFloatMatrix(), reference == null ? null : last(reference).toFloatMatrix());
    }

    private static INDArray last(List<INDArray> trace) {
        return trace.get(trace.size() - 1);
    }

    /** Rows i and n + i of [2n][tasks] logits (a strand and its reverse complement) averaged, as {@link #logits}. */
    private float[][] strandMean(float[][] both, int n) {
        float[][] mean = new float[n][tasks];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tasks; t++) {
                mean[i][t] = (both[i][t] + both[n + i][t]) / 2;
            }
        }
        return mean;
    }

    /** A gradient of 1 on the task's logit. */
    INDArray seed(int n, int task) {
        INDArray seed = Nd4j.zeros(DataType.FLOAT, n, tasks);
        seed.getColumn(task).assign(1);
        return seed;
    }

    float[] reverseComplement(float[] rows, int n) {
        return OneHotBatch.reverseComplement(rows, 0, n, length);
    }

    private float[] concat(float[] a, float[] b, int n) {
        int size = n * 4 * length;
        float[] both = new float[2 * size];
        System.arraycopy(a, 0, both, 0, size);
        System.arraycopy(b, 0, both, size, size);
        return both;
    }
}
