package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions between ND4J arrays and flat float arrays in c order. */
final class Tensors {

    private Tensors() {
    }

    static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }
}
