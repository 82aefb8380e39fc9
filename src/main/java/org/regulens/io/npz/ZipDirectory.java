package org.regulens.io.npz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.regulens.core.RegulensException;

/**
 * The central directory of a zip file, parsed by hand because java.util.zip.ZipFile does not say where an
 * entry's data starts, and random access into stored arrays needs exactly that. Handles ZIP64 (entries and
 * archives over 4 GiB, written by both Java and Python when needed).
 */
final class ZipDirectory {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_END_RECORD = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int END_RECORD_SIZE = 22;
    private static final long MAX_DIRECTORY = 1L << 28;

    /** One entry of the central directory; {@code dataOffset} is resolved from its local header. */
    record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long dataOffset) {

        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    private ZipDirectory() {
    }

    static List<Entry> read(FileChannel channel, Path file) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 4 || !startsLikeZip(channel)) {
            throw RegulensException.inFile(file, "not an npz (zip) file");
        }
        long endPosition = findEndRecord(channel, fileSize);
        if (endPosition < 0) {
            throw RegulensException.inFile(file, "truncated or damaged npz: the zip central directory is missing");
        }
        ByteBuffer end = readAt(channel, endPosition, END_RECORD_SIZE, file);
        long count = Short.toUnsignedInt(end.getShort(10));
        long directorySize = Integer.toUnsignedLong(end.getInt(12));
        long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
        if (endPosition >= 20) {
            ByteBuffer locator = readAt(channel, endPosition - 20, 20, file);
            if (locator.getInt(0) == ZIP64_LOCATOR) {
                ByteBuffer zip64End = readAt(channel, locator.getLong(8), 56, file);
                if (zip64End.getInt(0) != ZIP64_END_RECORD) {
                    throw RegulensException.inFile(file, "damaged npz: bad ZIP64 end record");
                }
                count = zip64End.getLong(32);
                directorySize = zip64End.getLong(40);
                directoryOffset = zip64End.getLong(48);
            }
        }
        if (directorySize > MAX_DIRECTORY || directoryOffset < 0 || directoryOffset + directorySize > fileSize) {
            throw RegulensException.inFile(file, "truncated or damaged npz: the zip central directory is out of place");
        }
        ByteBuffer directory = readAt(channel, directoryOffset, (int) directorySize, file);
        List<Entry> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            entries.add(centralEntry(channel, directory, file, fileSize));
        }
        return entries;
    }

    private static boolean startsLikeZip(FileChannel channel) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(start, 0);
        int signature = start.getInt(0);
        return signature == LOCAL_HEADER || signature == END_RECORD;
    }

    /** The end record sits in the last 22 bytes plus up to 64 KiB of archive comment. */
    private static long findEndRecord(FileChannel channel, long fileSize) throws IOException {
        int tailLength = (int) Math.min(fileSize, END_RECORD_SIZE + 0xFFFF);
        long tailStart = fileSize - tailLength;
        ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
        while (tail.hasRemaining() && channel.read(tail, tailStart + tail.position()) > 0) {
            // positional reads may return short counts
        }
        for (int at = tailLength - END_RECORD_SIZE; at >= 0; at--) {
            if (tail.getInt(at) == END_RECORD
                    && at + END_RECORD_SIZE + Short.toUnsignedInt(tail.getShort(at + 20)) == tailLength) {
                return tailStart + at;
            }
        }
        return -1;
    }

    /** Parses the central entry at the buffer's position and advances past it. */
    private static Entry centralEntry(FileChannel channel, ByteBuffer directory, Path file, long fileSize)
            throws IOException {
        int at = directory.position();
        if (directory.remaining() < 46 || directory.getInt(at) != CENTRAL_HEADER) {
            throw RegulensException.inFile(file, "damaged npz: bad zip central directory entry");
        }
        int flags = Short.toUnsignedInt(directory.getShort(at + 8));
        int method = Short.toUnsignedInt(directory.getShort(at + 10));
        long crc = Integer.toUnsignedLong(directory.getInt(at + 16));
        long compressedSize = Integer.toUnsignedLong(directory.getInt(at + 20));
        long size = Integer.toUnsignedLong(directory.getInt(at + 24));
        int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
        int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
        int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
        long localOffset = Integer.toUnsignedLong(directory.getInt(at + 42));
        if (directory.remaining() < 46 + nameLength + extraLength + commentLength) {
            throw RegulensException.inFile(file, "damaged npz: bad zip central directory entry");
        }
        byte[] nameBytes = new byte[nameLength];
        directory.position(at + 46);
        directory.get(nameBytes);
        String name = new String(nameBytes, StandardCharsets.UTF_8);

        // ZIP64 extra: 8-byte values for exactly those fields that hold 0xFFFFFFFF, in this order.
        int extraEnd = at + 46 + nameLength + extraLength;
        for (int field = at + 46 + nameLength; field + 4 <= extraEnd; ) {
            int id = Short.toUnsignedInt(directory.getShort(field));
            int length = Short.toUnsignedInt(directory.getShort(field + 2));
            if (id == ZIP64_EXTRA) {
                int value = field + 4;
                int valueEnd = Math.min(field + 4 + length, extraEnd);
                if (size == 0xFFFFFFFFL && value + 8 <= valueEnd) {
                    size = directory.getLong(value);
                    value += 8;
                }
                if (compressedSize == 0xFFFFFFFFL && value + 8 <= valueEnd) {
                    compressedSize = directory.getLong(value);
                    value += 8;
                }
                if (localOffset == 0xFFFFFFFFL && value + 8 <= valueEnd) {
                    localOffset = directory.getLong(value);
                }
            }
            field += 4 + length;
        }
        directory.position(extraEnd + commentLength);

        if (localOffset < 0 || localOffset + 30 > fileSize) {
            throw RegulensException.atRecord(file, name, "truncated npz: entry starts beyond the end of the file");
        }
        ByteBuffer local = readAt(channel, localOffset, 30, file);
        if (local.getInt(0) != LOCAL_HEADER) {
            throw RegulensException.atRecord(file, name, "damaged npz: bad zip local header");
        }
        long dataOffset = localOffset + 30 + Short.toUnsignedInt(local.getShort(26))
                + Short.toUnsignedInt(local.getShort(28));
        if (compressedSize < 0 || dataOffset + compressedSize > fileSize) {
            throw RegulensException.atRecord(file, name, "truncated npz: entry data runs past the end of the file");
        }
        return new Entry(name, method, flags, crc, compressedSize, size, dataOffset);
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (position < 0 || channel.read(buffer, position + buffer.position()) < 0) {
                throw RegulensException.inFile(file, "truncated or damaged npz: zip structures end early");
            }
        }
        return buffer.flip();
    }
}
