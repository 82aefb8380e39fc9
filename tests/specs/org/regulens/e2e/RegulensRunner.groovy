package org.regulens.e2e

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Runs the packaged bin/regulens as a user would and captures what it says. */
class RegulensRunner {

    static final Path HOME = Path.of(System.getProperty('regulens.home', '.')).toAbsolutePath().normalize()
    static final Path LAUNCHER = HOME.resolve('bin/regulens')
    static final Path DATA = HOME.resolve('tests/data')

    static class Result {
        int exitCode
        String stdout
        String stderr

        String toString() { "exit $exitCode\n--- stdout\n$stdout\n--- stderr\n$stderr" }
    }

    static Result run(List<?> args, Map<String, String> env = [:], Path workdir = HOME) {
        def command = [LAUNCHER.toString()] + args.collect { it.toString() }
        def builder = new ProcessBuilder(command).directory(workdir.toFile())
        builder.environment().putAll(env)
        def process = builder.start()
        def out = new StringBuilder()
        def err = new StringBuilder()
        process.consumeProcessOutput(out, err)
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly()
            throw new IllegalStateException("timed out: $command")
        }
        process.waitForProcessOutput(out, err)
        new Result(exitCode: process.exitValue(), stdout: out.toString(), stderr: err.toString())
    }

    /** True when python3 with numpy is available for cross-checks. */
    static boolean hasNumpy() {
        try {
            def p = new ProcessBuilder('python3', '-c', 'import numpy').redirectErrorStream(true).start()
            p.inputStream.text
            return p.waitFor() == 0
        } catch (IOException ignored) {
            return false
        }
    }

    /** Runs a python3 script with arguments; returns stdout, failing on a non-zero exit. */
    static String python(String script, List<?> args = []) {
        def p = new ProcessBuilder(['python3', '-c', script] + args.collect { it.toString() }).start()
        def out = new StringBuilder()
        def err = new StringBuilder()
        p.waitForProcessOutput(out, err)
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed: $err")
        }
        out.toString()
    }
}
