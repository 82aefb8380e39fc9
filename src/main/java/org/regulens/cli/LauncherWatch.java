package org.regulens.cli;

import org.regulens.core.ExitCodes;
import org.regulens.core.Log;

/**
 * Stops the JVM when the {@code bin/regulens} script that started it is gone. The script runs the JVM as a child
 * so that it can enforce a prompt stop on SIGTERM; a SIGKILL of the script alone (not of its process group) would
 * otherwise leave the JVM running with nobody waiting for it.
 */
final class LauncherWatch {

    private static final long PERIOD_MS = 2000;

    private LauncherWatch() {
    }

    /** Starts watching when REGULENS_LAUNCHER_PID names this process's parent. */
    static void start() {
        String value = System.getenv("REGULENS_LAUNCHER_PID");
        if (value == null || !value.matches("\\d{1,10}")) {
            return;
        }
        long launcher = Long.parseLong(value);
        boolean childOfLauncher = ProcessHandle.current().parent().map(p -> p.pid() == launcher).orElse(false);
        if (!childOfLauncher) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (!ProcessHandle.of(launcher).map(ProcessHandle::isAlive).orElse(false)) {
                    Log.warn("the regulens launcher (process %d) was killed: stopping", launcher);
                    System.exit(ExitCodes.TERMINATED);
                }
            }
        }, "regulens-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
