package org.regulens.nn;

import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a network with reverse-complement tied layers ({@link RcConvolution}, {@link RcSymmetricDense}) into the
 * same function in deeplearning4j's standard layers: each tied layer's free parameters are expanded into the full
 * weight arrays, every other layer's parameters are copied. Model files, inference and attribution only ever see the
 * standard network.
 */
public final class ReverseComplementLayers {

    private ReverseComplementLayers() {
    }

    /** True when a configuration holds a tied layer. */
    public static boolean hasTied(MultiLayerConfiguration configuration) {
        return configuration.getConfs().stream().anyMatch(c -> isTied(c.getLayer()));
    }

    private static boolean isTied(Layer layer) {
        return layer instanceof RcConvolution || layer instanceof RcSymmetricDense;
    }

    /** A new standard network (fused training layers made standard too) with the expanded parameters. */
    public static MultiLayerNetwork standard(MultiLayerNetwork tied) {
        MultiLayerConfiguration configuration = TrainingLayers.standard(tied.getLayerWiseConfigurations().clone());
        for (NeuralNetConfiguration conf : configuration.getConfs()) {
            if (conf.getLayer() instanceof RcConvolution convolution) {
                conf.setLayer(convolution.standard());
            } else if (conf.getLayer() instanceof RcSymmetricDense dense) {
                conf.setLayer(dense.standard());
            }
        }
        MultiLayerNetwork standard = new MultiLayerNetwork(configuration);
        // zeros, not random initial weights (every parameter is assigned below): drawing them would move the global
        // random stream that dropout draws from, so a mid-training checkpoint would change the training
        long count = 0;
        for (NeuralNetConfiguration conf : configuration.getConfs()) {
            count += conf.getLayer().initializer().numParams(conf);
        }
        standard.init(org.nd4j.linalg.factory.Nd4j.zeros(tied.params().dataType(), 1, count), false);
        for (int i = 0; i < tied.getnLayers(); i++) {
            Layer layer = tied.getLayerWiseConfigurations().getConf(i).getLayer();
            Map<String, INDArray> from = tied.getLayer(i).paramTable();
            org.deeplearning4j.nn.api.Layer to = standard.getLayer(i);
            for (Map.Entry<String, INDArray> e : from.entrySet()) {
                INDArray value = e.getValue();
                if (layer instanceof RcConvolution) {
                    value = e.getKey().equals(RcConvolution.WEIGHT_KEY) ? RcConvolution.expandWeights(value)
                            : RcConvolution.expandBias(value);
                } else if (layer instanceof RcSymmetricDense && e.getKey().equals(RcSymmetricDense.WEIGHT_KEY)) {
                    value = RcSymmetricDense.expandWeights(value);
                }
                INDArray target = to.getParam(e.getKey());
                target.assign(value.reshape(target.shape()));
            }
        }
        return standard;
    }
}
