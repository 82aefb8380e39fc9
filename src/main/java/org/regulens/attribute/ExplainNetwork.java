package org.regulens.attribute;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.regulens.model.ConvolutionKernels;
import org.regulens.model.ExponentialActivation;
import org.regulens.model.GraphNode;
import org.regulens.model.InferenceNetwork;
import org.regulens.model.PositionalSelfAttention;

/**
 * Our own forward and backward passes over a trained network (batch norm folded, dropout removed), on
 * [n, 4, length] one-hot inputs. Owning the backward pass is what lets attribution swap the rule at nonlinear
 * units (gradients, DeepLIFT's Rescale and RevealCancel, guided backpropagation, LRP in {@link Relevance}) and recompute only what a mutation can reach
 * (fast in-silico mutagenesis); deeplearning4j offers neither. Built from the deeplearning4j network and checked
 * against its logits by the tests.
 */
public final class ExplainNetwork {

    private final List<Step> steps;
    private final List<String> names;

    ExplainNetwork(List<Step> steps, List<String> names) {
        this.steps = List.copyOf(steps);
        this.names = List.copyOf(names);
    }

    List<Step> steps() {
        return steps;
    }

    /** Index of the step whose output is the named deeplearning4j layer's output, or -1. */
    public int stepIndex(String layerName) {
        return names.lastIndexOf(layerName);
    }

    public String layerName(int step) {
        return names.get(step);
    }

    public int size() {
        return steps.size();
    }

    /** Every intermediate tensor: element 0 is the input, element k the output of step k − 1. */
    public List<INDArray> forward(INDArray x) {
        List<INDArray> trace = new ArrayList<>(steps.size() + 1);
        trace.add(x);
        for (Step step : steps) {
            trace.add(step.forward(trace.get(trace.size() - 1)));
        }
        return trace;
    }

    /** Logits [n, tasks]. */
    public INDArray logits(INDArray x) {
        return forwardFrom(0, x);
    }

    /**
     * Pushes {@code grad} (with respect to the output of step {@code from − 1}, i.e. {@code trace[from]}) back to
     * {@code trace[to]}. With the DeepLIFT rules, {@code reference} is the reference's trace, row-aligned.
     */
    public INDArray backward(List<INDArray> trace, int from, int to, INDArray grad, Rule rule, List<INDArray> reference) {
        INDArray g = grad;
        for (int k = from - 1; k >= to; k--) {
            if (!rule.usesReference() && k - 1 >= to && steps.get(k) instanceof MaxPoolStep pool
                    && steps.get(k - 1) instanceof ActivationStep a && a.function() == Nonlinearity.RELU) {
                // ReLU then max pooling: one fused pass (the gradient reaches only the windows' positive maxima)
                g = pool.backwardThroughRelu(trace.get(k), g, rule);
                k--;
                continue;
            }
            if (rule == Rule.REVEAL_CANCEL && k - 1 >= to && steps.get(k) instanceof ActivationStep a
                    && steps.get(k - 1) instanceof LinearStep linear) {
                // a linear step then its nonlinearity: RevealCancel needs the linear step's Δz⁺ and Δz⁻
                g = RevealCancel.backward(linear, a.function(), trace.get(k - 1), reference.get(k - 1), trace.get(k),
                        reference.get(k), g);
                k--;
                continue;
            }
            Step step = steps.get(k);
            // RevealCancel reaches into residual branches; every other step passes it back as Rescale
            Rule stepRule = rule == Rule.REVEAL_CANCEL && !(step instanceof ResidualStep) ? Rule.RESCALE : rule;
            g = step.backward(trace.get(k), trace.get(k + 1), g, stepRule,
                    reference == null ? null : reference.get(k), reference == null ? null : reference.get(k + 1));
        }
        return g;
    }

    /** {@link #backward(List, int, int, INDArray, Rule, List)} from the logits to the input. */
    public INDArray backward(List<INDArray> trace, int from, INDArray grad, Rule rule, List<INDArray> reference) {
        return backward(trace, from, 0, grad, rule, reference);
    }

    /** Runs steps 0 .. {@code to − 1} on {@code x}: the output of step {@code to − 1} ({@code x} for 0). */
    public INDArray forwardTo(int to, INDArray x) {
        INDArray a = x;
        for (int k = 0; k < to; k++) {
            a = steps.get(k).forward(a);
        }
        return a;
    }

    /** Runs steps {@code from} .. end on {@code in} (the output of step {@code from − 1}). */
    public INDArray forwardFrom(int from, INDArray in) {
        INDArray a = in;
        for (int k = from; k < steps.size(); k++) {
            a = steps.get(k).forward(a);
        }
        return a;
    }

    /** Index of the first self-attention step, or -1 when the network has none. */
    public int attentionStep() {
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k) instanceof AttentionStep) {
                return k;
            }
        }
        return -1;
    }

    /** The maps of the first self-attention step for inputs [n, 4, L]: [n, heads, T (query), T (key)]. */
    public INDArray attentionMaps(INDArray x) {
        int k = attentionStep();
        if (k < 0) {
            throw new IllegalStateException("the network has no self-attention layer");
        }
        return ((AttentionStep) steps.get(k)).maps(forwardTo(k, x));
    }

    /**
     * The explainable copy of a model's inference network, walked in topological order: a chain of layers, where
     * an "add" vertex whose second input is an earlier node turns the steps since that node into a residual branch.
     */
    public static ExplainNetwork of(InferenceNetwork inference) {
        List<Step> steps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (GraphNode node : inference.topology()) {
            switch (node.kind()) {
                case "input" -> {
                }
                case "add" -> {
                    if (node.inputs().size() != 2 || !node.inputs().get(0).equals(last(names))) {
                        throw new IllegalStateException("attribution supports only residual additions, not " + node);
                    }
                    int from = names.lastIndexOf(node.inputs().get(1)) + 1; // steps after the block input
                    ExplainNetwork branch = new ExplainNetwork(steps.subList(from, steps.size()),
                            names.subList(from, names.size()));
                    steps.subList(from, steps.size()).clear();
                    names.subList(from, names.size()).clear();
                    steps.add(new ResidualStep(branch));
                    names.add(node.name());
                }
                default -> {
                    int before = steps.size();
                    addLayer(node.layer(), node.name(), steps);
                    for (int k = before; k < steps.size(); k++) {
                        names.add(node.name());
                    }
                }
            }
        }
        return new ExplainNetwork(steps, names);
    }

    private static String last(List<String> names) {
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }

    private static void addLayer(Layer layer, String name, List<Step> steps) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf instanceof ConvolutionLayer) { // Convolution1DLayer included
            steps.add(new ConvolutionStep(name, ConvolutionKernels.weights(layer), layer.getParam("b"),
                    ConvolutionKernels.dilation(layer)));
        } else if (conf instanceof DenseLayer) {
            steps.add(new DenseStep(name, layer.getParam("W"), layer.getParam("b")));
        } else if (conf instanceof Subsampling1DLayer s && s.getPoolingType() == PoolingType.MAX) {
            steps.add(new MaxPoolStep(s.getKernelSize()[0]));
        } else if (conf instanceof SubsamplingLayer s && s.getPoolingType() == PoolingType.MAX
                && s.getKernelSize()[1] == s.getStride()[1]) {
            steps.add(new MaxPoolStep(s.getKernelSize()[1]));
        } else if (conf instanceof GlobalPoolingLayer g && g.getPoolingType() == PoolingType.MAX) {
            steps.add(new GlobalMaxPoolStep());
        } else if (conf instanceof Bidirectional b && b.getFwd() instanceof LSTM) {
            steps.add(new BiLstmStep(
                    new LstmDirection(layer.getParam("fW"), layer.getParam("fRW"), layer.getParam("fb"), false),
                    new LstmDirection(layer.getParam("bW"), layer.getParam("bRW"), layer.getParam("bb"), true)));
        } else if (conf instanceof PositionalSelfAttention attention) {
            steps.add(AttentionStep.of(name, attention, layer));
        } else if (!(conf instanceof ActivationLayer)) {
            throw unsupported(conf);
        }
        if (conf instanceof ActivationLayer a) {
            steps.add(new ActivationStep(name, nonlinearity(a.getActivationFn(), conf)));
        } else if (conf instanceof BaseLayer base && !(conf instanceof Bidirectional)) {
            Nonlinearity f = nonlinearity(base.getActivationFn(), conf);
            if (f != Nonlinearity.IDENTITY) {
                steps.add(new ActivationStep(name, f));
            }
        }
    }

    private static Nonlinearity nonlinearity(IActivation activation, org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (activation == null || activation instanceof ActivationIdentity) {
            return Nonlinearity.IDENTITY;
        } else if (activation instanceof ActivationReLU) {
            return Nonlinearity.RELU;
        } else if (activation instanceof ExponentialActivation) {
            return Nonlinearity.EXP;
        } else if (activation instanceof ActivationSigmoid) {
            return Nonlinearity.SIGMOID;
        } else if (activation instanceof ActivationTanH) {
            return Nonlinearity.TANH;
        }
        throw new IllegalStateException("attribution does not support the activation " + activation + " of " + conf);
    }

    private static IllegalStateException unsupported(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return new IllegalStateException("attribution does not support the layer " + conf.getClass().getSimpleName()
                + " (" + conf.getLayerName() + ")");
    }
}
