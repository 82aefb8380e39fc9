package org.regulens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Fills an output folder without leaving half a result in it: files are written into a hidden staging folder
 * inside the target and moved into place by {@link #commit()}; closing without committing removes the staging
 * folder. Files already in the target that the run does not write are left alone.
 */
public final class OutputDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static OutputDirectory create(Path target) {
        try {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new org.regulens.core.RegulensException(target + ": exists and is not a directory");
            }
            Files.createDirectories(target);
            TempNames.sweepStaging(target);
            Path staging = TempNames.staging(target);
            Files.createDirectory(staging);
            TempFiles.register(staging);
            return new OutputDirectory(target, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + target + ": " + AtomicOutput.reason(e), e);
        }
    }

    /** Where to write a file that will be called {@code name} in the target folder. */
    public Path resolve(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    public void commit() {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(file.getFileName().toString());
                try {
                    Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(staging);
            TempFiles.release(staging);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move results into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                TempFiles.deleteRecursively(staging);
            } catch (IOException ignored) {
                // best effort: the staging folder's name marks it as ours, and the next run sweeps it
            }
            TempFiles.release(staging);
        }
    }
}
