package org.regulens.filters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.data.TrainingData;
import org.regulens.io.AtomicOutput;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.motif.Background;
import org.regulens.motif.MemeWriter;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;
import org.regulens.options.Output;
import org.regulens.options.ModelInput;
import org.regulens.options.DataInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens filters}: first-layer filters as motifs, from the windows that activate them. */
@Command(name = "filters", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Turn each first-layer filter into a motif: the windows whose activation exceeds a fraction of the "
                    + "filter's maximum are stacked into a position frequency matrix (MEME out, nsites = windows).",
            "A table beside it (FILTERS.tsv) gives each filter's windows, maximum activation, information content, "
                    + "influence (mean change of the predictions when the filter is knocked out) and best match in "
                    + "--motif-db with its q-value; the log says what share of filters match a known motif."
        })
public final class FiltersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelInput model;

    @CommandLine.Mixin
    DataInput data;

    @Output
    @Option(names = "--out", required = true, paramLabel = "FILTERS.meme", description = "Filter motifs (MEME).")
    Path out;

    @Option(names = "--split", defaultValue = "all", paramLabel = "train|valid|test|all",
            description = "Rows to run through the model (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "Fraction of a filter's maximum activation a window must exceed (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-sequences", defaultValue = "20000",
            description = "Use at most this many rows (the first ones of the split; default: ${DEFAULT-VALUE}).")
    int maxSequences;

    @Option(names = "--influence-sequences", defaultValue = "2000",
            description = "Rows used to measure each filter's influence (default: ${DEFAULT-VALUE}).")
    int influenceSequences;

    @Option(names = "--batch-size", defaultValue = "256", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--motif-db", defaultValue = MotifDatabase.JASPAR2024, paramLabel = "DB",
            description = "Match each filter motif against this database as compare does (Pearson columns): "
                    + "JASPAR2024 (bundled), a motif file, or none (default: ${DEFAULT-VALUE}).")
    String motifDb;

    @Option(names = "--match-q", defaultValue = "0.05",
            description = "A filter matches a known motif when its best match has a q-value below this "
                    + "(default: ${DEFAULT-VALUE}).")
    double matchQ;

    @Override
    public Integer call() {
        Integer code = TrainingData.splitCode(split);
        if (code == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be train, valid, test or all");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be in (0, 1)");
        }
        RegulensModel regulensModel = ModelFile.load(model.path);
        Log.info("%s", String.join("; ", org.regulens.nn.Nd4jBackend.summary()));
        try (TrainingData dataset = TrainingData.open(data.path, false)) {
            regulensModel.requireCompatible(model.path, data.path, dataset.length(), null);
            int[] rows = dataset.rowsOf(code);
            rows = java.util.Arrays.copyOf(rows, Math.min(rows.length, maxSequences));
            List<FilterAnalysis.FilterMotif> filters = FilterAnalysis.analyse(regulensModel, dataset, rows, threshold,
                    batchSize, influenceSequences);
            List<Motif> motifs = filters.stream().filter(f -> f.sites() > 0).map(FilterAnalysis.FilterMotif::motif)
                    .toList();
            Map<String, FilterMatch> matches = "none".equalsIgnoreCase(motifDb) ? Map.of()
                    : FilterMatch.best(motifs, MotifDatabase.resolve(motifDb));
            if (!matches.isEmpty()) {
                long matched = matches.values().stream().filter(m -> m.qValue() < matchQ).count();
                Log.info("filters: %d of %d filters with activating windows (%.1f%%) match a motif of %s at q < %s",
                        matched, motifs.size(), 100.0 * matched / Math.max(1, motifs.size()), motifDb, matchQ);
            }
            MemeWriter.write(out, motifs, Background.uniform());
            writeTable(filters, matches);
            Log.info("%d filters, %d with activating windows, from %,d sequences", filters.size(),
                    filters.stream().filter(f -> f.sites() > 0).count(), rows.length);
        }
        return ExitCodes.OK;
    }

    private void writeTable(List<FilterAnalysis.FilterMotif> filters, Map<String, FilterMatch> matches) {
        Path table = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.meme$", "") + ".tsv");
        try (AtomicOutput output = AtomicOutput.create(table)) {
            try (Writer w = output.writer()) {
                w.write("filter\tsites\tmax_activation\tinformation_bits\tinfluence\tconsensus\tbest_match"
                        + "\tbest_match_name\tbest_match_q\n");
                for (FilterAnalysis.FilterMotif f : filters) {
                    boolean any = f.sites() > 0;
                    FilterMatch m = matches.get(f.motif().id());
                    w.write(String.format(Locale.ROOT, "filter_%d\t%d\t%.6g\t%.4f\t%.6g\t%s\t%s\t%s\t%s%n", f.filter(),
                            f.sites(), f.maxActivation(), any ? f.motif().totalInformation(Background.uniform()) : 0.0,
                            f.influence(), any ? f.motif().consensus() : "", m == null ? "" : m.targetId(),
                            m == null ? "" : m.targetName(), m == null ? "" : String.format(Locale.ROOT, "%.3g", m.qValue())));
                }
            }
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table + ": " + e.getMessage(), e);
        }
    }
}
