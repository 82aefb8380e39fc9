package org.regulens.io.npz;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads the arrays of an .npz file written by {@code numpy.savez}, {@code numpy.savez_compressed} or
 * {@link NpzWriter}. Whole arrays come back as {@link NpyArray}; blocks of rows of large arrays can be read
 * without loading the rest: stored (uncompressed) entries by seeking straight to the rows, compressed ones
 * by inflating up to them. Safe to share between threads.
 *
 * <pre>
 * try (NpzFile npz = NpzFile.open(path)) {
 *     NpyArray block = npz.readRows("x", 1000, 256);   // rows 1000..1255 of x
 * }
 * </pre>
 */
public final class NpzFile implements AutoCloseable {

    private static final String SUFFIX = ".npy";

    private final Path path;
    private final FileChannel channel;
    /** Array name (entry name without ".npy") to its zip entry, in archive order. */
    private final Map<String, ZipDirectory.Entry> entries;
    private final Map<String, NpyHeader> headers = new ConcurrentHashMap<>();

    private NpzFile(Path path, FileChannel channel, Map<String, ZipDirectory.Entry> entries) {
        this.path = path;
        this.channel = channel;
        this.entries = entries;
    }

    public static NpzFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw NpzErrors.at(path, null, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
        try {
            Map<String, ZipDirectory.Entry> entries = new LinkedHashMap<>();
            for (ZipDirectory.Entry entry : ZipDirectory.read(channel, path)) {
                if (entry.name().endsWith(SUFFIX)) {
                    String name = entry.name().substring(0, entry.name().length() - SUFFIX.length());
                    entries.putIfAbsent(name, entry);
                }
            }
            return new NpzFile(path, channel, entries);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), (IOException) e);
        }
    }

    public Path path() {
        return path;
    }

    /** The array names, without ".npy", in archive order; entries not ending in ".npy" are ignored. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Whether the array is stored uncompressed, so that {@link #readRows} seeks instead of inflating. */
    public boolean isStored(String name) {
        return entry(name).method() == ZipDirectory.STORED;
    }

    /** The dtype and shape of an array, read without its data. */
    public NpyHeader header(String name) {
        ZipDirectory.Entry entry = entry(name);
        return headers.computeIfAbsent(name, key -> {
            try (InputStream in = open(entry)) {
                return NpyHeader.read(in, path, entry.name());
            } catch (IOException e) {
                throw readError(entry, e);
            }
        });
    }

    /** The whole array, checked against the entry's CRC-32. */
    public NpyArray read(String name) {
        ZipDirectory.Entry entry = entry(name);
        try (CheckedInputStream in = new CheckedInputStream(open(entry), new CRC32())) {
            NpyArray array = NpyFile.readArray(in, path, entry.name(), entry.size());
            in.transferTo(OutputStream.nullOutputStream()); // trailing bytes, if any, count towards the CRC
            if (in.getChecksum().getValue() != entry.crc()) {
                throw NpzErrors.at(path, entry.name(), "CRC-32 mismatch: the data is damaged");
            }
            return array;
        } catch (IOException e) {
            throw readError(entry, e);
        }
    }

    /**
     * Rows {@code firstRow .. firstRow+count-1} along the first axis, as an array of shape
     * {@code (count, ...)}. Not CRC-checked: only part of the entry is read.
     */
    public NpyArray readRows(String name, long firstRow, int count) {
        ZipDirectory.Entry entry = entry(name);
        NpyHeader header = header(name);
        if (header.rank() == 0) {
            throw NpzErrors.at(path, entry.name(), "a scalar array has no rows");
        }
        long rows = header.shape()[0];
        if (firstRow < 0 || count < 0 || firstRow > rows - count) {
            throw NpzErrors.at(path, entry.name(), "rows " + firstRow + ".." + (firstRow + count - 1)
                    + " requested, but the array has " + rows + " rows");
        }
        long[] blockShape = header.shape();
        blockShape[0] = count;
        if (header.fortranOrder() && header.rank() > 1) {
            return sliceOf(read(name), firstRow, blockShape); // column-major rows are not contiguous
        }
        long rowBytes = header.rowBytes();
        if (rowBytes * count > NpyFile.MAX_IN_MEMORY) {
            throw NpzErrors.at(path, entry.name(), count + " rows of " + rowBytes + " bytes do not fit in memory");
        }
        byte[] data = new byte[(int) (rowBytes * count)];
        long skip = header.length() + firstRow * rowBytes;
        if (skip + data.length > entry.size()) {
            // without this, a short stored entry would hand out the bytes of whatever follows it
            throw NpzErrors.at(path, entry.name(), "truncated: the entry ends before its data does");
        }
        try {
            if (entry.method() == ZipDirectory.STORED) {
                readFully(entry.dataOffset() + skip, data);
            } else {
                try (InputStream in = open(entry)) {
                    skipFully(in, skip);
                    if (in.readNBytes(data, 0, data.length) < data.length) {
                        throw new EOFException();
                    }
                }
            }
        } catch (IOException e) {
            throw readError(entry, e);
        }
        return NpyArray.wrap(header.dtype(), blockShape, NpyData.toLittleEndianC(data, header.withShape(blockShape)),
                path, entry.name());
    }

    /** Inflates and discards {@code count} bytes, in large chunks (InflaterInputStream.skip uses 512 bytes). */
    private static void skipFully(InputStream in, long count) throws IOException {
        byte[] scratch = new byte[(int) Math.min(count, 1 << 20)];
        for (long left = count; left > 0; ) {
            int got = in.read(scratch, 0, (int) Math.min(left, scratch.length));
            if (got < 0) {
                throw new EOFException();
            }
            left -= got;
        }
    }

    private static NpyArray sliceOf(NpyArray whole, long firstRow, long[] blockShape) {
        long rowBytes = whole.header().rowBytes();
        byte[] all = whole.rawBytes();
        byte[] block = Arrays.copyOfRange(all, (int) (firstRow * rowBytes), (int) ((firstRow + blockShape[0]) * rowBytes));
        return NpyArray.ofRaw(whole.dtype(), block, blockShape);
    }

    private void readFully(long position, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
    }

    /** The entry's uncompressed bytes from the start of its .npy magic. */
    private InputStream open(ZipDirectory.Entry entry) {
        if (entry.encrypted()) {
            throw NpzErrors.at(path, entry.name(), "encrypted zip entries are not supported");
        }
        if (entry.method() == ZipDirectory.STORED) {
            return new ChannelInputStream(channel, entry.dataOffset(), entry.compressedSize(), false);
        }
        if (entry.method() != ZipDirectory.DEFLATED) {
            throw NpzErrors.at(path, entry.name(), "unsupported zip compression method " + entry.method()
                    + " (numpy writes stored or deflated entries)");
        }
        Inflater inflater = new Inflater(true);
        InputStream compressed = new ChannelInputStream(channel, entry.dataOffset(), entry.compressedSize(), true);
        return new InflaterInputStream(compressed, inflater, 1 << 16) {
            @Override
            public void close() throws IOException {
                super.close();
                inflater.end(); // a caller-supplied Inflater is not released by InflaterInputStream itself
            }
        };
    }

    private ZipDirectory.Entry entry(String name) {
        ZipDirectory.Entry entry = entries.get(name);
        if (entry == null) {
            List<String> names = names();
            String listed = names.isEmpty() ? "it has no arrays"
                    : "it has: " + String.join(", ", names.subList(0, Math.min(names.size(), 20)))
                    + (names.size() > 20 ? ", ..." : "");
            throw NpzErrors.at(path, null, "no array '" + name + "'; " + listed);
        }
        return entry;
    }

    private RuntimeException readError(ZipDirectory.Entry entry, IOException e) {
        if (e instanceof EOFException) {
            return NpzErrors.at(path, entry.name(), "truncated: the entry ends before its data does");
        }
        if (e instanceof ZipException) {
            return NpzErrors.at(path, entry.name(), "damaged compressed data: " + e.getMessage());
        }
        return new UncheckedIOException("cannot read " + path + ": " + entry.name() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing is lost
        }
    }
}
