package org.regulens.mirna;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.FalseDiscovery;
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
                    + "window, call binding-site peaks (runs of called windows, merged across gaps of at most "
                    + "--merge-distance nt) and narrow each to its best window.",
            "Calibration: each miRNA is also scored on --null-windows dinucleotide shuffles of windows drawn from the "
                    + "targets; a window's p-value is the share of those null scores at or above its own (an "
                    + "exponential tail fitted to the top of the null beyond the last 10), q-values are "
                    + "Benjamini-Hochberg over all of the miRNA's windows, and a window is called when q <= --fdr "
                    + "and its probability >= --threshold.",
            "Each site is then refined by attribution: integrated gradients on the best window's interaction map "
                    + "(from 8 shuffled-target baselines, 16 steps) and the shortest stretch holding half its positive "
                    + "target importance, the core.",
            "DIR receives windows.tsv (every window's score, p- and q-value: the track), sites.tsv (peaks, best "
                    + "windows with their p- and q-value, cores) and "
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

    @Option(names = "--fdr", defaultValue = "0.05",
            description = "Call windows whose q-value (false discovery rate against the shuffled null) is at most "
                    + "this; 1 calls on --threshold alone (default: ${DEFAULT-VALUE}).")
    double fdr;

    @Option(names = "--threshold", defaultValue = "0",
            description = "Called windows must also score at least this probability (default: ${DEFAULT-VALUE}; "
                    + "'--fdr 1 --threshold 0.5' is the uncalibrated call of earlier versions).")
    double threshold;

    @Option(names = "--null-windows", defaultValue = "10000",
            description = "Shuffled windows scored per miRNA for the null (default: ${DEFAULT-VALUE}).")
    int nullWindows;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the null's windows and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

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
        if (stride < 1 || batchSize < 1 || mergeDistance < 0 || !(threshold >= 0 && threshold <= 1)
                || !(fdr > 0 && fdr <= 1) || nullWindows < WindowNull.TAIL) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--stride and --batch-size must be positive, --merge-distance >= 0, --threshold in [0, 1], "
                            + "--fdr in (0, 1], --null-windows at least " + WindowNull.TAIL);
        }
        MirnaModelOption.Loaded loaded = modelOption.load();
        InteractionMap encoding = loaded.encoding();
        MapFunction model = loaded.function();
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
        PairTable.warnAboutTruncation(mirnas != null ? mirnas : Path.of("--mirna"),
                queries.stream().map(RnaFasta.Entry::sequence).toList());
        SiteScanner scanner = new SiteScanner(window, stride, threshold, mergeDistance);
        SiteScanner.WindowScorer scorer = (m, slices) -> {
            float[] maps = new float[slices.size() * encoding.size()];
            for (int i = 0; i < slices.size(); i++) {
                encoding.encode(m, slices.get(i), maps, i * encoding.size());
            }
            return model.logits(maps, slices.size());
        };
        List<String> targetSequences = long_.stream().map(RnaFasta.Entry::sequence).toList();
        long total = 0;
        for (RnaFasta.Entry t : long_) {
            total += (long) queries.size() * scanner.starts(t.sequence().length()).size();
        }
        StringBuilder windows = new StringBuilder("mirna\ttarget\tstart\tend\tscore\tp_value\tq_value\n");
        StringBuilder sites = new StringBuilder("mirna\ttarget\tpeak_start\tpeak_end\tsite_start\tsite_end\tscore\twindows"
                + "\tcore_start\tcore_end\tp_value\tq_value\n");
        SiteRefiner refiner = new SiteRefiner(encoding,
                new MapAttributor(model, encoding.size(), MapMethod.INTEGRATED_GRADIENTS, REFINE_STEPS),
                new MapBaselines(encoding, MapBaselines.SHUFFLED, REFINE_REFERENCES, 0, 1));
        StringBuilder bed = new StringBuilder();
        int peaks = 0;
        try (Progress progress = new Progress("mirna scan", total + (long) queries.size() * nullWindows, "windows")) {
            for (int m = 0; m < queries.size(); m++) {
                RnaFasta.Entry q = queries.get(m);
                WindowNull nullScores = WindowNull.sample(q.sequence(), targetSequences, window, nullWindows,
                        batchSize, scorer, new SplittableRandom(seed + 0x9E3779B97F4A7C15L * m));
                progress.advance(nullWindows);
                List<List<SiteScanner.Window>> scored = new ArrayList<>();
                List<Double> pValues = new ArrayList<>();
                for (RnaFasta.Entry t : long_) {
                    List<SiteScanner.Window> logits = scanner.windows(q.sequence(), t.sequence(), scorer, batchSize);
                    scored.add(logits);
                    for (SiteScanner.Window w : logits) {
                        pValues.add(nullScores.pValue(w.score()));
                    }
                    progress.advance(logits.size());
                }
                double[] p = pValues.stream().mapToDouble(Double::doubleValue).toArray();
                double[] qValues = FalseDiscovery.benjaminiHochberg(p);
                int called = 0;
                int index = 0;
                for (int ti = 0; ti < long_.size(); ti++) {
                    RnaFasta.Entry t = long_.get(ti);
                    List<SiteScanner.Window> logits = scored.get(ti);
                    List<SiteScanner.Window> probabilities = new ArrayList<>(logits.size());
                    boolean[] calls = new boolean[logits.size()];
                    int first = index;
                    for (int i = 0; i < logits.size(); i++, index++) {
                        SiteScanner.Window w = logits.get(i);
                        float probability = (float) RegulensModel.sigmoid(w.score());
                        probabilities.add(new SiteScanner.Window(w.start(), probability));
                        calls[i] = qValues[index] <= fdr && probability >= threshold;
                        called += calls[i] ? 1 : 0;
                        windows.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.6f\t%.3e\t%.3e%n", q.name(),
                                t.name(), w.start(), w.start() + window, probability, p[index], qValues[index]));
                    }
                    for (SiteScanner.Peak pk : scanner.peaks(probabilities, calls)) {
                        int best = first + bestWindow(logits, pk.siteStart());
                        int[] core = refiner.refine(q.sequence(), t.sequence().substring(pk.siteStart(), pk.siteEnd()), peaks);
                        int coreStart = pk.siteStart() + core[0];
                        int coreEnd = pk.siteStart() + core[1];
                        sites.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%.6f\t%d\t%d\t%d\t%.3e\t%.3e%n",
                                q.name(), t.name(), pk.start(), pk.end(), pk.siteStart(), pk.siteEnd(), pk.score(),
                                pk.windows(), coreStart, coreEnd, p[best], qValues[best]));
                        bed.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%s\t%d\t+%n", t.name(), coreStart,
                                coreEnd, q.name(), Math.round(pk.score() * 1000)));
                        peaks++;
                    }
                }
                Log.info("%s: null of %,d shuffled windows (median logit %.2f, 99th percentile %.2f); %,d of %,d "
                        + "windows called at q <= %s", q.name(), nullScores.size(), nullScores.quantile(0.5),
                        nullScores.quantile(0.99), called, p.length, fdr);
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

    /** The index among a target's windows of the window starting at {@code start}. */
    private static int bestWindow(List<SiteScanner.Window> windows, int start) {
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).start() == start) {
                return i;
            }
        }
        throw new IllegalStateException("no window starts at " + start);
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
