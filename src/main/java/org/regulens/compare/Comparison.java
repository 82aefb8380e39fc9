package org.regulens.compare;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Queries are spread over a few threads; results do not depend on how many. The pairs are kept as primitive
 * columns ({@link MatchColumns}); {@link Match} records are made only for what is asked.
 */
public final class Comparison {

    private final List<Motif> queries;
    private final List<Motif> targets;
    private final MatchColumns matches;
    private final QValues qValues;

    private Comparison(List<Motif> queries, List<Motif> targets, MatchColumns matches) {
        this.queries = queries;
        this.targets = targets;
        this.matches = matches;
        this.qValues = new QValues(matches.pValues());
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
        MatchColumns matches = new MatchColumns(queries.size(), targets.size());
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "compare");
            thread.setDaemon(true);
            return thread;
        });
        try (Progress progress = new Progress("compare", queries.size(), "queries")) {
            List<Future<?>> futures = new ArrayList<>(queries.size());
            for (int q = 0; q < queries.size(); q++) {
                int index = q;
                futures.add(executor.submit(() -> comparer.compare(index, queries.get(index), matches)));
            }
            // waited for in query order; progress counts queries as their turn comes
            for (Future<?> future : futures) {
                future.get();
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
        List<Match> list = new ArrayList<>(targets.size());
        for (int t = 0; t < targets.size(); t++) {
            list.add(matches.get(q, t));
        }
        return list;
    }

    public double qValue(Match match) {
        return qValues.of(match.pValue());
    }

    /** p × the number of targets (Tomtom's E-value). */
    public double eValue(Match match) {
        return eValue(match.pValue());
    }

    double qValue(int q, int t) {
        return qValues.of(matches.pValue(q, t));
    }

    double eValue(double pValue) {
        return pValue * targets.size();
    }

    MatchColumns columns() {
        return matches;
    }

    /**
     * Query q's matches that pass: q-value (or, with {@code byEValue}, E-value) at most {@code threshold}, best
     * p-value first (ties in target order), at most {@code maxMatches} of them (all when null).
     */
    public List<Match> reported(int q, double threshold, boolean byEValue, Integer maxMatches) {
        int[] reported = reportedTargets(q, threshold, byEValue, maxMatches);
        List<Match> list = new ArrayList<>(reported.length);
        for (int t : reported) {
            list.add(matches.get(q, t));
        }
        return list;
    }

    /**
     * The targets of {@link #reported}, in its order: best p-value first, then the higher complete score, then
     * target order.
     */
    int[] reportedTargets(int q, double threshold, boolean byEValue, Integer maxMatches) {
        double largestPassingP = byEValue ? Double.NaN : qValues.largestPassing(threshold);
        int[] passing = new int[targets.size()];
        int n = 0;
        for (int t = 0; t < targets.size(); t++) {
            double p = matches.pValue(q, t);
            if (byEValue ? eValue(p) <= threshold : p <= largestPassingP) {
                passing[n++] = t;
            }
        }
        sortTargets(q, passing, n);
        return Arrays.copyOf(passing, maxMatches == null ? n : Math.min(n, maxMatches));
    }

    /** Sorts targets[0..n) of query q: best p-value first, then the higher complete score, then target order. */
    private void sortTargets(int q, int[] targets, int n) {
        // merge sort on int indices: no boxing, stable (target order is also the last key)
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int left = 0; left < n - width; left += 2 * width) {
                int middle = left + width;
                int right = Math.min(left + 2 * width, n);
                System.arraycopy(targets, left, buffer, left, right - left);
                int a = left;
                int b = middle;
                int out = left;
                while (a < middle && b < right) {
                    targets[out++] = before(q, buffer[b], buffer[a]) ? buffer[b++] : buffer[a++];
                }
                while (a < middle) {
                    targets[out++] = buffer[a++];
                }
                while (b < right) {
                    targets[out++] = buffer[b++];
                }
            }
        }
    }

    /** Whether target a of query q is reported before target b. */
    private boolean before(int q, int a, int b) {
        int byP = Double.compare(matches.pValue(q, a), matches.pValue(q, b));
        if (byP != 0) {
            return byP < 0;
        }
        int byScore = Double.compare(matches.completeScore(q, b), matches.completeScore(q, a));
        return byScore != 0 ? byScore < 0 : a < b;
    }
}
