package org.regulens.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one place that knows how deeplearning4j stores a sequence convolution's kernel. A {@link ConvolutionLayer}
 * over [n, 4, 1, L] holds [out, in, 1, width]. A {@link Convolution1DLayer} reports [out, in, width, 1] but its
 * values are laid out as ND4J's conv1d kernel [width, in, out] (checked value by value against the layer's output).
 */
public final class ConvolutionKernels {

    private ConvolutionKernels() {
    }

    /** The kernel as [out, in, width] (a copy). */
    public static INDArray weights(Layer layer) {
        INDArray w = layer.getParam("W");
        if (oneDimensional(layer)) {
            return w.reshape('c', new long[] {w.size(2), w.size(1), w.size(0)}).permute(2, 1, 0).dup('c');
        }
        requireOneRow(layer, w);
        return w.reshape('c', new long[] {w.size(0), w.size(1), w.size(3)}).dup('c');
    }

    /** A live view of the kernel with one row per output filter (its in × width weights, in some order). */
    public static INDArray filterRows(Layer layer) {
        INDArray w = layer.getParam("W");
        long filters = w.size(0);
        long perFilter = w.length() / filters;
        if (oneDimensional(layer)) {
            return w.reshape('c', new long[] {perFilter, filters}).transpose();
        }
        requireOneRow(layer, w);
        return w.reshape('c', new long[] {filters, perFilter});
    }

    /** The dilation along the sequence. */
    public static int dilation(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        return conf instanceof Convolution1DLayer c ? c.getDilation()[0] : ((ConvolutionLayer) conf).getDilation()[1];
    }

    private static boolean oneDimensional(Layer layer) {
        return layer.conf().getLayer() instanceof Convolution1DLayer;
    }

    private static void requireOneRow(Layer layer, INDArray w) {
        if (w.size(2) != 1) {
            throw new IllegalStateException("layer " + layer.conf().getLayer().getLayerName()
                    + " is not a convolution along one row: kernel " + java.util.Arrays.toString(w.shape()));
        }
    }
}
