package org.regulens.compare;

import java.util.List;
import org.regulens.motif.Motif;

/**
 * The target motifs' columns on both strands, laid end to end in one pool: target t's forward columns start at
 * {@link #forwardStart(int)}, its reverse complement's at {@link #reverseStart(int)}. The pool is also the null
 * model's urn: a random target column is any of its columns, drawn uniformly (both strands, as Tomtom searches
 * the targets and their reverse complements).
 */
final class TargetColumns {

    private final List<Motif> targets;
    private final double[][] pool;
    /** The pool base by base, byBase[b][j] (what {@link ColumnSimilarity#scoreColumns} reads). */
    private final double[][] byBase;
    /** repeatedWeight[n]: 1/poolSize added to 0 n times in a row (every partial sum rounded, as a loop does). */
    private final double[] repeatedWeight;
    private final int[] forwardStart;
    private final int[] reverseStart;

    TargetColumns(List<Motif> targets, ColumnSimilarity similarity) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target motifs");
        }
        this.targets = List.copyOf(targets);
        int total = 0;
        for (Motif m : targets) {
            total += 2 * m.width();
        }
        pool = new double[total][];
        forwardStart = new int[targets.size()];
        reverseStart = new int[targets.size()];
        int next = 0;
        for (int t = 0; t < targets.size(); t++) {
            Motif m = targets.get(t);
            forwardStart[t] = next;
            next = append(MotifColumns.prepared(m, similarity), next);
            reverseStart[t] = next;
            next = append(MotifColumns.prepared(m.reverseComplement(), similarity), next);
        }
        byBase = MotifColumns.byBase(pool);
        repeatedWeight = new double[total + 1];
        double weight = 1.0 / total;
        for (int n = 1; n <= total; n++) {
            repeatedWeight[n] = repeatedWeight[n - 1] + weight;
        }
    }

    private int append(double[][] columns, int at) {
        System.arraycopy(columns, 0, pool, at, columns.length);
        return at + columns.length;
    }

    int size() {
        return targets.size();
    }

    Motif target(int t) {
        return targets.get(t);
    }

    int width(int t) {
        return targets.get(t).width();
    }

    /** Pool index of the first column of target t on the given strand. */
    int start(int t, boolean reverse) {
        return reverse ? reverseStart[t] : forwardStart[t];
    }

    int forwardStart(int t) {
        return forwardStart[t];
    }

    int reverseStart(int t) {
        return reverseStart[t];
    }

    /** Number of columns in the pool (both strands of every target). */
    int poolSize() {
        return pool.length;
    }

    /** All prepared pool columns base by base, [b][j] (shared, not a copy). */
    double[][] byBase() {
        return byBase;
    }

    /**
     * The pool weight 1/poolSize added to 0 n times in a row: what accumulating one weight per pool column gives
     * for n columns, whatever their order (every addend is the same number).
     */
    double repeatedWeight(int n) {
        return repeatedWeight[n];
    }

    /** A prepared pool column. */
    double[] column(int index) {
        return pool[index];
    }
}
