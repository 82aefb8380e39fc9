package org.regulens.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.regulens.core.RegulensException;

/**
 * Opens input files, plain or gzip/bgzip-compressed (recognised by their magic bytes, not their name, because
 * Galaxy hands tools files named "dataset_42.dat").
 */
public final class TextInput {

    private TextInput() {
    }

    /** A byte stream of the file's content, decompressed when it is gzip or bgzip. */
    public static InputStream open(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw RegulensException.inFile(file, "is a directory, expected a file");
            }
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                // GZIPInputStream reads concatenated members, so bgzip's blocks come out as one stream.
                return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw RegulensException.inFile(file, "no such file");
        } catch (IOException e) {
            throw RegulensException.inFile(file, "cannot read: " + e.getMessage());
        }
    }

    public static BufferedReader reader(Path file) {
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** True when the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (NoSuchFileException e) {
            throw RegulensException.inFile(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without directories and without extensions such as .narrowPeak.gz or .bed. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
