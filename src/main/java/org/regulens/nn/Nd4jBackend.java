package org.regulens.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend and native build this process runs on. bin/regulens chooses the native build (the
 * oneDNN/AVX2 one when the CPU supports it) through the JavaCPP platform-extension property; this class reports
 * what actually loaded, so that a run's log says what it ran on.
 */
public final class Nd4jBackend {

    /** The JavaCPP property that selects a native build variant such as "-onednn-avx2". */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private Nd4jBackend() {
    }

    /** Initialises ND4J (loading the native library) and describes it, one "key: value" line each. */
    public static List<String> describe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        List<String> lines = new ArrayList<>();
        lines.add("backend: " + Nd4j.getBackend().getClass().getSimpleName());
        lines.add("requested native build: " + Loader.getPlatform()
                + System.getProperty(EXTENSION_PROPERTY, ""));
        lines.add("loaded native library: " + nativeLibrary());
        lines.add("BLAS: " + env.getProperty("blas.vendor", "unknown"));
        lines.add("cores: " + env.getOrDefault("cores", Runtime.getRuntime().availableProcessors()));
        lines.add("OpenMP threads: " + env.getOrDefault("omp.threads", "unknown"));
        lines.add("data type: " + Nd4j.dataType());
        return lines;
    }

    /** One short line for run logs: backend, native build, threads. */
    public static List<String> summary() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String library = nativeLibrary();
        String build = library.contains("onednn-avx2") ? "oneDNN/AVX2 build" : library.contains("nd4jcuda")
                ? "CUDA build" : "plain build";
        return List.of("backend " + Nd4j.getBackend().getClass().getSimpleName() + " (" + build + ")",
                env.getOrDefault("omp.threads", "?") + " threads");
    }

    private static String nativeLibrary() {
        for (Map.Entry<String, String> entry : Loader.getLoadedLibraries().entrySet()) {
            if (entry.getKey().contains("nd4jcpu") || entry.getKey().contains("nd4jcuda")) {
                return entry.getValue();
            }
        }
        return "not loaded";
    }
}
