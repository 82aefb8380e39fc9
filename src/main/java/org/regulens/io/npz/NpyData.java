package org.regulens.io.npz;

import java.nio.ByteOrder;

/** Brings stored array bytes to the layout regulens works in: little-endian, C (row-major) order. */
final class NpyData {

    private NpyData() {
    }

    /** Converts {@code data} in place where possible; returns the little-endian C-order bytes. */
    static byte[] toLittleEndianC(byte[] data, NpyHeader header) {
        if (header.byteOrder() == ByteOrder.BIG_ENDIAN) {
            swapWords(data, header.dtype().wordSize());
        }
        if (header.fortranOrder() && header.rank() > 1) {
            return fortranToC(data, header.shape(), header.dtype().itemSize());
        }
        return data;
    }

    /** Reverses the bytes of every {@code wordSize}-byte number. */
    static void swapWords(byte[] data, int wordSize) {
        if (wordSize == 1) {
            return;
        }
        for (int start = 0; start + wordSize <= data.length; start += wordSize) {
            for (int i = start, j = start + wordSize - 1; i < j; i++, j--) {
                byte b = data[i];
                data[i] = data[j];
                data[j] = b;
            }
        }
    }

    /**
     * Reorders column-major elements into row-major: walks the C-order index (last axis fastest) while
     * tracking the matching Fortran offset, whose strides grow from the first axis.
     */
    static byte[] fortranToC(byte[] data, long[] shape, int itemSize) {
        int rank = shape.length;
        long[] fortranStride = new long[rank];
        long stride = itemSize;
        for (int axis = 0; axis < rank; axis++) {
            fortranStride[axis] = stride;
            stride *= shape[axis];
        }
        byte[] out = new byte[data.length];
        long[] index = new long[rank];
        long source = 0;
        for (int target = 0; target < out.length; target += itemSize) {
            System.arraycopy(data, (int) source, out, target, itemSize);
            for (int axis = rank - 1; axis >= 0; axis--) {
                index[axis]++;
                source += fortranStride[axis];
                if (index[axis] < shape[axis]) {
                    break;
                }
                source -= fortranStride[axis] * shape[axis];
                index[axis] = 0;
            }
        }
        return out;
    }
}
