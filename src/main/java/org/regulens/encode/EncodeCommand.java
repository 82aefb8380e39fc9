package org.regulens.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.genome.GenomeIndex;
import org.regulens.genome.IntervalSet;
import org.regulens.genome.PeakReader;
import org.regulens.io.TextInput;
import org.regulens.options.Output;
import org.regulens.options.RandomSeed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens encode}: peaks + genome (or a sequence table) to a one-hot training set in .npz. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Build a training set (.npz) from peak files and a genome, or from a table of labelled sequences.",
            "Arrays: x (N x 4 x L uint8 one-hot, A C G T), y (N x T float32), split (int8: 0 train, 1 valid, "
                    + "2 test), tasks, names (chrom:start-end(strand), 0-based half-open), gc, source, meta (JSON); "
                    + "genomic windows also chrom, start, end, strand."
        })
public final class EncodeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--genome", paramLabel = "FASTA",
            description = "Genome FASTA, plain, gzip or bgzip; a missing .fai is built beside it.")
    Path genome;

    @Option(names = "--peaks", paramLabel = "FILE",
            description = "Peak file (BED3+, BED6, narrowPeak, regionPeak, broadPeak; may be gzipped), one per task; "
                    + "the task is named after the file without extensions. Repeatable.")
    List<Path> peaks = new ArrayList<>();

    @Option(names = "--samplesheet", paramLabel = "CSV",
            description = "CSV with columns task,peaks (paths relative to the CSV), instead of --peaks.")
    Path samplesheet;

    @Option(names = "--sequences", paramLabel = "TABLE",
            description = "Instead of peaks: TSV/CSV with a header, a 'sequence' column, optional 'name' and 'split' "
                    + "columns and one label column per task; or FASTA with headers '>NAME TASK=1 ...'. Without any "
                    + "label (no label column, or bare FASTA names) every sequence is a positive of one task named "
                    + "after the file, and --negatives shuffle or --background makes the negatives.")
    Path sequences;

    @Option(names = "--background", paramLabel = "FASTA",
            description = "With --sequences: negatives are these sequences (cut to their centre like the others), "
                    + "--neg-ratio per positive drawn at random (all when fewer), split at random by "
                    + "--valid-frac/--test-frac. Implies --negatives background.")
    Path background;

    @Output
    @Option(names = "--out", required = true, paramLabel = "DATA.npz", description = "Output data set.")
    Path out;

    @Option(names = "--width", paramLabel = "N",
            description = "Window width in bases, centred on the summit (or midpoint). Required with peaks; with "
                    + "--sequences, longer sequences are cut to their central N bases.")
    Integer width;

    @CommandLine.Mixin
    RandomSeed seed;

    @Option(names = "--negatives", paramLabel = "gc|shuffle|background|none",
            description = "Negatives: gc = GC-matched genomic background outside all peaks (default with peaks), "
                    + "shuffle = dinucleotide-shuffled positives (names end in _shuffleK), background = the "
                    + "--background FASTA's sequences, none (default with --sequences).")
    EncodeSettings.Negatives negatives;

    @Option(names = "--neg-ratio", defaultValue = "1.0",
            description = "Negatives per positive window (default: ${DEFAULT-VALUE}).")
    double negRatio;

    @Option(names = "--valid-chroms", split = ",", paramLabel = "CHROM[,CHROM...]",
            description = "Validation chromosomes (default: chr7 when the genome has it).")
    List<String> validChroms;

    @Option(names = "--test-chroms", split = ",", paramLabel = "CHROM[,CHROM...]",
            description = "Test chromosomes (default: chr8,chr9 when the genome has them). Without the defaults, "
                    + "whole chromosomes (>= 3) or 100 kb blocks are drawn with --valid-frac/--test-frac.")
    List<String> testChroms;

    @Option(names = "--valid-frac", defaultValue = "0.1",
            description = "Validation share for random splits (default: ${DEFAULT-VALUE}).")
    double validFrac;

    @Option(names = "--test-frac", defaultValue = "0.2",
            description = "Test share for random splits (default: ${DEFAULT-VALUE}).")
    double testFrac;

    @Option(names = "--blacklist", paramLabel = "BED",
            description = "Regions never used as negatives (e.g. the ENCODE blacklist).")
    Path blacklist;

    @Option(names = "--max-n", defaultValue = "0.1",
            description = "Drop windows whose share of non-ACGT bases exceeds this (default: ${DEFAULT-VALUE}).")
    double maxN;

    @Option(names = "--edge", defaultValue = "shift", paramLabel = "shift|drop",
            description = "Windows running off a chromosome end are shifted inside or dropped "
                    + "(default: ${DEFAULT-VALUE}).")
    EncodeSettings.Edge edge;

    @Option(names = "--ambiguous", defaultValue = "negative", paramLabel = "negative|exclude|mask",
            description = "A task whose peak overlaps a window but not its centre: label 0 (Basset-style), exclude "
                    + "the window (ENCODE-style), or mask the label as NaN (default: ${DEFAULT-VALUE}).")
    EncodeSettings.Ambiguous ambiguous;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        boolean peakMode = !peaks.isEmpty() || samplesheet != null;
        if (peakMode == (sequences != null)) {
            throw new CommandLine.ParameterException(cl, "give either --peaks/--samplesheet with --genome, or --sequences");
        }
        if (!peaks.isEmpty() && samplesheet != null) {
            throw new CommandLine.ParameterException(cl, "give --peaks or --samplesheet, not both");
        }
        require(negRatio >= 0 && negRatio <= 1000, "--neg-ratio must be between 0 and 1000");
        require(validFrac >= 0 && testFrac >= 0 && validFrac + testFrac < 1,
                "--valid-frac and --test-frac must be >= 0 and sum to less than 1");
        require(maxN >= 0 && maxN <= 1, "--max-n must be in [0, 1]");
        if (validChroms != null && testChroms != null) {
            for (String chrom : validChroms) {
                require(!testChroms.contains(chrom), "chromosome " + chrom + " is in both --valid-chroms and --test-chroms");
            }
        }
        require(width == null || (width >= 1 && width <= 10_000_000), "--width must be between 1 and 10,000,000");
        if (peakMode) {
            require(genome != null, "--genome is required with --peaks/--samplesheet");
            require(width != null, "--width is required with --peaks/--samplesheet");
            require(background == null && negatives != EncodeSettings.Negatives.background,
                    "--background applies to --sequences; with peaks, negatives come from the genome (--negatives gc)");
            EncodeSettings settings = settings(negatives == null ? EncodeSettings.Negatives.gc : negatives);
            List<TaskPeaks> tasks = readTasks();
            IntervalSet excluded = blacklist == null ? IntervalSet.empty() : IntervalSet.ofPeaks(PeakReader.read(blacklist, true));
            GenomeIndex index = GenomeIndex.of(genome);
            long longest = index.lengths().values().stream().mapToLong(Long::longValue).max().orElse(0);
            require(width <= longest, "--width " + width + " exceeds the longest sequence in " + genome + " ("
                    + longest + " bp)");
            new PeakEncoder(settings, tasks, index, excluded).encode(out);
        } else {
            require(genome == null, "--genome is not used with --sequences");
            require(blacklist == null && validChroms == null && testChroms == null,
                    "--blacklist, --valid-chroms and --test-chroms apply to peaks, not --sequences");
            EncodeSettings.Negatives mode = negatives != null ? negatives
                    : background != null ? EncodeSettings.Negatives.background : EncodeSettings.Negatives.none;
            require(mode != EncodeSettings.Negatives.gc,
                    "--negatives gc needs a genome; use shuffle, background or none with --sequences");
            require((mode == EncodeSettings.Negatives.background) == (background != null), background != null
                    ? "--background gives the negatives: leave out --negatives " + mode
                    : "--negatives background needs --background FASTA");
            new SequenceEncoder(settings(mode), width, background).encode(sequences, out);
        }
        return ExitCodes.OK;
    }

    private EncodeSettings settings(EncodeSettings.Negatives mode) {
        return new EncodeSettings(width == null ? 0 : width, mode, negRatio, maxN, edge, ambiguous, seed.value, validChroms,
                testChroms, validFrac, testFrac, blacklist);
    }

    private List<TaskPeaks> readTasks() {
        List<TaskPeaks> tasks = new ArrayList<>();
        if (samplesheet != null) {
            for (Samplesheet.Entry entry : Samplesheet.read(samplesheet)) {
                tasks.add(TaskPeaks.of(entry.task(), entry.peaks(), PeakReader.read(entry.peaks())));
            }
            return tasks;
        }
        Set<String> names = new HashSet<>();
        for (Path file : peaks) {
            String name = TextInput.stem(file);
            if (!names.add(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "two peak files give the task name '"
                        + name + "'; rename one or use --samplesheet");
            }
            tasks.add(TaskPeaks.of(name, file, PeakReader.read(file)));
        }
        return tasks;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
