package org.regulens.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;
import org.regulens.motif.MotifReader;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens compare}: Tomtom-like matching of query motifs against a motif database. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Match query motifs against a motif database as Tomtom does (Gupta et al. 2007): every offset with a "
                    + "minimum overlap, on both strands; query columns the target does not cover score at their "
                    + "median score against all database columns (complete score).",
            "p-value: exact null of the summed binned column scores (each query column against a column drawn "
                    + "uniformly from all database columns, both strands), the best offset's p corrected for the "
                    + "n offsets tried on 2 strands as 1 - (1 - p)^(2n). E-value = p x number of targets. "
                    + "q-value: Benjamini-Hochberg over all query x target p-values of the run.",
            "Columns are probabilities with a pseudocount of 0.1 (a total, spread evenly over the bases)."
        })
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--query", required = true, paramLabel = "Q.meme",
            description = "Query motifs (MEME, JASPAR or TRANSFAC). A MEME file without motifs (motifs found no "
                    + "pattern) gives a table with only its header.")
    Path query;

    @Option(names = "--target", defaultValue = MotifDatabase.JASPAR2024, paramLabel = "DB",
            description = "Target motifs: JASPAR2024 (bundled) or a MEME, JASPAR or TRANSFAC file "
                    + "(default: ${DEFAULT-VALUE}).")
    String target;

    @Output
    @Option(names = "--out", required = true, paramLabel = "MATCHES.tsv",
            description = "Matches (Tomtom's TSV columns plus Target_name).")
    Path out;

    @Option(names = "--similarity", defaultValue = "pearson", paramLabel = "pearson|euclidean|sw",
            description = "Column score: Pearson correlation, negative Euclidean distance or "
                    + "Sandelin-Wasserman 2 - sum (p - q)^2 (default: ${DEFAULT-VALUE}).")
    String similarity;

    @Option(names = "--min-overlap", defaultValue = "5",
            description = "Least number of aligned columns; a narrower motif must overlap entirely "
                    + "(default: ${DEFAULT-VALUE}).")
    int minOverlap;

    @Option(names = "--thresh", defaultValue = "0.5",
            description = "Report matches with q-value (E-value with --evalue) at most this (default: ${DEFAULT-VALUE}).")
    double thresh;

    @Option(names = "--evalue", description = "Apply --thresh to E-values instead of q-values.")
    boolean evalue;

    @Option(names = "--max-matches", paramLabel = "N",
            description = "Report at most N matches per query, the best (default: all that pass --thresh).")
    Integer maxMatches;

    @Option(names = "--bins", defaultValue = "100",
            description = "Grid points for binning column scores, spanning each query's lowest to highest "
                    + "score against the database (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--threads", defaultValue = "2",
            description = "Queries compared at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        ColumnSimilarity measure = parseSimilarity();
        if (minOverlap < 1) {
            throw usage("--min-overlap must be at least 1");
        }
        if (!(thresh > 0) || Double.isInfinite(thresh)) {
            throw usage("--thresh must be a positive number");
        }
        if (maxMatches != null && maxMatches < 1) {
            throw usage("--max-matches must be at least 1");
        }
        if (bins < 10 || bins > 100_000) {
            throw usage("--bins must be between 10 and 100000");
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1");
        }
        List<Motif> queries = MotifReader.readFileAllowingNoMotifs(query).motifs();
        List<Motif> targets = MotifDatabase.resolve(target); // read even without queries: a bad --target is an error
        if (queries.isEmpty()) {
            // motifs found no pattern: an empty result, not a failure, so that a pipeline run goes on
            MatchTable.writeEmpty(out);
            Log.warn("no query motifs in %s: empty table", query);
            return ExitCodes.OK;
        }
        Log.info("comparing %d query motifs with %d targets (%s, %s similarity, min overlap %d)", queries.size(),
                targets.size(), target, similarity, minOverlap);
        long start = System.nanoTime();
        Comparison comparison = Comparison.run(queries, targets, measure, minOverlap, bins, threads);
        int rows = MatchTable.write(out, comparison, thresh, evalue, maxMatches);
        Log.info("%d matches with %s <= %s written to %s (%.1f s)", rows, evalue ? "E-value" : "q-value",
                thresh, out, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    private ColumnSimilarity parseSimilarity() {
        return switch (similarity.toLowerCase(Locale.ROOT)) {
            case "pearson" -> ColumnSimilarity.PEARSON;
            case "euclidean" -> ColumnSimilarity.EUCLIDEAN;
            case "sw" -> ColumnSimilarity.SW;
            default -> throw usage("--similarity must be pearson, euclidean or sw, not '" + similarity + "'");
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
