package org.regulens.model;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;

/**
 * One vertex of an {@link InferenceNetwork}, in topological order (see {@link InferenceNetwork#topology()}).
 *
 * @param name         the vertex's name: the network's input is "input"; layers keep their names ("conv1",
 *                     "conv1_act", "res_conv2", "logits", ...); unnamed layers have deeplearning4j's default
 *                     names in a sequential network ("layer" + their index in the trained network, e.g. "layer3"
 *                     for a pooling layer) and ours in a graph ("pool1", "dropout2", ...)
 * @param kind         "input", "layer", or the kind of a parameter-free vertex: "add" for an element-wise sum
 *                     (other deeplearning4j vertices: their class's simple name)
 * @param layer        the deeplearning4j layer (its parameters through {@code getParam}/{@code paramTable}, its
 *                     configuration through {@code conf().getLayer()}); null unless kind is "layer"
 * @param preProcessor the reshaping deeplearning4j applies to the input before the layer (for example
 *                     {@code CnnToFeedForwardPreProcessor} before a dense layer: [n, c, 1, w] flattened to
 *                     [n, c·w] in c order), or null
 * @param inputs       the names of the vertices whose outputs feed this one, in order (empty for the input)
 */
public record GraphNode(String name, String kind, Layer layer, InputPreProcessor preProcessor, List<String> inputs) {

    public GraphNode {
        inputs = List.copyOf(inputs);
    }

    public boolean isLayer() {
        return layer != null;
    }
}
