package org.regulens.io.npz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The header of a .npy array: element type, shape, memory order and the byte order of the stored data.
 *
 * <p>On disk: the magic {@code \x93NUMPY}, a version, the header length, then a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces and ended by a
 * newline so that the data starts at a multiple of 64 bytes (NumPy's alignment, good for memory mapping).
 * Versions 1.0, 2.0 and 3.0 are read; 1.0 is written, 2.0 only when the header outgrows 65535 bytes.
 */
public final class NpyHeader {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    static final int ALIGNMENT = 64;
    /** Far beyond any real header; a larger length means the file is damaged, not that we should allocate it. */
    private static final int MAX_HEADER_LENGTH = 1 << 24;

    private final DType dtype;
    private final long[] shape;
    private final boolean fortranOrder;
    private final ByteOrder byteOrder;
    private final long size;
    /** Bytes before the data: magic, version, length field and dict. */
    private final int length;

    private NpyHeader(DType dtype, long[] shape, boolean fortranOrder, ByteOrder byteOrder, int length) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.fortranOrder = fortranOrder;
        this.byteOrder = byteOrder;
        this.size = elementCount(shape);
        this.length = length < 0 ? encode().length : length;
    }

    /** A header for writing: C order, little-endian. */
    public static NpyHeader of(DType dtype, long... shape) {
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        return new NpyHeader(dtype, shape, false, ByteOrder.LITTLE_ENDIAN, -1);
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long size() {
        return size;
    }

    public long dataBytes() {
        return size * dtype.itemSize();
    }

    /** Bytes of one row, i.e. of everything below the first dimension. */
    public long rowBytes() {
        if (shape.length == 0) {
            throw new IllegalStateException("a scalar array has no rows");
        }
        return elementCount(Arrays.copyOfRange(shape, 1, shape.length)) * dtype.itemSize();
    }

    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** Byte order of the stored data; arrays handed out by readers are always little-endian. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** Offset of the data from the start of the .npy bytes; a multiple of 64 for headers regulens writes. */
    public int length() {
        return length;
    }

    /** The dict literal, without padding. */
    String dictText() {
        StringJoiner dims = new StringJoiner(", ", "(", shape.length == 1 ? ",)" : ")");
        for (long dim : shape) {
            dims.add(Long.toString(dim));
        }
        return "{'descr': '" + dtype.descr() + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + dims + ", }";
    }

    /** Magic, version, length and padded dict: everything that precedes the data. */
    public byte[] encode() {
        if (byteOrder != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("regulens writes little-endian data only");
        }
        byte[] dict = dictText().getBytes(StandardCharsets.ISO_8859_1);
        int prefix = MAGIC.length + 2 + 2;
        int padded = padTo(prefix + dict.length + 1) - prefix;
        int major = 1;
        if (padded > 0xFFFF) {
            major = 2;
            prefix += 2;
            padded = padTo(prefix + dict.length + 1) - prefix;
        }
        ByteBuffer out = ByteBuffer.allocate(prefix + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) padded);
        } else {
            out.putInt(padded);
        }
        out.put(dict);
        while (out.remaining() > 1) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    private static int padTo(int bytes) {
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /**
     * Reads a header from the start of .npy bytes, leaving the stream at the first data byte.
     * {@code file} and {@code record} (the entry name, or null for a .npy file) only name the source in errors.
     */
    static NpyHeader read(InputStream in, Path file, String record) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw NpzErrors.at(file, record, "not a .npy array (no \\x93NUMPY magic)");
        }
        int major = start[MAGIC.length];
        int minor = start[MAGIC.length + 1];
        if (major < 1 || major > 3 || minor != 0) {
            throw NpzErrors.at(file, record,
                    "unsupported .npy format version " + major + "." + minor + " (regulens reads 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw NpzErrors.at(file, record, "truncated .npy header");
        }
        ByteBuffer lengthBuffer = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long dictLength = major == 1 ? Short.toUnsignedInt(lengthBuffer.getShort()) : Integer.toUnsignedLong(lengthBuffer.getInt());
        if (dictLength > MAX_HEADER_LENGTH) {
            throw NpzErrors.at(file, record, "damaged .npy header (claims " + dictLength + " bytes)");
        }
        byte[] dict = in.readNBytes((int) dictLength);
        if (dict.length < dictLength) {
            throw NpzErrors.at(file, record, "truncated .npy header");
        }
        String text = new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int total = MAGIC.length + 2 + lengthBytes + (int) dictLength;
        try {
            return fromDict(text, total);
        } catch (IllegalArgumentException e) {
            throw NpzErrors.at(file, record, e.getMessage());
        }
    }

    /** Interprets the dict text; IllegalArgumentException with a user-readable reason when it is unusable. */
    static NpyHeader fromDict(String text, int length) {
        Object literal;
        try {
            literal = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad .npy header: " + e.getMessage());
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("bad .npy header: not a dict");
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new IllegalArgumentException("bad .npy header: no '" + key + "'");
            }
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException("bad .npy header: 'fortran_order' is not True or False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new IllegalArgumentException("bad .npy header: 'shape' is not a tuple");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long dim) || dim < 0) {
                throw new IllegalArgumentException("bad .npy header: shape " + dims + " is not a tuple of sizes");
            }
            shape[i] = dim;
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String typeText)) {
            throw new IllegalArgumentException("structured dtype " + descr + " is not supported");
        }
        ByteOrder order = ByteOrder.nativeOrder();
        String code = typeText;
        if (!typeText.isEmpty() && "<>|=".indexOf(typeText.charAt(0)) >= 0) {
            char mark = typeText.charAt(0);
            order = mark == '<' ? ByteOrder.LITTLE_ENDIAN : mark == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
            code = typeText.substring(1);
        }
        if (code.startsWith("O")) {
            throw new IllegalArgumentException("dtype '" + typeText + "': object arrays need pickle; not supported");
        }
        DType dtype = DType.fromCode(code);
        if (dtype == null) {
            throw new IllegalArgumentException("unsupported dtype '" + typeText
                    + "' (regulens reads b1, u1, i1, i2, i4, i8, f4, f8 and U<n>)");
        }
        try {
            Math.multiplyExact(elementCount(shape), (long) dtype.itemSize());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        }
        return new NpyHeader(dtype, shape, fortran, order, length);
    }

    /** Same type, order and length with a different shape: a block of rows of this array. */
    NpyHeader withShape(long[] newShape) {
        return new NpyHeader(dtype, newShape, fortranOrder, byteOrder, length);
    }

    static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    @Override
    public String toString() {
        return dtype.descr() + Arrays.toString(shape) + (fortranOrder ? " fortran order" : "");
    }
}
