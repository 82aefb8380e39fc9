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

    /** The array's values in c order, in {@code scratch} when it is long enough. */
    static float[] read(INDArray a, float[] scratch) {
        INDArray c = contiguous(a);
        int length = (int) c.length();
        float[] out = scratch.length >= length ? scratch : new float[length];
        FloatBuffer buffer = c.data().asNioFloat();
        buffer.position((int) c.offset());
        buffer.get(out, 0, length);
        return out;
    }

    /** Writes the first {@code length} values into a c-order array with default strides (or a vector view). */
    static void write(float[] values, int length, INDArray target) {
        if (!isContiguous(target)) {
            throw new IllegalStateException("not a contiguous array: " + target.shapeInfoToString());
        }
        FloatBuffer buffer = target.data().asNioFloat();
        buffer.position((int) target.offset());
        buffer.put(values, 0, length);
    }

    static INDArray contiguous(INDArray a) {
        return isContiguous(a) ? a : a.dup('c');
    }

    /** Float values laid out densely in c order from the array's offset (strides of size-1 dimensions aside). */
    static boolean isContiguous(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }
}
