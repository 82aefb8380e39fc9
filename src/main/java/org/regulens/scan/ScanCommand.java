package org.regulens.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.motif.Background;
import org.regulens.motif.MotifDatabase;
import org.regulens.motif.MotifFile;
import org.regulens.motif.MotifFormat;
import org.regulens.motif.MotifReader;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens scan}: where motifs occur in sequences, with exact p-values (FIMO-like). */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Find motif sites in sequences (like FIMO): log-odds scores against an order-0 background, exact "
                    + "p-values from the score distribution of the discretised matrix (0.01-bit steps), both "
                    + "strands unless --norc, Benjamini-Hochberg q-values per motif over all tested windows.",
            "Give exactly one input: --data, --fasta, or --bed with --genome. Windows containing a base other "
                    + "than A, C, G, T are not scored. Output (FIMO's columns, 1-based start/stop within each "
                    + "sequence) is in input sequence order, then position, strand and motif."
        })
public final class ScanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--motifs", required = true, paramLabel = "M.meme",
            description = "Motifs (MEME, JASPAR or TRANSFAC; plain or gzip), or JASPAR2024 for the bundled collection. "
                    + "A MEME file without motifs (motifs found no pattern) gives tables with only their header.")
    Path motifs;

    @Option(names = "--data", paramLabel = "DATA.npz", description = "Input: a data set (from encode).")
    Path data;

    @Option(names = "--fasta", paramLabel = "FILE", description = "Input: sequences in FASTA (plain or gzip).")
    Path fasta;

    @Option(names = "--bed", paramLabel = "FILE",
            description = "Input: intervals (BED, 0-based half-open; name column = sequence name; minus-strand "
                    + "intervals are read reverse-complemented); needs --genome.")
    Path bed;

    @Option(names = "--genome", paramLabel = "FASTA", description = "Genome FASTA for --bed.")
    Path genome;

    @Output
    @Option(names = "--out", required = true, paramLabel = "HITS.tsv", description = "Hits (TSV, FIMO's columns).")
    Path out;

    @Output
    @Option(names = "--bed-out", paramLabel = "FILE",
            description = "Also write hits as BED6 (genome coordinates when known, else within each sequence; "
                    + "name = motif id, score = -10 log10 p capped at 1000).")
    Path bedOut;

    @Option(names = "--background", defaultValue = "motif", paramLabel = "motif|uniform|A,C,G,T|FILE",
            description = "Background base frequencies: the motif file's (default; uniform for JASPAR and "
                    + "TRANSFAC), uniform, four numbers, or a MEME background file. Averaged with its reverse "
                    + "complement unless --norc.")
    String background;

    @Option(names = "--pseudocount", defaultValue = "0.1",
            description = "Total pseudocount per position, spread by the background (default: ${DEFAULT-VALUE}).")
    double pseudocount;

    @Option(names = "--thresh", defaultValue = "1e-4",
            description = "Report windows with p-value at most this (default: ${DEFAULT-VALUE}).")
    double thresh;

    @Option(names = "--norc", description = "Scan only the given strand of each sequence.")
    boolean norc;

    @Option(names = "--no-qvalue", description = "Leave the q-value column empty (saves the score counts).")
    boolean noQvalue;

    @Override
    public Integer call() {
        validate();
        MotifFile file = readMotifs();
        if (file.motifs().isEmpty()) {
            // motifs found no pattern: the sequences are still read (a bad input is an error), no hit is possible
            Log.warn("no motifs in %s: empty table", motifs);
        }
        double[] bg;
        try {
            bg = ScanBackground.resolve(background, file.background());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!norc) {
            bg = ScanBackground.symmetric(bg);
        }
        Log.info("scan: %d motifs from %s; background A,C,G,T = %s; pseudocount %s; p <= %s; %s", file.motifs().size(),
                motifs, format(bg), pseudocount, thresh, norc ? "given strand only" : "both strands");
        MotifScanner scanner = new MotifScanner(file.motifs(), motifs, bg, pseudocount, thresh, !norc, !noQvalue);
        long sequences = 0;
        try (SequenceSource source = open();
             HitTable table = new HitTable(out, bedOut, file.motifs());
             Progress progress = new Progress("scan", source.bases(), "bases")) {
            long[] count = {0};
            source.forEach(sequence -> {
                table.add(sequence, scanner.scan(sequence.letters()));
                count[0]++;
                progress.advance(sequence.letters().length);
            });
            sequences = count[0];
            table.commit(noQvalue ? null : qValues(scanner));
            Log.info("scan: %,d hits in %,d sequences written to %s", table.hits(), sequences, out);
        }
        if (!noQvalue) {
            long tests = scanner.targets().stream().mapToLong(MotifScanner.Target::tests).sum();
            Log.info("scan: %,d windows tested over all motifs and strands (the q-values' number of tests, per motif)",
                    tests);
        }
        return ExitCodes.OK;
    }

    private void validate() {
        int inputs = (data != null ? 1 : 0) + (fasta != null ? 1 : 0) + (bed != null ? 1 : 0);
        if (inputs != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give exactly one input: --data, --fasta, or --bed with --genome");
        }
        if ((bed != null) != (genome != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bed and --genome go together");
        }
        if (!(thresh > 0 && thresh <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--thresh must be in (0, 1]");
        }
        if (!(pseudocount >= 0) || Double.isInfinite(pseudocount)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pseudocount must be >= 0");
        }
    }

    /** The motif file, or the bundled JASPAR 2024 collection by its name (uniform background). */
    private MotifFile readMotifs() {
        if (motifs.toString().equalsIgnoreCase(MotifDatabase.JASPAR2024) && !java.nio.file.Files.exists(motifs)) {
            return new MotifFile(MotifDatabase.jaspar2024(), Background.uniform(), MotifFormat.JASPAR);
        }
        return MotifReader.readFileAllowingNoMotifs(motifs);
    }

    private SequenceSource open() {
        if (data != null) {
            return new DatasetSource(data);
        }
        if (fasta != null) {
            return new FastaSource(fasta);
        }
        return new BedSource(bed, genome);
    }

    private static List<QValues> qValues(MotifScanner scanner) {
        List<QValues> q = new ArrayList<>();
        for (MotifScanner.Target t : scanner.targets()) {
            q.add(t.minus == null ? QValues.of(List.of(t.plus), List.of(t.plusCounts))
                    : QValues.of(List.of(t.plus, t.minus), List.of(t.plusCounts, t.minusCounts)));
        }
        return q;
    }

    private static String format(double[] bg) {
        return String.join(",", Arrays.stream(bg).mapToObj(f -> String.format(Locale.ROOT, "%.3f", f)).toList());
    }
}
