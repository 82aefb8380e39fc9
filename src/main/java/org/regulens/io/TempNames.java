package org.regulens.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.regulens.core.Log;

/**
 * Names of the hidden temporary files and folders written beside an output ({@code .NAME.regulens-PID-RANDOM@HOST
 * [.EXTRA].part}), and the sweep that removes those a killed run left behind. The name records which process on
 * which host owns the file, so that the next run writing the same output deletes only what belonged to a process
 * that is gone: on this host, one whose process id no longer runs; from another host (a shared file system), one
 * untouched for a day. Nothing else in the folder is ever touched.
 */
public final class TempNames {

    private static final String HOST = host();
    private static final long PID = ProcessHandle.current().pid();
    private static final Duration FOREIGN_AGE = Duration.ofDays(1);

    private TempNames() {
    }

    /** A fresh name {@code .NAME.regulens-PID-RANDOM@HOST} + suffix beside {@code target} (suffix ends in .part). */
    public static Path beside(Path target, String suffix) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "." + token() + suffix);
    }

    /** A fresh name for a staging folder inside {@code folder}. */
    public static Path staging(Path folder) {
        return folder.resolve(".staging." + token() + ".part");
    }

    private static String token() {
        return "regulens-" + PID + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "@" + HOST;
    }

    /** Removes the stale temporaries of {@code target} (files beside it) and returns how many were removed. */
    public static int sweep(Path target) {
        Path absolute = target.toAbsolutePath();
        return sweep(absolute.getParent(), absolute.getFileName().toString());
    }

    /** Removes the stale staging folders of an output folder. */
    public static int sweepStaging(Path folder) {
        return sweep(folder.toAbsolutePath(), "staging");
    }

    private static int sweep(Path folder, String name) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile("\\." + java.util.regex.Pattern.quote(name)
                + "\\.regulens-(\\d+)-[0-9a-z]+@([A-Za-z0-9-]*)(\\..*)?\\.part");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                Matcher m = ours.matcher(entry.getFileName().toString());
                if (m.matches() && isStale(entry, Long.parseLong(m.group(1)), m.group(2))) {
                    removed += Math.max(1, TempFiles.deleteRecursively(entry));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a sweep is housekeeping: it must never stop the run that does it
            return removed;
        }
        if (removed > 0) {
            Log.info("removed %d temporary file(s) of %s left by a run that was killed", removed,
                    folder.resolve(name));
        }
        return removed;
    }

    private static boolean isStale(Path entry, long pid, String host) throws IOException {
        if (host.equals(HOST)) {
            return pid != PID && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        Instant modified = Files.getLastModifiedTime(entry).toInstant();
        return modified.isBefore(Instant.now().minus(FOREIGN_AGE));
    }

    /** The host name as a file-name-safe word (no DNS look-up: that can hang on a cluster node). */
    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                name = "localhost";
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9-]", "-");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }
}
