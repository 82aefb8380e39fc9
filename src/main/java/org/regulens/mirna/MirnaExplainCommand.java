package org.regulens.mirna;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.io.AtomicOutput;
import org.regulens.io.Json;
import org.regulens.io.OutputDirectory;
import org.regulens.io.npz.ArraySink;
import org.regulens.io.npz.DType;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzWriter;
import org.regulens.model.RegulensModel;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens mirna explain}: which miRNA and target positions carry each pair's prediction, and how it pairs. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Open up a miRNA model's predictions: attribute each pair's logit to the cells of its interaction map "
                    + "(integrated gradients from the lowest-scoring of the miRNA facing shuffled targets and the "
                    + "empty map, "
                    + "gradient x input, or occlusion of each pairing cell), collapse it to per-miRNA-position and per-target-position importance, align the "
                    + "duplex (target 3'->5' over miRNA 5'->3'), classify the pairing (seed, seed+3', "
                    + "3'-compensatory, other) and split the miRNA's importance between the seed (2-8) and the 3' end.",
            "DIR receives explain.tsv, mirna_importance.tsv, target_importance.tsv, classes.tsv, alignments.txt, "
                    + "alignments/pair_<N>.svg and attributions.npz."
        })
public final class MirnaExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MirnaModelOption modelOption;

    @Option(names = "--pairs", required = true, paramLabel = "TABLE",
            description = "Pairs: TSV/CSV (or .gz) with header miRNA, gene; other columns (label, ids) are passed through.")
    Path pairs;

    @Output
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--method", defaultValue = "integrated-gradients", paramLabel = "METHOD",
            description = "integrated-gradients, grad-input or occlusion (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--baseline", defaultValue = MapBaselines.FLOOR, paramLabel = "floor|shuffled|empty",
            description = "Integrated-gradients baselines: floor = the --references lowest-scoring of the empty map "
                    + "and --candidates maps of the miRNA facing dinucleotide shuffles of the target (near the "
                    + "model's floor); shuffled = --references such shuffles, whatever they score; empty = the empty "
                    + "map (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--references", defaultValue = "8",
            description = "Baselines per pair, averaged (floor, shuffled; default: ${DEFAULT-VALUE}).")
    int references;

    @Option(names = "--candidates", defaultValue = "32", paramLabel = "N",
            description = "Shuffles scored per pair to choose floor baselines from, besides the empty map "
                    + "(default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--steps", defaultValue = "16",
            description = "Integrated-gradients steps from each baseline (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the target shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--svg", defaultValue = "20", paramLabel = "N",
            description = "Draw the duplexes of the first N pairs as SVG (default: ${DEFAULT-VALUE}).")
    int svgPairs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        MapMethod mapMethod;
        try {
            mapMethod = MapMethod.of(method);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--method: " + e.getMessage());
        }
        if (steps < 1 || batchSize < 1 || references < 1 || svgPairs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--steps, --references and --batch-size must be at least 1, --svg at least 0");
        }
        try {
            MapBaselines.check(baseline);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline: " + e.getMessage());
        }
        if (baseline.equals(MapBaselines.FLOOR) && candidates + 1 < references) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--candidates " + candidates
                    + " gives " + (candidates + 1) + " candidate baselines (with the empty map), fewer than --references "
                    + references);
        }
        MirnaModelOption.Loaded loaded = modelOption.load();
        InteractionMap encoding = loaded.encoding();
        PairTable table = loaded.pairs(pairs, false);
        MapAttributor attributor = new MapAttributor(loaded.function(), encoding.size(), mapMethod, steps);
        MapBaselines baselines = new MapBaselines(encoding, baseline, references, candidates, seed);
        try (OutputDirectory output = OutputDirectory.create(out)) {
            Files.createDirectories(output.resolve("alignments"));
            ExplainTables tables = new ExplainTables(table, encoding.targetLength());
            writeAll(output, table, encoding, attributor, mapMethod, baselines, tables);
            tables.writeClasses(output.resolve("classes.tsv"));
            output.commit();
            Log.info("mirna explain (%s): %d pairs; %s", mapMethod.label(), table.size(), tables.classSummary());
            if (mapMethod == MapMethod.INTEGRATED_GRADIENTS) {
                Log.info("integrated gradients from %s baselines (mean score %.4g): mean |Σ attribution − (logit − "
                        + "mean baseline logit)| = %.4g", baseline, tables.meanBaselineScore(),
                        tables.meanCompletenessError());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void writeAll(OutputDirectory output, PairTable table, InteractionMap encoding, MapAttributor attributor,
                          MapMethod mapMethod, MapBaselines baselines, ExplainTables tables)
            throws IOException {
        int rows = InteractionMap.MIRNA_POSITIONS;
        int length = encoding.targetLength();
        DuplexAligner aligner = new DuplexAligner();
        try (AtomicOutput explain = AtomicOutput.create(output.resolve("explain.tsv"));
             AtomicOutput mirnaOut = AtomicOutput.create(output.resolve("mirna_importance.tsv"));
             AtomicOutput targetOut = AtomicOutput.create(output.resolve("target_importance.tsv"));
             AtomicOutput textOut = AtomicOutput.create(output.resolve("alignments.txt"));
             NpzWriter npz = NpzWriter.create(output.resolve("attributions.npz"));
             Progress progress = new Progress("mirna explain", table.size(), "pairs")) {
            ArraySink mapSink = npz.beginArray("maps", DType.FLOAT32, rows, length);
            ArraySink attrSink = npz.beginArray("attributions", DType.FLOAT32, rows, length);
            ArraySink mirnaSink = npz.beginArray("mirna_importance", DType.FLOAT32, rows);
            ArraySink targetSink = npz.beginArray("target_importance", DType.FLOAT32, length);
            ArraySink scoreSink = npz.beginArray("scores", DType.FLOAT32);
            try (Writer w = explain.writer(); Writer wm = mirnaOut.writer(); Writer wt = targetOut.writer();
                 Writer text = textOut.writer()) {
                tables.writeHeaders(w, wm, wt);
                for (int from = 0; from < table.size(); from += batchSize) {
                    int to = Math.min(table.size(), from + batchSize);
                    int n = to - from;
                    float[] maps = PairSet.encode(table, encoding, from, to);
                    float[] logits = attributor.logits(maps, n);
                    float[] base = baselines.of(table, from, to, attributor.function());
                    float[] baseLogits = attributor.logits(base, n * baselines.count());
                    float[] attribution = attributor.attribute(maps, n, base, baselines.count());
                    for (int i = 0; i < n; i++) {
                        int row = from + i;
                        int offset = i * encoding.size();
                        PairImportance importance = PairImportance.of(attribution, offset, rows, length);
                        // the duplex of what the model read: a longer miRNA's 3' end is not in the map
                        Duplex duplex = aligner.align(InteractionMap.readPart(table.mirna(row)), table.target(row));
                        PairingPattern pattern = PairingPattern.of(duplex);
                        float score = (float) RegulensModel.sigmoid(logits[i]);
                        Completeness completeness = Completeness.of(attribution, offset, encoding.size(), logits[i],
                                baseLogits, i * baselines.count(), baselines.count());
                        tables.add(w, wm, wt, row, score, logits[i], completeness, importance, duplex, pattern);
                        text.write(String.format(Locale.ROOT, "# pair %d  score %.4f  class %s  seed %s  seed share %.2f  "
                                + "3' share %.2f%n", row + 1, score, pattern.kind().label(), pattern.seedMatch(),
                                importance.seedShare(), importance.threePrimeShare()));
                        text.write(DuplexText.render(duplex, importance));
                        text.write('\n');
                        if (row < svgPairs) {
                            String title = String.format(Locale.ROOT, "pair %d: score %.3f, %s (%s)", row + 1, score,
                                    pattern.kind().label(), mapMethod.label());
                            AtomicOutput.writeString(output.resolve("alignments").resolve(
                                    String.format(Locale.ROOT, "pair_%d.svg", row + 1)), DuplexSvg.render(duplex, importance, title));
                        }
                        mapSink.writeRow(java.util.Arrays.copyOfRange(maps, offset, offset + encoding.size()));
                        attrSink.writeRow(java.util.Arrays.copyOfRange(attribution, offset, offset + encoding.size()));
                        mirnaSink.writeRow(importance.mirna());
                        targetSink.writeRow(importance.target());
                        scoreSink.writeRow(new float[] {score});
                    }
                    progress.advance(n);
                }
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("method", mapMethod.label());
            meta.put("steps", steps);
            meta.put("baseline", baseline);
            meta.put("references", baselines.count());
            if (baseline.equals(MapBaselines.FLOOR)) {
                meta.put("candidates", candidates + 1);
            }
            meta.put("seed", seed);
            // one file name, or the names of the models averaged joined by "+"
            meta.put("model", String.join("+", modelOption.files.stream().map(f -> f.getFileName().toString()).toList()));
            meta.put("pairs", pairs.getFileName().toString());
            meta.put("rows", "miRNA positions 1-" + rows + " (5'->3')");
            meta.put("columns", "target positions read 3'->5' (column 0 = the site's 3' end)");
            meta.put("target_importance", "indexed 5'->3'");
            npz.write("meta", NpyArray.ofString(Json.write(meta)));
            npz.commit();
            explain.commit();
            mirnaOut.commit();
            targetOut.commit();
            textOut.commit();
        }
    }
}
