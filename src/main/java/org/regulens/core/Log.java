package org.regulens.core;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Messages for the user on standard error (standard output stays free for data). One line each, prefixed with
 * the time, so that Nextflow's .command.err and Galaxy's stderr read as a log.
 */
public final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static volatile PrintStream out = System.err;
    private static volatile boolean quiet;

    private Log() {
    }

    public static void setQuiet(boolean value) {
        quiet = value;
    }

    public static boolean isQuiet() {
        return quiet;
    }

    /** Redirects messages (tests capture them). */
    public static void setStream(PrintStream stream) {
        out = stream;
    }

    public static PrintStream stream() {
        return out;
    }

    public static void info(String format, Object... args) {
        if (!quiet) {
            out.println("[" + LocalTime.now().format(TIME) + "] " + String.format(format, args));
        }
    }

    public static void warn(String format, Object... args) {
        out.println("[" + LocalTime.now().format(TIME) + "] WARNING: " + String.format(format, args));
    }
}
