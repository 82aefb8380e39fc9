package org.regulens.simulate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.io.OutputDirectory;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;
import org.regulens.options.Output;
import org.regulens.options.RandomSeed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens simulate}: planted-motif data with known ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulate data with planted motifs and known ground truth.",
            "genome mode writes genome.fa(.fai), one TASK.narrowPeak.gz per task, planted.bed and samplesheet.csv;",
            "sequences mode writes sequences.tsv, truth.npy (N x L, 1 on planted core-motif bases) and planted.tsv."
        })
public final class SimulateCommand implements Callable<Integer> {

    enum Mode { genome, sequences }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", defaultValue = "genome", description = "genome or sequences (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--motifs", defaultValue = MotifDatabase.JASPAR2024, paramLabel = "FILE",
            description = "Motif file (MEME, JASPAR or TRANSFAC), or JASPAR2024 for the bundled JASPAR 2024 CORE "
                    + "vertebrates non-redundant set (default: ${DEFAULT-VALUE}).")
    String motifs;

    @Option(names = "--task", paramLabel = "NAME=MOTIF[+MOTIF...]",
            description = "A task and its motifs (ids like MA0139.2 or unique names like CTCF); the first is the "
                    + "primary motif, the others co-occurring partners. Repeatable; at least one --task or --pair.")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "NAME=A+B@GAP[/OO]",
            description = "Sequences mode: a cooperative-pair task. Positives carry motif A, then GAP bases, then "
                    + "motif B, on the strands OO gives (++ default, +-, -+, --); negatives carry, one of four at random, "
                    + "neither, A alone, B alone or both at another gap (0..2*GAP+10, at least 3 off GAP). Repeatable; label columns follow "
                    + "the --task columns.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--decoy", paramLabel = "MOTIF",
            description = "A decoy motif planted regardless of labels: genome mode plants it genome-wide independent "
                    + "of peaks; sequences mode plants it in each sequence with probability 1/2.")
    String decoy;

    @Output
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @CommandLine.Mixin
    RandomSeed seed;

    @CommandLine.ArgGroup(validate = false, heading = "%nGenome mode:%n")
    GenomeOptions genome = new GenomeOptions();

    @CommandLine.ArgGroup(validate = false, heading = "%nSequences mode:%n")
    SequenceOptions sequence = new SequenceOptions();

    static final class GenomeOptions {
        @Option(names = "--chroms", defaultValue = "10",
                description = "Number of chromosomes, named chr1, chr2, ... (default: ${DEFAULT-VALUE}).")
        int chromosomes = 10;

        @Option(names = "--chrom-length", defaultValue = "100000",
                description = "Mean chromosome length; with several chromosomes each varies by up to 30%% "
                        + "(default: ${DEFAULT-VALUE}).")
        int chromosomeLength = 100_000;

        @Option(names = "--peaks", defaultValue = "300", description = "Peaks per task (default: ${DEFAULT-VALUE}).")
        int peaks = 300;

        @Option(names = "--motif-fraction", defaultValue = "0.9",
                description = "Fraction of peaks that carry the primary motif (default: ${DEFAULT-VALUE}).")
        double motifFraction = 0.9;

        @Option(names = "--partner-rate", defaultValue = "0.5",
                description = "Probability that a partner motif sits next to a primary instance "
                        + "(default: ${DEFAULT-VALUE}).")
        double partnerRate = 0.5;

        @Option(names = "--decoy-count", paramLabel = "N",
                description = "Decoy instances planted genome-wide (default: as many as peaks per task).")
        Integer decoyCount;

        @Option(names = "--genome-gc", defaultValue = "0.41",
                description = "Mean GC content of the background; segments vary around it "
                        + "(default: ${DEFAULT-VALUE}, as in the human genome).")
        double gc = 0.41;
    }

    static final class SequenceOptions {
        @Option(names = "--count", defaultValue = "20000", description = "Number of sequences (default: ${DEFAULT-VALUE}).")
        int count = 20_000;

        @Option(names = "--length", defaultValue = "200", description = "Sequence length (default: ${DEFAULT-VALUE}).")
        int length = 200;

        @Option(names = "--min-instances", defaultValue = "3",
                description = "Fewest motif instances per sequence (default: ${DEFAULT-VALUE}).")
        int minInstances = 3;

        @Option(names = "--max-instances", defaultValue = "7",
                description = "Most motif instances per sequence (default: ${DEFAULT-VALUE}).")
        int maxInstances = 7;

        @Option(names = "--positive-rate", defaultValue = "0.5",
                description = "Probability that a sequence is positive for each task (default: ${DEFAULT-VALUE}).")
        double positiveRate = 0.5;

        @Option(names = "--pool-size", defaultValue = "20",
                description = "Distractor motifs drawn from the motif file for negatives (default: ${DEFAULT-VALUE}).")
        int poolSize = 20;

        @Option(names = "--sequence-gc", defaultValue = "0.5",
                description = "GC content of the random background (default: ${DEFAULT-VALUE}).")
        double gc = 0.5;
    }

    @Override
    public Integer call() {
        validate();
        List<Motif> database = MotifDatabase.resolve(motifs);
        List<TaskSpec> specs = new ArrayList<>();
        HashSet<String> names = new HashSet<>();
        for (String text : tasks) {
            TaskSpec task;
            try {
                task = TaskSpec.parse(text, database, motifs);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!names.add(task.name())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "task '" + task.name() + "' given twice");
            }
            specs.add(task);
        }
        require(mode == Mode.sequences || pairs.isEmpty(), spec.commandLine(), "--pair works in --mode sequences only");
        List<PairSpec> pairSpecs = new ArrayList<>();
        for (String text : pairs) {
            PairSpec pair;
            try {
                pair = PairSpec.parse(text, database, motifs);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!names.add(pair.name())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "task '" + pair.name() + "' given twice");
            }
            require(pair.span(pair.maxNegativeGap()) <= sequence.length, spec.commandLine(), "--pair " + text
                    + ": its widest arrangement (" + pair.span(pair.maxNegativeGap()) + " bp) does not fit in --length "
                    + sequence.length);
            pairSpecs.add(pair);
        }
        require(!specs.isEmpty() || !pairSpecs.isEmpty(), spec.commandLine(), "give at least one --task or --pair");
        Motif decoyMotif = decoy == null ? null : MotifDatabase.byId(database, decoy, motifs);
        if (mode == Mode.sequences) {
            for (TaskSpec task : specs) {
                for (Motif motif : task.motifs()) {
                    require(motif.width() <= sequence.length, spec.commandLine(), "motif " + motif.id() + " ("
                            + motif.width() + " bp) does not fit in --length " + sequence.length);
                }
            }
        }
        try (OutputDirectory output = OutputDirectory.create(out)) {
            if (mode == Mode.genome) {
                int decoys = genome.decoyCount != null ? genome.decoyCount : genome.peaks;
                GenomeSimulator.Result result = new GenomeSimulator(new GenomeSimulator.Settings(genome.chromosomes,
                        genome.chromosomeLength, genome.peaks, genome.gc, genome.motifFraction, genome.partnerRate,
                        decoys, seed.value)).run(specs, decoyMotif);
                SimulationWriter.writeGenome(output, result);
                Log.info("simulated %d chromosomes (%,d bp), %s peaks, %,d planted motif instances in %s",
                        result.genome().size(), result.genome().stream().mapToLong(c -> c.length()).sum(),
                        result.peaks().values().stream().mapToInt(List::size).sum(), result.sites().size(), out);
            } else {
                List<Motif> pool;
                try {
                    List<TaskSpec> avoided = new ArrayList<>(specs);
                    pairSpecs.forEach(p -> avoided.add(p.asTask()));
                    if (decoyMotif != null) {
                        avoided.add(new TaskSpec("decoy", List.of(decoyMotif)));
                    }
                    pool = new ArrayList<>(SequenceSimulator.choosePool(database, avoided, sequence.poolSize, seed.value));
                } catch (IllegalArgumentException e) {
                    throw new RegulensException(motifs + ": " + e.getMessage());
                }
                SequenceSimulator.Result result = new SequenceSimulator(new SequenceSimulator.Settings(sequence.count,
                        sequence.length, sequence.minInstances, sequence.maxInstances, sequence.positiveRate,
                        sequence.gc, seed.value)).run(specs, pairSpecs, pool, decoyMotif);
                List<TaskSpec> columns = new ArrayList<>(specs);
                pairSpecs.forEach(p -> columns.add(p.asTask()));
                SimulationWriter.writeSequences(output, result, columns);
                Log.info("simulated %,d sequences of %d bp with %,d planted motif instances in %s",
                        result.names().size(), sequence.length, result.sites().size(), out);
            }
            output.commit();
        }
        return ExitCodes.OK;
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        require(genome.chromosomes >= 1, cl, "--chroms must be at least 1");
        require(genome.chromosomeLength >= 10_000 && genome.chromosomeLength <= 500_000_000, cl,
                "--chrom-length must be between 10,000 and 500,000,000");
        require(genome.peaks >= 1, cl, "--peaks must be at least 1");
        require(genome.motifFraction >= 0 && genome.motifFraction <= 1, cl, "--motif-fraction must be in [0, 1]");
        require(genome.partnerRate >= 0 && genome.partnerRate <= 1, cl, "--partner-rate must be in [0, 1]");
        require(genome.decoyCount == null || genome.decoyCount >= 0, cl, "--decoy-count must be >= 0");
        require(genome.gc > 0 && genome.gc < 1, cl, "--genome-gc must be in (0, 1)");
        require(sequence.count >= 1, cl, "--count must be at least 1");
        require(sequence.length >= 20, cl, "--length must be at least 20");
        require(sequence.minInstances >= 1 && sequence.maxInstances >= sequence.minInstances, cl,
                "--min-instances and --max-instances must satisfy 1 <= min <= max");
        require(sequence.positiveRate >= 0 && sequence.positiveRate <= 1, cl, "--positive-rate must be in [0, 1]");
        require(sequence.poolSize >= 1, cl, "--pool-size must be at least 1");
        require(sequence.gc > 0 && sequence.gc < 1, cl, "--sequence-gc must be in (0, 1)");
    }

    private static void require(boolean condition, CommandLine cl, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(cl, message);
        }
    }
}
