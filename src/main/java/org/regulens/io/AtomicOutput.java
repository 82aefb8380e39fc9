package org.regulens.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a file so that readers never see half of it: everything goes to a hidden temporary file beside the
 * target, which is renamed over the target by {@link #commit()}. Closing without committing deletes the
 * temporary file, so a failed run leaves no output behind; one that a SIGKILL left is swept by the next run
 * writing the same output ({@link TempNames}).
 *
 * <pre>
 * try (AtomicOutput out = AtomicOutput.create(path)) {
 *     write(out.stream());
 *     out.commit();
 * }
 * </pre>
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private OutputStream stream;
    private boolean committed;

    private AtomicOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    public static AtomicOutput create(Path target) {
        try {
            Path absolute = target.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            TempNames.sweep(absolute);
            // Created like any new file (honouring the umask), unlike createTempFile's owner-only mode, which the
            // rename would carry over to the output.
            while (true) {
                Path temp = TempNames.beside(absolute, ".part");
                try {
                    Files.newOutputStream(temp, java.nio.file.StandardOpenOption.CREATE_NEW).close();
                    TempFiles.register(temp);
                    return new AtomicOutput(absolute, temp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another writer picked the same name; draw again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output " + target + ": " + reason(e), e);
        }
    }

    public Path target() {
        return target;
    }

    /** The temporary file, for writers that need a path (e.g. random access); renamed on commit. */
    public Path temp() {
        return temp;
    }

    /** A buffered stream into the temporary file; gzip-compressed when the target name ends in ".gz". */
    public OutputStream stream() {
        if (stream == null) {
            try {
                OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                stream = target.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stream;
    }

    /** A UTF-8 writer over {@link #stream()}. */
    public Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(stream(), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Flushes and closes the stream, then renames the temporary file onto the target. */
    public void commit() {
        try {
            if (stream != null) {
                stream.close();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            TempFiles.release(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException ignored) {
            // the temporary file is deleted below anyway
        }
        try {
            Files.deleteIfExists(temp);
            TempFiles.release(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the name starts with a dot and ends in .part
        }
    }

    /** Why an I/O operation failed, in words (Java's exceptions often carry only the path). */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /** Writes a whole text file atomically. */
    public static void writeString(Path target, String text) {
        try (AtomicOutput out = create(target)) {
            try (Writer writer = out.writer()) {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
            }
            out.commit();
        }
    }
}
