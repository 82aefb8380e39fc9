package org.regulens.mirna;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.core.RegulensException;
import org.regulens.io.AtomicOutput;
import org.regulens.io.OutputDirectory;
import org.regulens.model.RegulensModel;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens mirna scan}: binding-site peaks of miRNAs along long targets. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Slide the model's target window along long targets (3'UTRs, transcripts) for each miRNA, score every "
                    + "window, call binding-site peaks (runs of windows at or above --threshold, merged across gaps "
                    + "of at most --merge-distance nt) and narrow each to its best window.",
            "Each site is then refined by attribution: integrated gradients on the best window's interaction map "
                    + "(from 8 shuffled-target baselines, 16 steps) and the shortest stretch holding half its positive "
                    + "target importance, the core.",
            "DIR receives windows.tsv (every window's score: the track), sites.tsv (peaks, best windows, cores) and "
                    + "sites.bed (the cores); coordinates 0-based, half-open, on the target as given."
        })
public final class MirnaScanCommand implements Callable<Integer> {

    /** Site refinement: integrated gradients from this many shuffled-target baselines, this many steps each. */
    static final int REFINE_REFERENCES = 8;
    static final int REFINE_STEPS = 16;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MirnaModelOption modelOption;

    @Option(names = "--mirna", paramLabel = "SEQ", description = "One miRNA sequence (DNA or RNA letters).")
    String mirna;

    @Option(names = "--mirnas", paramLabel = "FASTA", description = "miRNAs as FASTA, instead of --mirna.")
    Path mirnas;

    @Option(names = "--targets", required = true, paramLabel = "FASTA",
            description = "Long targets (3'UTRs, transcripts) as FASTA, each at least the model's window long.")
    Path targets;

    @Output
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--stride", defaultValue = "5",
            description = "Step between windows in nt (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "Windows scoring at least this are binding (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--merge-distance", defaultValue = "20",
            description = "Merge peaks separated by at most this many nt (default: ${DEFAULT-VALUE}).")
    int mergeDistance;

    @Option(names = "--batch-size", defaultValue = "256", description = "Windows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if ((mirna == null) == (mirnas == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --mirna and --mirnas");
        }
        if (stride < 1 || batchSize < 1 || mergeDistance < 0 || !(threshold >= 0 && threshold <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--stride and --batch-size must be positive, --merge-distance >= 0, --threshold in [0, 1]");
        }
        MirnaModelOption.Loaded loaded = modelOption.load();
        RegulensModel regulensModel = loaded.model();
        InteractionMap encoding = loaded.encoding();
        List<RnaFasta.Entry> queries = mirnas != null ? RnaFasta.read(mirnas) : List.of(new RnaFasta.Entry("mirna", checked(mirna)));
        List<RnaFasta.Entry> long_ = RnaFasta.read(targets);
        int window = encoding.targetLength();
        for (RnaFasta.Entry t : long_) {
            if (t.sequence().length() < window) {
                throw RegulensException.atRecord(targets, t.name(), t.sequence().length()
                        + " nt is shorter than the model's target window of " + window + " nt");
            }
        }
        for (RnaFasta.Entry q : queries) {
            if (q.sequence().length() < PairTable.MIN_MIRNA || q.sequence().length() > PairTable.MAX_MIRNA) {
                throw RegulensException.atRecord(mirnas != null ? mirnas : Path.of("--mirna"), q.name(), "miRNA of "
                        + q.sequence().length() + " nt; " + PairTable.MIN_MIRNA + "–" + PairTable.MAX_MIRNA + " expected");
            }
        }
        SiteScanner scanner = new SiteScanner(window, stride, threshold, mergeDistance);
        SiteScanner.WindowScorer scorer = (m, slices) -> {
            float[] maps = new float[slices.size() * encoding.size()];
            for (int i = 0; i < slices.size(); i++) {
                encoding.encode(m, slices.get(i), maps, i * encoding.size());
            }
            float[][] p = regulensModel.predict(maps, slices.size());
            float[] scores = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                scores[i] = p[i][0];
            }
            return scores;
        };
        long total = 0;
        for (RnaFasta.Entry t : long_) {
            total += (long) queries.size() * scanner.starts(t.sequence().length()).size();
        }
        StringBuilder windows = new StringBuilder("mirna\ttarget\tstart\tend\tscore\n");
        StringBuilder sites = new StringBuilder("mirna\ttarget\tpeak_start\tpeak_end\tsite_start\tsite_end\tscore\twindows"
                + "\tcore_start\tcore_end\n");
        SiteRefiner refiner = new SiteRefiner(encoding,
                new MapAttributor(regulensModel, encoding.size(), MapMethod.INTEGRATED_GRADIENTS, REFINE_STEPS),
                new MapBaselines(encoding, true, REFINE_REFERENCES, 1));
        StringBuilder bed = new StringBuilder();
        int peaks = 0;
        try (Progress progress = new Progress("mirna scan", total, "windows")) {
            for (RnaFasta.Entry q : queries) {
                for (RnaFasta.Entry t : long_) {
                    List<SiteScanner.Window> scored = scanner.windows(q.sequence(), t.sequence(), scorer, batchSize);
                    for (SiteScanner.Window w : scored) {
                        windows.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.6f%n", q.name(), t.name(),
                                w.start(), w.start() + window, w.score()));
                    }
                    for (SiteScanner.Peak p : scanner.peaks(scored)) {
                        int[] core = refiner.refine(q.sequence(), t.sequence().substring(p.siteStart(), p.siteEnd()), peaks);
                        int coreStart = p.siteStart() + core[0];
                        int coreEnd = p.siteStart() + core[1];
                        sites.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%.6f\t%d\t%d\t%d%n", q.name(),
                                t.name(), p.start(), p.end(), p.siteStart(), p.siteEnd(), p.score(), p.windows(),
                                coreStart, coreEnd));
                        bed.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%s\t%d\t+%n", t.name(), coreStart,
                                coreEnd, q.name(), Math.round(p.score() * 1000)));
                        peaks++;
                    }
                    progress.advance(scored.size());
                }
            }
        }
        try (OutputDirectory output = OutputDirectory.create(out)) {
            AtomicOutput.writeString(output.resolve("windows.tsv"), windows.toString());
            AtomicOutput.writeString(output.resolve("sites.tsv"), sites.toString());
            AtomicOutput.writeString(output.resolve("sites.bed"), bed.toString());
            output.commit();
        }
        Log.info("mirna scan: %d miRNA(s) × %d target(s): %,d windows, %d sites", queries.size(), long_.size(), total, peaks);
        return ExitCodes.OK;
    }

    private String checked(String sequence) {
        StringBuilder out = new StringBuilder();
        for (char c : sequence.trim().toCharArray()) {
            char u = Character.toUpperCase(c);
            switch (u) {
                case 'A', 'C', 'G', 'T' -> out.append(u);
                case 'U' -> out.append('T');
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--mirna has '" + c + "': only A, C, G, T and U are allowed");
            }
        }
        return out.toString();
    }
}
