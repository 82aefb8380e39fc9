package org.regulens.io.npz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An n-dimensional NumPy array held in memory: element type, shape and the elements as little-endian
 * bytes in C (row-major) order. Immutable: factories and accessors copy.
 *
 * <p>Factories without a shape make a 1-D array; {@link #reshape(long...)} with no arguments makes a
 * scalar (shape {@code ()}) from a one-element array. In-memory arrays are limited to 2 GiB of data; read
 * larger ones in blocks with {@link NpzFile#readRows}.
 */
public final class NpyArray {

    private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    private final NpyHeader header;
    private final byte[] data;
    /** Where the array was read from, so conversion errors can name it; null when built in memory. */
    private final Path file;
    private final String record;

    private NpyArray(NpyHeader header, byte[] data, Path file, String record) {
        this.header = header;
        this.data = data;
        this.file = file;
        this.record = record;
    }

    /** Wraps bytes without copying; the reader's entry point. */
    static NpyArray wrap(DType dtype, long[] shape, byte[] littleEndianC, Path file, String record) {
        NpyHeader header = NpyHeader.of(dtype, shape);
        if (header.dataBytes() != littleEndianC.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + header.dataBytes() + " bytes, got " + littleEndianC.length);
        }
        return new NpyArray(header, littleEndianC, file, record);
    }

    /** An array of any dtype from its little-endian, C-order bytes (copied). */
    public static NpyArray ofRaw(DType dtype, byte[] littleEndianC, long... shape) {
        return wrap(dtype, shape, littleEndianC.clone(), null, null);
    }

    public static NpyArray ofFloats(float[] values, long... shape) {
        ByteBuffer buffer = allocate(values.length, 4);
        buffer.asFloatBuffer().put(values);
        return build(DType.FLOAT32, buffer, values.length, shape);
    }

    public static NpyArray ofDoubles(double[] values, long... shape) {
        ByteBuffer buffer = allocate(values.length, 8);
        buffer.asDoubleBuffer().put(values);
        return build(DType.FLOAT64, buffer, values.length, shape);
    }

    public static NpyArray ofShorts(short[] values, long... shape) {
        ByteBuffer buffer = allocate(values.length, 2);
        buffer.asShortBuffer().put(values);
        return build(DType.INT16, buffer, values.length, shape);
    }

    public static NpyArray ofInts(int[] values, long... shape) {
        ByteBuffer buffer = allocate(values.length, 4);
        buffer.asIntBuffer().put(values);
        return build(DType.INT32, buffer, values.length, shape);
    }

    public static NpyArray ofLongs(long[] values, long... shape) {
        ByteBuffer buffer = allocate(values.length, 8);
        buffer.asLongBuffer().put(values);
        return build(DType.INT64, buffer, values.length, shape);
    }

    /** One-byte elements: {@link DType#UINT8} (Java's signed bytes read as 0..255), INT8 or BOOL (0 or 1). */
    public static NpyArray ofBytes(byte[] values, DType dtype, long... shape) {
        if (dtype.itemSize() != 1) {
            throw new IllegalArgumentException("ofBytes needs a one-byte dtype, not " + dtype);
        }
        if (dtype.isBool()) {
            for (byte b : values) {
                if (b != 0 && b != 1) {
                    throw new IllegalArgumentException("bool values must be 0 or 1, got " + b);
                }
            }
        }
        return build(dtype, ByteBuffer.wrap(values.clone()), values.length, shape);
    }

    public static NpyArray ofBools(boolean[] values, long... shape) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return build(DType.BOOL, ByteBuffer.wrap(bytes), values.length, shape);
    }

    /** A 1-D unicode array as wide as its longest value in code points (at least 1, as NumPy does). */
    public static NpyArray ofStrings(String... values) {
        int width = 1;
        for (String value : values) {
            width = Math.max(width, value.codePointCount(0, value.length()));
        }
        return ofStrings(values, width, values.length);
    }

    /** A unicode array of a given width and shape; values longer than {@code width} code points are an error. */
    public static NpyArray ofStrings(String[] values, int width, long... shape) {
        DType dtype = DType.unicode(width);
        ByteBuffer buffer = allocate(values.length, dtype.itemSize());
        for (String value : values) {
            int start = buffer.position();
            if (value.codePointCount(0, value.length()) > width) {
                throw new IllegalArgumentException("string longer than " + width + " code points: " + value);
            }
            value.codePoints().forEach(buffer::putInt);
            buffer.position(start + dtype.itemSize()); // the rest stays zero: NumPy's padding
        }
        return build(dtype, buffer, values.length, shape);
    }

    /** A 0-d unicode array, e.g. a JSON document stored beside tensors. */
    public static NpyArray ofString(String value) {
        return ofStrings(value).reshape();
    }

    private static ByteBuffer allocate(long count, int itemSize) {
        long bytes = count * itemSize;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("array of " + bytes + " bytes does not fit in memory; stream it");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static NpyArray build(DType dtype, ByteBuffer buffer, int count, long[] shape) {
        long[] actualShape = shape.length == 0 ? new long[] {count} : shape;
        if (NpyHeader.elementCount(actualShape) != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(actualShape) + " does not hold "
                    + count + " values");
        }
        return wrap(dtype, actualShape, buffer.array(), null, null);
    }

    /** The same elements with another shape of equal size; no arguments make a scalar. */
    public NpyArray reshape(long... newShape) {
        if (NpyHeader.elementCount(newShape) != size()) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape()) + " to "
                    + Arrays.toString(newShape));
        }
        return new NpyArray(NpyHeader.of(dtype(), newShape), data, file, record);
    }

    public DType dtype() {
        return header.dtype();
    }

    public long[] shape() {
        return header.shape();
    }

    public int rank() {
        return header.rank();
    }

    /** Number of elements. */
    public long size() {
        return header.size();
    }

    /** The header this array is written with. */
    public NpyHeader header() {
        return header;
    }

    /** The elements as little-endian, C-order bytes (a copy). */
    public byte[] rawBytes() {
        return data.clone();
    }

    /** The raw bytes themselves, for writers in this package that must not copy; never modify. */
    byte[] data() {
        return data;
    }

    /** Read-only view of the raw bytes. */
    ByteBuffer rawView() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Any numeric dtype (bool as 0 and 1) converted to float. */
    public float[] asFloats() {
        if (dtype().equals(DType.FLOAT32)) {
            float[] out = new float[(int) size()];
            rawView().asFloatBuffer().get(out);
            return out;
        }
        double[] values = asDoubles();
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Any numeric dtype (bool as 0 and 1) converted to double; int64 beyond 2^53 loses precision. */
    public double[] asDoubles() {
        requireNumeric();
        double[] out = new double[(int) size()];
        ByteBuffer in = rawView();
        DType type = dtype();
        for (int i = 0; i < out.length; i++) {
            out[i] = type.isFloat() ? floatAt(in, i) : longAt(in, i);
        }
        return out;
    }

    /** Integer and bool values; float values only when every one is a whole number. */
    public long[] asLongs() {
        requireNumeric();
        long[] out = new long[(int) size()];
        ByteBuffer in = rawView();
        boolean isFloat = dtype().isFloat();
        for (int i = 0; i < out.length; i++) {
            if (isFloat) {
                double value = floatAt(in, i);
                if (value != Math.rint(value) || Double.isInfinite(value) || Math.abs(value) > 0x1p63) {
                    throw error("value " + value + " at index " + i + " is not an integer");
                }
                out[i] = (long) value;
            } else {
                out[i] = longAt(in, i);
            }
        }
        return out;
    }

    /** Like {@link #asLongs()}, also checking that every value fits in an int. */
    public int[] asInts() {
        long[] values = asLongs();
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            if (values[i] != (int) values[i]) {
                throw error("value " + values[i] + " at index " + i + " does not fit in an int");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /** The raw elements of a one-byte dtype (uint8 values above 127 come back negative, as Java bytes do). */
    public byte[] asBytes() {
        if (dtype().itemSize() != 1) {
            throw error("expected a one-byte array (u1, i1 or b1), found " + dtype());
        }
        return data.clone();
    }

    /** Nonzero elements are true. */
    public boolean[] asBooleans() {
        double[] values = asDoubles();
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] != 0;
        }
        return out;
    }

    /** The elements of a unicode array, trailing NUL padding removed. */
    public String[] asStrings() {
        if (!dtype().isUnicode()) {
            throw error("expected a unicode string array, found " + dtype());
        }
        int width = dtype().stringLength();
        String[] out = new String[(int) size()];
        ByteBuffer in = rawView();
        for (int i = 0; i < out.length; i++) {
            StringBuilder text = new StringBuilder(width);
            for (int c = 0; c < width; c++) {
                int codePoint = in.getInt();
                if (codePoint == 0) {
                    in.position(in.position() + 4 * (width - c - 1));
                    break;
                }
                if (!Character.isValidCodePoint(codePoint)) {
                    throw error("invalid code point " + codePoint + " in string " + i);
                }
                text.appendCodePoint(codePoint);
            }
            out[i] = text.toString();
        }
        return out;
    }

    /** The single string of a 0-d (or one-element) unicode array. */
    public String asString() {
        if (size() != 1) {
            throw error("expected a single string, found shape " + Arrays.toString(shape()));
        }
        return asStrings()[0];
    }

    private double floatAt(ByteBuffer in, int i) {
        return dtype().itemSize() == 4 ? in.getFloat(4 * i) : in.getDouble(8 * i);
    }

    private long longAt(ByteBuffer in, int i) {
        DType type = dtype();
        switch (type.itemSize()) {
            case 1:
                return type.equals(DType.INT8) ? in.get(i) : Byte.toUnsignedInt(in.get(i));
            case 2:
                return in.getShort(2 * i);
            case 4:
                return in.getInt(4 * i);
            default:
                return in.getLong(8 * i);
        }
    }

    private void requireNumeric() {
        if (!dtype().isNumeric()) {
            throw error("expected a numeric array, found " + dtype());
        }
    }

    private RuntimeException error(String message) {
        if (file != null) {
            return NpzErrors.at(file, record, message);
        }
        return new IllegalStateException(message);
    }

    /** Same dtype, shape and elements. */
    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && header.dtype().equals(that.header.dtype())
                && Arrays.equals(header.shape(), that.header.shape()) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * header.dtype().hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + header;
    }
}
