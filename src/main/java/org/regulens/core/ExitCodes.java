package org.regulens.core;

/**
 * The exit status of every {@code regulens} command. They live here, not in the CLI's root command, so that
 * subcommands return them without depending on the class that lists every subcommand.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A data or runtime error, printed as one line naming the file and record. */
    public static final int DATA_ERROR = 1;
    /** A usage error: an unknown or missing option, subcommand or value. */
    public static final int USAGE = 2;
    /** Stopped by SIGTERM or SIGINT (128 + 15, as a shell reports it). */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
