package org.regulens.filters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regulens.compare.ColumnSimilarity;
import org.regulens.compare.Comparison;
import org.regulens.compare.Match;
import org.regulens.motif.Motif;

/** A filter motif's best match in a motif database, by the same statistics as {@code regulens compare}. */
public record FilterMatch(String targetId, String targetName, double pValue, double qValue) {

    /** Minimum overlap and score bins: compare's defaults. */
    private static final int MIN_OVERLAP = 5;
    private static final int BINS = 100;

    /** Best match of each filter motif (by id), with q-values over all filter × database pairs. */
    public static Map<String, FilterMatch> best(List<Motif> filters, List<Motif> database) {
        Map<String, FilterMatch> best = new HashMap<>();
        if (filters.isEmpty()) {
            return best;
        }
        Comparison comparison = Comparison.run(filters, database, ColumnSimilarity.PEARSON, MIN_OVERLAP, BINS,
                Runtime.getRuntime().availableProcessors());
        for (int q = 0; q < filters.size(); q++) {
            List<Match> top = comparison.reported(q, 1.0, false, 1);
            if (!top.isEmpty()) {
                Match m = top.get(0);
                Motif target = database.get(m.target());
                best.put(filters.get(q).id(), new FilterMatch(target.id(), target.name(), m.pValue(), comparison.qValue(m)));
            }
        }
        return best;
    }
}
