package org.regulens.io.npz;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One array of an {@link NpzWriter} written a row at a time: shape {@code (N, trailingShape...)} with N
 * the number of rows written. Rows go straight to a spool file (and into a running CRC-32), so the array
 * may be far larger than memory; {@link #close()} turns the spool into the npz entry and deletes it.
 *
 * <p>Each {@code writeRow} takes exactly one row: {@code product(trailingShape)} values of the array's
 * dtype (one value for a 1-D array).
 */
public final class ArraySink implements AutoCloseable {

    private final NpzWriter owner;
    private final String name;
    private final DType dtype;
    private final long[] trailingShape;
    private final int rowElements;
    private final int rowBytes;
    private final Path spool;
    private final OutputStream spoolOut;
    private final CRC32 crc = new CRC32();
    /** Reused to encode one row of multi-byte values. */
    private final ByteBuffer rowBuffer;
    private long rows;
    private boolean closed;

    ArraySink(NpzWriter owner, String name, DType dtype, long[] trailingShape, Path spool) throws IOException {
        long elements = NpyHeader.elementCount(trailingShape);
        if (elements * dtype.itemSize() > NpyFile.MAX_IN_MEMORY) {
            throw new IllegalArgumentException("a row of " + Arrays.toString(trailingShape) + " " + dtype
                    + " is too large");
        }
        this.owner = owner;
        this.name = name;
        this.dtype = dtype;
        this.trailingShape = trailingShape.clone();
        this.rowElements = (int) elements;
        this.rowBytes = (int) (elements * dtype.itemSize());
        this.spool = spool;
        org.regulens.io.TempFiles.register(spool);
        this.spoolOut = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 20);
        this.rowBuffer = ByteBuffer.allocate(dtype.itemSize() == 1 ? 0 : rowBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** A row of uint8, int8 or bool (0/1) values. */
    public void writeRow(byte[] values) {
        require(dtype.itemSize() == 1, "byte", values.length);
        emit(values);
    }

    public void writeRow(boolean[] values) {
        require(dtype.isBool(), "boolean", values.length);
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        emit(bytes);
    }

    public void writeRow(short[] values) {
        require(dtype.equals(DType.INT16), "short", values.length);
        rowBuffer.clear();
        rowBuffer.asShortBuffer().put(values);
        emit(rowBuffer.array());
    }

    public void writeRow(int[] values) {
        require(dtype.equals(DType.INT32), "int", values.length);
        rowBuffer.clear();
        rowBuffer.asIntBuffer().put(values);
        emit(rowBuffer.array());
    }

    public void writeRow(long[] values) {
        require(dtype.equals(DType.INT64), "long", values.length);
        rowBuffer.clear();
        rowBuffer.asLongBuffer().put(values);
        emit(rowBuffer.array());
    }

    public void writeRow(float[] values) {
        require(dtype.equals(DType.FLOAT32), "float", values.length);
        rowBuffer.clear();
        rowBuffer.asFloatBuffer().put(values);
        emit(rowBuffer.array());
    }

    public void writeRow(double[] values) {
        require(dtype.equals(DType.FLOAT64), "double", values.length);
        rowBuffer.clear();
        rowBuffer.asDoubleBuffer().put(values);
        emit(rowBuffer.array());
    }

    /** A row of strings, each at most the dtype's width in code points. */
    public void writeRow(String... values) {
        require(dtype.isUnicode(), "String", values.length);
        emit(NpyArray.ofStrings(values, dtype.stringLength()).data());
    }

    /** One row as little-endian bytes of the array's dtype: exactly {@code rowBytes} of them. */
    public void writeRawRow(byte[] littleEndian) {
        if (littleEndian.length != rowBytes) {
            throw new IllegalArgumentException(name + ": a row is " + rowBytes + " bytes, got " + littleEndian.length);
        }
        emit(littleEndian);
    }

    /** All rows of a block shaped {@code (k, trailingShape...)} of the same dtype. */
    public void writeRows(NpyArray block) {
        long[] shape = block.shape();
        if (!block.dtype().equals(dtype) || shape.length == 0
                || !Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), trailingShape)) {
            throw new IllegalArgumentException(name + ": expected rows of " + dtype + Arrays.toString(trailingShape)
                    + ", got " + block);
        }
        writeBytes(block.data(), shape[0]);
    }

    private void require(boolean typeMatches, String javaType, int count) {
        if (!typeMatches) {
            throw new IllegalArgumentException(name + ": " + javaType + " values do not fit dtype " + dtype);
        }
        if (count != rowElements) {
            throw new IllegalArgumentException(name + ": a row has " + rowElements + " values, got " + count);
        }
    }

    private void emit(byte[] row) {
        writeBytes(row, 1);
    }

    private void writeBytes(byte[] bytes, long rowCount) {
        if (closed) {
            throw new IllegalStateException("array '" + name + "' is already closed");
        }
        int length = (int) (rowCount * rowBytes);
        try {
            spoolOut.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + spool + ": " + e.getMessage(), e);
        }
        crc.update(bytes, 0, length);
        rows += rowCount;
    }

    /** Ends the array: writes it into the npz with its final row count and deletes the spool file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            spoolOut.close();
            long[] shape = new long[trailingShape.length + 1];
            shape[0] = rows;
            System.arraycopy(trailingShape, 0, shape, 1, trailingShape.length);
            byte[] header = NpyHeader.of(dtype, shape).encode();
            owner.appendSpooled(this, header, rows * rowBytes, crc.getValue(), spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + spool + ": " + e.getMessage(), e);
        } finally {
            owner.forget(this);
            deleteSpool();
        }
    }

    /** Drops the rows without writing an entry (the writer is being abandoned). */
    void discard() {
        closed = true;
        owner.forget(this);
        try {
            spoolOut.close();
        } catch (IOException ignored) {
            // deleted next
        }
        deleteSpool();
    }

    private void deleteSpool() {
        try {
            Files.deleteIfExists(spool);
            org.regulens.io.TempFiles.release(spool);
        } catch (IOException ignored) {
            // a hidden *.part file is all that can remain
        }
    }
}
