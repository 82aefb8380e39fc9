package org.regulens.io.npz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.regulens.io.AtomicOutput;

/**
 * Writes an .npz file that {@code numpy.load(path, allow_pickle=False)} reads: a zip with one
 * {@code NAME.npy} entry per array. Entries are stored uncompressed by default, like {@code numpy.savez},
 * so that {@link NpzFile#readRows} can seek into them; {@link Compression#DEFLATED} matches
 * {@code numpy.savez_compressed}. Zip64 is used automatically when an entry or the file passes 4 GiB.
 *
 * <p>The file appears only on {@link #commit()}; closing without committing (an exception on the way)
 * deletes everything written so far, spool files included. Arrays too big for memory are streamed row by
 * row through {@link #beginArray}; several may be open at once (e.g. x and y of the same records).
 * Not thread-safe.
 *
 * <pre>
 * try (NpzWriter npz = NpzWriter.create(path)) {
 *     ArraySink x = npz.beginArray("x", DType.UINT8, 4, length);   // shape (N, 4, length), N counted
 *     for (byte[] oneHot : records) x.writeRow(oneHot);
 *     npz.write("names", NpyArray.ofStrings(names));
 *     npz.commit();                                               // finishes x, then renames into place
 * }
 * </pre>
 */
public final class NpzWriter implements AutoCloseable {

    /** How entries are stored in the zip. */
    public enum Compression {
        /** Uncompressed, as numpy.savez: rows can be read with random access. */
        STORED,
        /** Deflate, as numpy.savez_compressed: smaller, read sequentially. */
        DEFLATED
    }

    /** A fixed entry time makes identical arrays give identical files; clear of DOS-epoch underflow. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private final AtomicOutput out;
    private final ZipOutputStream zip;
    private final Compression compression;
    private final Set<String> names = new HashSet<>();
    private final List<ArraySink> openSinks = new ArrayList<>();
    private boolean done;
    /** Set while an entry is being written: if that throws, the zip stream is unusable. */
    private boolean broken;

    private NpzWriter(AtomicOutput out, Compression compression) {
        this.out = out;
        this.compression = compression;
        this.zip = new ZipOutputStream(out.stream());
    }

    public static NpzWriter create(Path path) {
        return create(path, Compression.STORED);
    }

    public static NpzWriter create(Path path, Compression compression) {
        return new NpzWriter(AtomicOutput.create(path), compression);
    }

    public Path path() {
        return out.target();
    }

    /** Adds a whole in-memory array as entry {@code name + ".npy"}. */
    public void write(String name, NpyArray array) {
        reserve(name);
        byte[] header = array.header().encode();
        CRC32 crc = new CRC32();
        crc.update(header);
        crc.update(array.data());
        writeEntry(name, header, array.data().length, crc.getValue(), zip -> zip.write(array.data()));
    }

    /**
     * Starts an array of shape {@code (N, trailingShape...)} whose row count N is known only when the sink
     * is closed. Rows are spooled to a temporary file beside the output, so memory stays bounded; the entry
     * is written when the sink is closed, or at {@link #commit()} for sinks still open.
     */
    public ArraySink beginArray(String name, DType dtype, long... trailingShape) {
        requireOpen();
        NpyHeader.of(dtype, trailingShape); // validates the dimensions
        reserve(name);
        Path target = out.target();
        String safeName = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Path spool = org.regulens.io.TempNames.beside(target, "." + safeName + ".spool.part");
            Files.newOutputStream(spool, java.nio.file.StandardOpenOption.CREATE_NEW).close();
            ArraySink sink = new ArraySink(this, name, dtype, trailingShape, spool);
            openSinks.add(sink);
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file beside " + target + ": " + e.getMessage(), e);
        }
    }

    /** Called by a closing sink: appends its spooled rows behind the header that now knows N. */
    void appendSpooled(ArraySink sink, byte[] header, long dataLength, long dataCrc, Path spool) {
        openSinks.remove(sink);
        requireOpen();
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header);
        long crc = Crc32Combine.combine(headerCrc.getValue(), dataCrc, dataLength);
        writeEntry(sink.name(), header, dataLength, crc, zip -> Files.copy(spool, zip));
    }

    void forget(ArraySink sink) {
        openSinks.remove(sink);
    }

    /** Finishes sinks still open (in the order they were begun), completes the zip and renames it into place. */
    public void commit() {
        requireOpen();
        for (ArraySink sink : new ArrayList<>(openSinks)) {
            sink.close();
        }
        try {
            zip.close(); // writes the central directory and closes the stream
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.target() + ": " + e.getMessage(), e);
        }
        out.commit();
        done = true;
    }

    /** Without a prior {@link #commit()}: deletes the partial output and all spool files. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        for (ArraySink sink : new ArrayList<>(openSinks)) {
            sink.discard();
        }
        try {
            zip.close(); // releases the deflater; the file is deleted below whatever it holds
        } catch (IOException ignored) {
            // the partial file is discarded anyway
        }
        out.close();
    }

    private void reserve(String name) {
        requireOpen();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("array name must not be empty");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("array '" + name + "' is already in " + out.target());
        }
    }

    private void requireOpen() {
        if (done) {
            throw new IllegalStateException(out.target() + " is already committed or closed");
        }
        if (broken) {
            throw new IllegalStateException("an earlier write to " + out.target() + " failed; it cannot be completed");
        }
    }

    private interface Body {
        void writeTo(OutputStream zip) throws IOException;
    }

    private void writeEntry(String name, byte[] header, long dataLength, long crc, Body body) {
        ZipEntry entry = new ZipEntry(name + ".npy");
        entry.setTimeLocal(ENTRY_TIME);
        if (compression == Compression.STORED) {
            // a stored entry's local header carries size and CRC, so both must be known before the data
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(header.length + dataLength);
            entry.setCompressedSize(header.length + dataLength);
            entry.setCrc(crc);
        } else {
            entry.setMethod(ZipEntry.DEFLATED);
        }
        broken = true;
        try {
            zip.putNextEntry(entry);
            zip.write(header);
            body.writeTo(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.target() + ": " + name + ".npy: " + e.getMessage(), e);
        }
        broken = false;
    }
}
