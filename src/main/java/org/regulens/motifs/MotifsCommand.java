package org.regulens.motifs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.data.GenomeCoordinates;
import org.regulens.io.OutputDirectory;
import org.regulens.options.Output;
import org.regulens.options.RandomSeed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens motifs}: TF-MoDISco-like motif discovery from contribution scores. */
@Command(name = "motifs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Discover the motifs a model uses from its contribution scores (TF-MoDISco-like): call seqlets against a "
                    + "permutation null, cluster them by shift- and strand-tolerant similarity, and aggregate each "
                    + "cluster into a pattern (CWM, hypothetical CWM, PPM).",
            "DIR receives patterns.meme (PPMs named pos_pattern_0, neg_pattern_0, ...), patterns_cwm.meme, "
                    + "patterns.npz, seqlets.tsv and, with --data from peaks, seqlets.bed, for the patterns that pass "
                    + "the rules (support, information >= 6 bits, coherence); patterns.tsv lists "
                    + "every candidate with passed and reason; summary.tsv counts seqlets and patterns."
        })
public final class MotifsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--attributions", required = true, paramLabel = "ATTR.npz",
            description = "Contributions: regulens attribute output (x, hyp, index), or a tfmodisco-lite-style "
                    + "hypothetical-contribution file (arr_0, N×4×L or N×L×4) with --sequences.")
    Path attributions;

    @Option(names = "--sequences", paramLabel = "OHE.npz",
            description = "One-hot sequences (arr_0) for a tfmodisco-lite-style contribution file.")
    Path sequences;

    @Option(names = "--data", paramLabel = "DATA.npz",
            description = "The data set the attributions came from (encode output); with peak coordinates it "
                    + "gives seqlets.bed in genome coordinates.")
    Path data;

    @Output
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--window", defaultValue = "21",
            description = "Seqlet core width in bases (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--flank", defaultValue = "5",
            description = "Bases added on each side of a seqlet core (default: ${DEFAULT-VALUE}).")
    int flank;

    @Option(names = "--fdr", defaultValue = "0.2",
            description = "Target false discovery rate of seqlet windows against the permutation null "
                    + "(default: ${DEFAULT-VALUE}).")
    double fdr;

    @Option(names = "--min-passing-fraction", defaultValue = "0",
            description = "Fewest windows per sign that become seqlet candidates, as a fraction of all windows "
                    + "(default: ${DEFAULT-VALUE}, none forced).")
    double minPassingFraction;

    @Option(names = "--max-passing-fraction", defaultValue = "0.2",
            description = "Most windows per sign that pass, as a fraction of all windows (default: ${DEFAULT-VALUE}).")
    double maxPassingFraction;

    @Option(names = "--max-seqlets", defaultValue = "2000",
            description = "Seqlets kept per sign, the strongest (default: ${DEFAULT-VALUE}).")
    int maxSeqlets;

    @Option(names = "--max-shift", defaultValue = "8",
            description = "Largest shift in bases when aligning seqlets (default: ${DEFAULT-VALUE}).")
    int maxShift;

    @Option(names = "--candidates", defaultValue = "100",
            description = "Nearest neighbours per seqlet from the coarse k-mer search (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--neighbours", defaultValue = "20",
            description = "Nearest neighbours per seqlet in the affinity graph (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--louvain-runs", defaultValue = "4",
            description = "Clustering runs with different seeds; the best modularity wins (default: ${DEFAULT-VALUE}).")
    int louvainRuns;

    @Option(names = "--min-seqlets", defaultValue = "20",
            description = "Patterns whose seqlets hold fewer different sequences are dropped (default: "
                    + "${DEFAULT-VALUE}).")
    int minSeqlets;

    @Option(names = "--trim-threshold", defaultValue = "0.3",
            description = "Core of a pattern: the positions whose summed |CWM| reaches this fraction of the largest; "
                    + "flanks that carry information are kept too (default: ${DEFAULT-VALUE}).")
    double trimThreshold;

    @Option(names = "--merge-similarity", defaultValue = "0.5",
            description = "Merge patterns whose CWMs align with at least this continuous Jaccard similarity "
                    + "(default: ${DEFAULT-VALUE}).")
    double mergeSimilarity;

    @CommandLine.Mixin
    RandomSeed seed;

    @Option(names = "--threads", description = "Worker threads (default: all processors).")
    Integer threads;

    @Override
    public Integer call() throws InterruptedException {
        DiscoverySettings settings = settings();
        ContributionScores scores = ContributionScores.read(attributions, sequences);
        Log.info("motifs: %,d examples of %d bp from %s", scores.examples(), scores.length(), attributions);
        GenomeCoordinates genome = genomeCoordinates(scores);
        if (scores.length() < settings.window()) {
            throw RegulensException.inFile(attributions, "examples of " + scores.length()
                    + " bp are shorter than the seqlet window (--window " + settings.window() + ")");
        }
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try (OutputDirectory output = OutputDirectory.create(out)) {
            MotifDiscovery.Result result = pool.submit(() -> new MotifDiscovery(settings).run(scores)).get();
            PatternWriter.write(output, scores, result, genome);
            output.commit();
            Log.info("motifs: %d patterns from %,d seqlets into %s", result.patterns().size(), result.seqlets().size(), out);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return ExitCodes.OK;
    }

    private GenomeCoordinates genomeCoordinates(ContributionScores scores) {
        if (data == null) {
            return null;
        }
        if (!GenomeCoordinates.available(data)) {
            Log.info("motifs: %s has no genome coordinates (not encoded from peaks): no seqlets.bed", data);
            return null;
        }
        GenomeCoordinates genome = GenomeCoordinates.read(data, "genome coordinates");
        for (int i = 0; i < scores.examples(); i++) {
            long row = scores.dataRow(i);
            if (row < 0 || row >= genome.rows()) {
                throw RegulensException.atRecord(attributions, "index[" + i + "]", "row " + row + " is not in "
                        + data + " (" + genome.rows() + " rows): were the attributions made from another data set?");
            }
            long span = genome.end((int) row) - genome.start((int) row);
            if (span != scores.length()) {
                throw RegulensException.atRecord(data, "row " + row, "spans " + span + " bp but the attributions "
                        + "have " + scores.length() + " bp per example: another data set?");
            }
        }
        return genome;
    }

    private DiscoverySettings settings() {
        require(window >= 5, "--window must be at least 5");
        require(flank >= 0, "--flank must be >= 0");
        require(fdr > 0 && fdr < 1, "--fdr must be in (0, 1)");
        require(minPassingFraction >= 0 && minPassingFraction <= 1, "--min-passing-fraction must be in [0, 1]");
        require(maxPassingFraction > 0 && maxPassingFraction <= 1, "--max-passing-fraction must be in (0, 1]");
        require(maxSeqlets > 0, "--max-seqlets must be positive");
        require(maxShift >= 0, "--max-shift must be >= 0");
        require(candidates > 0 && neighbours > 0, "--candidates and --neighbours must be positive");
        require(louvainRuns > 0, "--louvain-runs must be positive");
        require(minSeqlets > 0, "--min-seqlets must be positive");
        require(trimThreshold >= 0 && trimThreshold < 1, "--trim-threshold must be in [0, 1)");
        require(mergeSimilarity > 0 && mergeSimilarity <= 1, "--merge-similarity must be in (0, 1]");
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        require(workers > 0, "--threads must be positive");
        return new DiscoverySettings(window, flank, fdr, minPassingFraction, maxPassingFraction, maxSeqlets, maxShift,
                candidates, neighbours, louvainRuns, minSeqlets, trimThreshold, mergeSimilarity, seed.value, workers);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
