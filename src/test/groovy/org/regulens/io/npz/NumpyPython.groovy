package org.regulens.io.npz

import groovy.json.JsonSlurper

import java.util.concurrent.TimeUnit

/** Runs python3 snippets for the interop specs; {@link #available()} gates them with Spock's @Requires. */
class NumpyPython {

    private static Boolean available

    /** True when {@code python3 -c 'import numpy'} succeeds. */
    static synchronized boolean available() {
        if (available == null) {
            try {
                Process process = new ProcessBuilder('python3', '-c', 'import numpy').redirectErrorStream(true).start()
                process.inputStream.readAllBytes()
                available = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0
            } catch (IOException ignored) {
                available = false
            }
        }
        return available
    }

    /** Runs the script with arguments (sys.argv[1:]) and parses the last line it prints as JSON. */
    static Object json(String script, Object... args) {
        String output = run(script, args)
        String last = output.readLines().findAll { it.trim() }.last()
        return new JsonSlurper().parseText(last)
    }

    static String run(String script, Object... args) {
        List<String> command = ['python3', '-c', script] + args.collect { it.toString() }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start()
        String output = new String(process.inputStream.readAllBytes(), 'UTF-8')
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("python failed:\n" + output)
        }
        return output
    }
}
