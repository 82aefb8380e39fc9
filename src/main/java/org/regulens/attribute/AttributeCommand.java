package org.regulens.attribute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.core.Progress;
import org.regulens.data.BatchStream;
import org.regulens.data.GenomeCoordinates;
import org.regulens.data.TrainingData;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens attribute}: per-base importance scores for one task of a model on a data set. */
@Command(name = "attribute", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = AttributeMergeCommand.class,
        description = {
            "Per-base attributions for one task (its logit) of a trained model: hypothetical contributions (a score "
                    + "for each of the four bases at every position, as TF-MoDISco needs) and actual contributions "
                    + "(hypothetical × one-hot; for saliency |gradient| at the observed base).",
            "Methods: saliency, gradxinput, smoothgrad, ig, deeplift, deepshap, ism, gradcam, guided-backprop, lrp, "
                    + "guided-gradcam.",
            "lrp (Bach et al. 2015): the logit is the output's relevance; convolutions and dense layers (batch norm "
                    + "folded into them) pass it on by the epsilon or alpha-beta rule, activations (ReLU, exponential) "
                    + "unchanged, max pooling to each window's maximum (winner takes all), residual additions in "
                    + "proportion to their two inputs. Not for danq (recurrent).",
            "Use 'regulens attribute merge' to join the outputs of --shard runs."
        })
public final class AttributeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL.zip", description = "Model file (from train). Required.")
    Path model;

    @Option(names = "--data", paramLabel = "DATA.npz", description = "Data set (from encode). Required.")
    Path data;

    @Option(names = "--method", paramLabel = "NAME", description = "Attribution method. Required. One of: "
            + "saliency, gradxinput, smoothgrad, ig, deeplift, deepshap, ism, gradcam, guided-backprop, lrp, guided-gradcam.")
    String method;

    @Output
    @Option(names = "--out", paramLabel = "ATTR.npz", description = "Output: x, hyp, attr (N×4×L), pred, delta, index. Required.")
    Path out;

    @Option(names = "--task", paramLabel = "NAME", description = "Task to explain (default: the model's first task).")
    String task;

    @Option(names = "--split", defaultValue = "all", paramLabel = "all|train|valid|test",
            description = "Rows to explain (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--label", defaultValue = "any", paramLabel = "any|positive|negative",
            description = "Keep only rows with this label for the task (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--max-sequences", defaultValue = "0",
            description = "Explain at most this many rows (the first ones selected; 0 = all; default: ${DEFAULT-VALUE}).")
    int maxSequences;

    @Option(names = "--refs", defaultValue = "20",
            description = "deepshap: dinucleotide-shuffled references per sequence (default: ${DEFAULT-VALUE}).")
    int refs;

    @Option(names = "--steps", defaultValue = "50",
            description = "ig: integration steps (midpoint rule; default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--baseline", paramLabel = "zeros|uniform|shuffle",
            description = "ig, deeplift, deepshap: reference input (default: zeros for ig, shuffle for deeplift and "
                    + "deepshap; shuffle = dinucleotide shuffle of each sequence).")
    String baseline;

    @Option(names = "--samples", defaultValue = "25",
            description = "smoothgrad: noisy copies per sequence (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", defaultValue = "0.15",
            description = "smoothgrad: standard deviation of the Gaussian noise (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--center", description = "saliency, gradxinput, smoothgrad, guided-backprop: mean-centre the "
            + "gradients over the four bases at each position (Majdandzic et al.).")
    boolean centre;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "gradcam: layer whose feature map is used (default: the deepest convolutional activation).")
    String layer;

    @Option(names = "--rule", defaultValue = "rescale", paramLabel = "rescale|revealcancel",
            description = "deeplift, deepshap: rule at nonlinear units: rescale (secant slope) or revealcancel "
                    + "(positive and negative input terms get separate multipliers; Shrikumar et al. 2017; "
                    + "default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--lrp-rule", defaultValue = "epsilon", paramLabel = "epsilon|alpha-beta",
            description = "lrp: rule at convolutions and dense layers (default: ${DEFAULT-VALUE}).")
    String lrpRule;

    @Option(names = "--lrp-epsilon", defaultValue = "0.01",
            description = "lrp: stabiliser ε added to each layer's output with its sign, epsilon rule and residual "
                    + "additions (default: ${DEFAULT-VALUE}).")
    double lrpEpsilon;

    @Option(names = "--lrp-alpha", defaultValue = "2",
            description = "lrp alpha-beta: weight α of positive contributions, ≥ 1; negative ones get β = α − 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    double lrpAlpha;

    @Option(names = "--naive-ism", description = "ism: mutate and rerun whole sequences instead of the fast path "
            + "(for checking; same results).")
    boolean naiveIsm;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Explain only the i-th of n contiguous blocks of the selected rows (gather with 'attribute merge').")
    String shard;

    @Option(names = "--batch-size", defaultValue = "0",
            description = "Sequences per batch (default: chosen per method to bound memory).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of references and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Output
    @Option(names = "--modisco", paramLabel = "DIR",
            description = "Also write DIR/ohe.npz and DIR/hyp.npz for tfmodisco-lite (modisco motifs -s ohe.npz -a hyp.npz).")
    Path modisco;

    @Output
    @Option(names = "--bedgraph", paramLabel = "FILE",
            description = "Also write per-base actual contributions in genome coordinates (data encoded from peaks).")
    Path bedgraph;

    @Override
    public Integer call() {
        if (model == null || data == null || method == null || out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model, --data, --method and --out are required");
        }
        if (!Methods.NAMES.contains(method)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --method '" + method
                    + "'; choose one of " + Methods.NAMES);
        }
        Integer splitCode = TrainingData.splitCode(split);
        if (splitCode == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be all, train, valid or test");
        }
        if (!List.of("any", "positive", "negative").contains(label)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--label must be any, positive or negative");
        }
        if (refs < 1 || steps < 1 || samples < 1 || !(noise >= 0) || batchSize < 0 || maxSequences < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--refs, --steps and --samples must be at least 1; --noise, --batch-size and --max-sequences not negative");
        }
        Shard part;
        Lrp lrp;
        try {
            part = shard == null ? new Shard(1, 1) : Shard.parse(shard);
            if (baseline != null) {
                References.parse(baseline);
            }
            Methods.deepliftRule(rule);
            lrp = new Lrp(Lrp.parse(lrpRule), lrpEpsilon, lrpAlpha);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        RegulensModel regulensModel = ModelFile.load(model);
        Log.info("%s", String.join("; ", org.regulens.nn.Nd4jBackend.summary()));
        int taskIndex = task == null ? 0 : regulensModel.tasks().indexOf(task);
        if (taskIndex < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the model has no task '" + task
                    + "'; its tasks are " + regulensModel.tasks());
        }
        try (TrainingData dataset = TrainingData.open(data, !"any".equals(label))) {
            regulensModel.requireCompatible(model, data, dataset.length(), null);
            ModelFunction function = new ModelFunction(regulensModel);
            AttributionMethod attribution;
            try {
                attribution = Methods.create(method, function, taskIndex, new Methods.Settings(baseline, refs, steps,
                        samples, noise, centre, layer, naiveIsm, seed, rule, lrp));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            int batch = batchSize > 0 ? batchSize : attribution.preferredBatch();
            int[] selected = select(dataset, splitCode, taskIndex);
            if (selected.length == 0) {
                throw RegulensException.inFile(data, "no row to explain: split " + split + ", label " + label
                        + " for task " + regulensModel.tasks().get(taskIndex) + " selects none of "
                        + dataset.rows() + " rows");
            }
            int[] rows = part.select(selected, batch);
            run(regulensModel, dataset, rows, function, attribution, taskIndex, part, batch);
        }
        return ExitCodes.OK;
    }

    private int[] select(TrainingData dataset, int splitCode, int taskIndex) {
        int[] rows = dataset.rowsOf(splitCode);
        if (!"any".equals(label)) {
            float wanted = "positive".equals(label) ? 1f : 0f;
            rows = java.util.Arrays.stream(rows).filter(r -> dataset.label(r, taskIndex) == wanted).toArray();
        }
        return maxSequences > 0 && rows.length > maxSequences ? java.util.Arrays.copyOf(rows, maxSequences) : rows;
    }

    private void run(RegulensModel regulensModel, TrainingData dataset, int[] rows, ModelFunction function,
                     AttributionMethod attribution, int taskIndex, Shard part, int batch) {
        int length = dataset.length();
        int size = 4 * length;
        GenomeCoordinates genomic = bedgraph == null ? null
                : GenomeCoordinates.read(data, "--bedgraph needs a data set encoded from peaks (genome coordinates)");
        List<BedGraphWriter.Window> windows = new ArrayList<>();
        double[] worstDelta = {0};
        long[] overThreshold = {0};
        String taskName = regulensModel.tasks().get(taskIndex);
        Log.info("attribute: %s for task %s on %,d sequences of %d bp (shard %d/%d)", method, taskName, rows.length,
                length, part.index(), part.count());
        long started = System.nanoTime();
        try (AttributionWriter writer = new AttributionWriter(out, modisco, length, regulensModel.tasks().size());
             Progress progress = new Progress("attribute " + method, rows.length, "sequences")) {
            new BatchStream(dataset, rows, batch).forEach(null, b -> {
                long[] ids = java.util.Arrays.stream(b.rows()).asLongStream().toArray();
                Attribution a = attribution.attribute(b.x(), b.size(), ids);
                float[] actual = a.actual(b.x());
                float[][] predictions = RegulensModel.sigmoid(a.logits() != null ? a.logits() : function.logits(b.x(), b.size()));
                for (int i = 0; i < b.size(); i++) {
                    float[] x = java.util.Arrays.copyOfRange(b.x(), i * size, (i + 1) * size);
                    float[] hyp = java.util.Arrays.copyOfRange(a.hypothetical(), i * size, (i + 1) * size);
                    float[] attr = java.util.Arrays.copyOfRange(actual, i * size, (i + 1) * size);
                    float delta = a.delta()[i];
                    if (delta > 1e-3) {
                        overThreshold[0]++;
                    }
                    worstDelta[0] = Math.max(worstDelta[0], Float.isNaN(delta) ? 0 : delta);
                    writer.write(x, hyp, attr, predictions[i], delta, b.rows()[i]);
                    if (genomic != null) {
                        int row = b.rows()[i];
                        windows.add(new BedGraphWriter.Window(genomic.chrom(row), genomic.start(row), genomic.end(row),
                                genomic.minus(row), perBase(attr, length)));
                    }
                }
                progress.advance(b.size());
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            Log.info("attribute: %,d sequences in %.2f s (%.3f sequences/s)", rows.length, seconds, rows.length / seconds);
            if (overThreshold[0] > 0) {
                Log.warn("%,d sequences have a DeepLIFT convergence delta above 1e-3 (largest %.3g)", overThreshold[0], worstDelta[0]);
            } else if (method.startsWith("deep")) {
                Log.info("largest DeepLIFT convergence delta %.3g", worstDelta[0]);
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("method", method);
            meta.put("task", taskName);
            meta.put("model", model.getFileName().toString());
            meta.put("data", data.getFileName().toString());
            meta.put("split", split);
            meta.put("label", label);
            meta.put("shard", part.index() + "/" + part.count());
            meta.put("refs", refs);
            meta.put("steps", steps);
            meta.put("baseline", baseline);
            meta.put("seed", seed);
            meta.put("center", centre);
            if (method.startsWith("deep")) {
                meta.put("rule", rule);
            }
            if ("lrp".equals(method)) {
                meta.put("lrp_rule", lrpRule);
                meta.put("lrp_epsilon", lrpEpsilon);
                meta.put("lrp_alpha", lrpAlpha);
            }
            meta.put("regulens_version", org.regulens.core.Version.get());
            if (bedgraph != null) {
                BedGraphWriter.write(bedgraph, "regulens " + method + " " + taskName, windows);
            }
            writer.commit(regulensModel.tasks(), meta);
        }
    }

    private static float[] perBase(float[] attr, int length) {
        float[] scores = new float[length];
        for (int b = 0; b < 4; b++) {
            for (int j = 0; j < length; j++) {
                scores[j] += attr[b * length + j];
            }
        }
        return scores;
    }
}
