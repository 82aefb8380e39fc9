package org.regulens.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.regulens.core.Progress;
import org.regulens.motif.Motif;

/**
 * Every query against every target: the best alignment of each pair ({@link MotifComparer}), E-values
 * (p × number of targets) and Benjamini–Hochberg q-values over all query × target p-values of the run.
 * Queries are spread over a few threads; results do not depend on how many.
 */
public final class Comparison {

    private final List<Motif> queries;
    private final List<Motif> targets;
    private final List<List<Match>> matches;
    private final double[][] qValues;

    private Comparison(List<Motif> queries, List<Motif> targets, List<List<Match>> matches) {
        this.queries = queries;
        this.targets = targets;
        this.matches = matches;
        double[] p = new double[queries.size() * targets.size()];
        for (int q = 0; q < queries.size(); q++) {
            for (int t = 0; t < targets.size(); t++) {
                p[q * targets.size() + t] = matches.get(q).get(t).pValue();
            }
        }
        double[] all = org.regulens.core.FalseDiscovery.benjaminiHochberg(p);
        qValues = new double[queries.size()][targets.size()];
        for (int q = 0; q < queries.size(); q++) {
            System.arraycopy(all, q * targets.size(), qValues[q], 0, targets.size());
        }
    }

    /**
     * @param minOverlap least number of aligned columns (a motif narrower than this must overlap entirely)
     * @param bins       grid points per query for binning column scores
     * @param threads    queries compared at once
     */
    public static Comparison run(List<Motif> queries, List<Motif> targets, ColumnSimilarity similarity,
                                 int minOverlap, int bins, int threads) {
        TargetColumns pool = new TargetColumns(targets, similarity);
        MotifComparer comparer = new MotifComparer(pool, similarity, minOverlap, bins);
        List<List<Match>> matches = new ArrayList<>(queries.size());
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "compare");
            thread.setDaemon(true);
            return thread;
        });
        try (Progress progress = new Progress("compare", queries.size(), "queries")) {
            List<Future<List<Match>>> futures = new ArrayList<>(queries.size());
            for (int q = 0; q < queries.size(); q++) {
                int index = q;
                futures.add(executor.submit(() -> comparer.compare(index, queries.get(index))));
            }
            // collected in query order; progress counts queries as their turn comes
            for (Future<List<Match>> future : futures) {
                matches.add(future.get());
                progress.advance(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            executor.shutdownNow();
        }
        return new Comparison(List.copyOf(queries), List.copyOf(targets), matches);
    }

    public List<Motif> queries() {
        return queries;
    }

    public List<Motif> targets() {
        return targets;
    }

    /** The best match of query q with each target, in target order. */
    public List<Match> matches(int q) {
        return matches.get(q);
    }

    public double qValue(Match match) {
        return qValues[match.query()][match.target()];
    }

    /** p × the number of targets (Tomtom's E-value). */
    public double eValue(Match match) {
        return match.pValue() * targets.size();
    }

    /**
     * Query q's matches that pass: q-value (or, with {@code byEValue}, E-value) at most {@code threshold}, best
     * p-value first (ties in target order), at most {@code maxMatches} of them (all when null).
     */
    public List<Match> reported(int q, double threshold, boolean byEValue, Integer maxMatches) {
        return matches.get(q).stream()
                .filter(m -> (byEValue ? eValue(m) : qValue(m)) <= threshold)
                .sorted(java.util.Comparator.comparingDouble(Match::pValue)
                        .thenComparing(Match::completeScore, java.util.Comparator.reverseOrder())
                        .thenComparingInt(Match::target))
                .limit(maxMatches == null ? Long.MAX_VALUE : maxMatches)
                .toList();
    }
}
