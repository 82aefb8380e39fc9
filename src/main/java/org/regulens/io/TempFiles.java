package org.regulens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files and folders that must not outlive the process: partial outputs, spool files and staging
 * folders. A shutdown hook deletes whatever is still registered, so that a run stopped by SIGTERM or Ctrl-C (a killed pipeline task, a cancelled
 * Galaxy job) leaves no half-written file behind.
 */
public final class TempFiles {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::stop, "regulens-temp-cleanup"));
    }

    private TempFiles() {
    }

    /** Set when the shutdown hook starts; a file registered after that is one the hook may already have missed. */
    private static volatile boolean stopping;

    /**
     * Registers a temporary file for deletion at exit. Once the process is stopping (a writer that started after
     * SIGTERM, e.g. a checkpoint), the file is deleted at once and the writer stopped with an exception.
     */
    public static void register(Path file) {
        LIVE.add(file);
        if (stopping) {
            try {
                deleteRecursively(file);
            } catch (IOException ignored) {
                // best effort at exit
            }
            throw new UncheckedIOException(new IOException("the process is stopping: " + file + " not written"));
        }
    }

    /** The file was renamed into place or deleted: nothing left to clean up. */
    public static void release(Path file) {
        LIVE.remove(file);
    }

    /** The shutdown hook: from now on no new temporary may appear, and those registered are deleted. */
    private static void stop() {
        stopping = true;
        deleteAll();
    }

    static void deleteAll() {
        for (Path file : LIVE) {
            try {
                deleteRecursively(file);
            } catch (IOException ignored) {
                // best effort at exit
            }
        }
    }

    /** Deletes a file, or a folder with everything in it; returns how many files (not folders) went. */
    static int deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int files = 0;
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                boolean file = !Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (Files.deleteIfExists(path) && file) {
                    files++;
                }
            }
        }
        return files;
    }
}
