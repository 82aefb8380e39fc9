package org.regulens.io.npz;

import java.util.List;
import java.util.Objects;

/**
 * The NumPy element types regulens stores: bool, 8- to 64-bit signed integers, uint8, float32/64 and
 * fixed-width unicode. Values are always held little-endian in memory and on write; {@link NpyHeader}
 * accepts big-endian data on read and converts it.
 *
 * <p>A class rather than an enum because unicode carries its width: {@code DType.unicode(12)} is {@code <U12}.
 */
public final class DType {

    public static final DType BOOL = new DType('b', 1, 1);
    public static final DType UINT8 = new DType('u', 1, 1);
    public static final DType INT8 = new DType('i', 1, 1);
    public static final DType INT16 = new DType('i', 2, 2);
    public static final DType INT32 = new DType('i', 4, 4);
    public static final DType INT64 = new DType('i', 8, 8);
    public static final DType FLOAT32 = new DType('f', 4, 4);
    public static final DType FLOAT64 = new DType('f', 8, 8);

    private static final List<DType> FIXED = List.of(BOOL, UINT8, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64);

    /** NumPy kind character: b, u, i, f or U. */
    private final char kind;
    /** Bytes per element. */
    private final int itemSize;
    /** Bytes per number that a byte-order change swaps (4 for each UTF-32 code unit). */
    private final int wordSize;

    private DType(char kind, int itemSize, int wordSize) {
        this.kind = kind;
        this.itemSize = itemSize;
        this.wordSize = wordSize;
    }

    /** Fixed-width unicode of {@code length} code points, stored as zero-padded UTF-32LE ({@code <U length}). */
    public static DType unicode(int length) {
        if (length < 0 || length > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("bad unicode width " + length);
        }
        return new DType('U', 4 * length, 4);
    }

    /**
     * The type for a NumPy type code without its byte-order mark ({@code "f4"}, {@code "U7"}, {@code "b1"}),
     * or null when regulens does not support it.
     */
    static DType fromCode(String code) {
        if (code.startsWith("U")) {
            try {
                return unicode(Integer.parseInt(code.substring(1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        for (DType type : FIXED) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        return null;
    }

    /** The type code without byte order, e.g. {@code f4}, {@code U7}. */
    public String code() {
        return isUnicode() ? "U" + stringLength() : kind + Integer.toString(itemSize);
    }

    /** The descr NumPy writes in .npy headers: {@code |u1}, {@code <f4}, {@code <U7}. */
    public String descr() {
        return (itemSize == 1 ? "|" : "<") + code();
    }

    public int itemSize() {
        return itemSize;
    }

    int wordSize() {
        return wordSize;
    }

    public boolean isBool() {
        return kind == 'b';
    }

    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    /** Bool, integer or float: everything that converts to numbers. */
    public boolean isNumeric() {
        return kind != 'U';
    }

    public boolean isUnicode() {
        return kind == 'U';
    }

    /** Width in code points of a unicode type; 0 for others. */
    public int stringLength() {
        return isUnicode() ? itemSize / 4 : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DType that && kind == that.kind && itemSize == that.itemSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, itemSize);
    }

    @Override
    public String toString() {
        return descr();
    }
}
