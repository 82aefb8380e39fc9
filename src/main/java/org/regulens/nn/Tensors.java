package org.regulens.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between ND4J arrays and flat float arrays in c order, as bulk copies (ND4J's own element-wise
 * put/get paths dominated the profile of fast ISM).
 */
public final class Tensors {

    private Tensors() {
    }

    public static float[] floats(INDArray a) {
        INDArray c = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() ? a : a.castTo(DataType.FLOAT).dup('c');
        float[] out = new float[(int) c.length()];
        FloatBuffer buffer = c.data().asNioFloat();
        buffer.position((int) c.offset());
        buffer.get(out);
        return out;
    }

    public static INDArray of(float[] data, long... shape) {
        return Nd4j.create(Nd4j.createBuffer(data), shape);
    }
}
