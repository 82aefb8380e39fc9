package org.regulens.io.npz;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.regulens.io.AtomicOutput;

/** Single-array .npy files, as {@code numpy.save} writes them. */
public final class NpyFile {

    /** In-memory arrays are Java byte arrays; larger ones must be read in blocks from an npz. */
    static final int MAX_IN_MEMORY = Integer.MAX_VALUE - 16;

    private NpyFile() {
    }

    public static NpyArray read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return readArray(in, file, null, Files.size(file));
        } catch (NoSuchFileException e) {
            throw NpzErrors.at(file, null, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The dtype and shape, without reading the data. */
    public static NpyHeader header(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 12)) {
            return NpyHeader.read(in, file, null);
        } catch (NoSuchFileException e) {
            throw NpzErrors.at(file, null, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes atomically: the file appears complete or not at all. */
    public static void write(Path file, NpyArray array) {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            try (OutputStream stream = Files.newOutputStream(out.temp())) {
                stream.write(array.header().encode());
                Channels.newChannel(stream).write(array.rawView());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            out.commit();
        }
    }

    /**
     * Reads one .npy array from a stream positioned at its magic and returns it little-endian in C order.
     * {@code record} names the npz entry in errors, or is null for a .npy file. {@code totalBytes}, the
     * length of the whole .npy (header and data), lets a short file fail before its data is allocated.
     */
    static NpyArray readArray(InputStream in, Path file, String record, long totalBytes) throws IOException {
        NpyHeader header = NpyHeader.read(in, file, record);
        long bytes = header.dataBytes();
        long present = Math.max(0, totalBytes - header.length());
        if (bytes > present) {
            throw NpzErrors.at(file, record, "truncated: shape " + Arrays.toString(header.shape())
                    + " of " + header.dtype() + " needs " + bytes + " data bytes, found " + present);
        }
        if (bytes > MAX_IN_MEMORY) {
            throw NpzErrors.at(file, record, "array of " + bytes + " bytes is too large to load at once"
                    + (record == null ? "" : "; read it in blocks of rows"));
        }
        byte[] data = new byte[(int) bytes];
        int read = in.readNBytes(data, 0, data.length); // straight into the array: no chunk copies
        if (read < bytes) {
            throw NpzErrors.at(file, record, "truncated: shape " + Arrays.toString(header.shape())
                    + " of " + header.dtype() + " needs " + bytes + " data bytes, found " + read);
        }
        return NpyArray.wrap(header.dtype(), header.shape(), NpyData.toLittleEndianC(data, header), file, record);
    }
}
