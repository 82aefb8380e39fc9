package org.regulens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regulens.core.RegulensException;
import org.regulens.io.Json;

/**
 * The run parameters of {@code --params}: the pipeline writes every one of its parameters into
 * {@code pipeline_info/params.json} (main.nf, {@code paramsFile()}), about 60 of them, most belonging to entries that
 * did not run. The report shows only those of the branch that ran.
 *
 * <p>The rule (names and groups as in nextflow.config and nextflow_schema.json):
 * <ul>
 *   <li>The entry is the input parameter that is set: {@code mirna_samplesheet}, else {@code data}, else
 *       {@code simulate}, else {@code samplesheet} (peaks), else {@code sequences}. A JSON object with none of them
 *       (a hand-made file) is not a pipeline's: all its set parameters are shown.</li>
 *   <li>A parameter of a group the entry does not use is hidden: the simulation options except when simulating;
 *       the encode options with an encoded data set (--data), and --width, --negatives and --neg_ratio also with a
 *       sequence table (encode ignores them there); the training options when a trained model was given; the DNA
 *       options (simulation, encode, training, interpretation, input files) in a miRNA run and the miRNA options in a
 *       DNA run; and resources, containers and --help always (they do not change results).</li>
 *   <li>A parameter that is not set (null, an empty string, or false) is hidden: it had no effect.</li>
 *   <li>Any other key (one the pipeline does not know, e.g. added with -params-file) is shown.</li>
 * </ul>
 */
final class RunParameters {

    /** The parameters shown, flattened to "a.b" keys, and how many top-level ones were left out. */
    record Selection(String entry, Map<String, String> shown, int hidden) {
    }

    static final List<String> ENTRIES = List.of("mirna_samplesheet", "data", "simulate", "samplesheet", "sequences");

    private static final Set<String> INPUT = Set.of("simulate", "samplesheet", "genome", "sequences", "data", "model",
            "predict_fasta", "vcf", "variants_skip_mismatch", "variants_attribute");
    private static final Set<String> SIMULATION = Set.of("sim_tasks", "sim_decoy", "sim_peaks", "sim_chroms",
            "sim_chrom_length");
    private static final Set<String> ENCODE = Set.of("width", "negatives", "neg_ratio", "valid_chroms", "test_chroms",
            "blacklist");
    private static final Set<String> ENCODE_PEAKS_ONLY = Set.of("width", "negatives", "neg_ratio");
    private static final Set<String> TRAINING = Set.of("arch", "first_activation", "epochs", "lr", "batch_size", "train_args");
    private static final Set<String> INTERPRETATION = Set.of("methods", "refs", "shards", "attribute_label",
            "attribute_split", "max_sequences", "min_seqlets", "max_seqlets", "motif_db", "compare_thresh");
    private static final Set<String> NEVER = Set.of("max_cpus", "max_memory", "max_time", "container", "container_gpu",
            "help");

    private RunParameters() {
    }

    /** Reads PARAMS.json, which must hold a JSON object. */
    static Map<String, Object> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw RegulensException.inFile(file, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Object value;
        try {
            value = Json.read(text);
        } catch (IllegalArgumentException e) {
            throw RegulensException.inFile(file, "not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw RegulensException.inFile(file, "expected a JSON object of parameters");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        map.forEach((k, v) -> params.put(String.valueOf(k), v));
        return params;
    }

    /** The entry that ran (one of {@link #ENTRIES}), or null when the object is not the pipeline's params.json. */
    static String entry(Map<String, Object> params) {
        for (String entry : ENTRIES) {
            if (isSet(params.get(entry))) {
                return entry;
            }
        }
        return null;
    }

    static Selection select(Map<String, Object> params) {
        String entry = entry(params);
        Map<String, Object> kept = new LinkedHashMap<>();
        int hidden = 0;
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (isSet(p.getValue()) && (entry == null || relevant(p.getKey(), entry, params))) {
                kept.put(p.getKey(), p.getValue());
            } else {
                hidden++;
            }
        }
        return new Selection(entry, kept.isEmpty() ? Map.of() : Json.flatten(kept), hidden);
    }

    private static boolean relevant(String name, String entry, Map<String, Object> params) {
        boolean mirnaRun = entry.equals("mirna_samplesheet");
        if (NEVER.contains(name)) {
            return false;
        }
        if (name.startsWith("mirna_")) {
            return mirnaRun;
        }
        if (mirnaRun) {
            // A miRNA run uses its own options, the seed, the output folder and the report's example count.
            return !(INPUT.contains(name) || SIMULATION.contains(name) || ENCODE.contains(name)
                    || TRAINING.contains(name) || INTERPRETATION.contains(name));
        }
        if (SIMULATION.contains(name)) {
            return entry.equals("simulate");
        }
        if (ENCODE.contains(name)) {
            return !entry.equals("data") && !(entry.equals("sequences") && ENCODE_PEAKS_ONLY.contains(name));
        }
        if (TRAINING.contains(name)) {
            return !isSet(params.get("model"));
        }
        return true;
    }

    /** Null, "", false and empty collections mean the parameter was not set. */
    static boolean isSet(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof String s && s.isEmpty())
                && !(value instanceof Map<?, ?> m && m.isEmpty()) && !(value instanceof List<?> l && l.isEmpty());
    }
}
