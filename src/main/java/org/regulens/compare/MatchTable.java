package org.regulens.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.regulens.io.AtomicOutput;
import org.regulens.motif.Motif;

/**
 * Writes matches as Tomtom's TSV (same columns and meaning) plus a trailing {@code Target_name} (the motif's
 * name, e.g. CTCF), atomically.
 */
final class MatchTable {

    static final String HEADER = "Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap"
            + "\tQuery_consensus\tTarget_consensus\tOrientation\tTarget_name";

    private MatchTable() {
    }

    /** @return the number of rows written */
    static int write(Path out, Comparison comparison, double threshold, boolean byEValue, Integer maxMatches) {
        int rows = 0;
        try (AtomicOutput output = AtomicOutput.create(out)) {
            try (Writer w = output.writer()) {
                w.write(HEADER + "\n");
                List<Motif> queries = comparison.queries();
                for (int q = 0; q < queries.size(); q++) {
                    Motif query = queries.get(q);
                    String queryConsensus = query.consensus();
                    for (Match m : comparison.reported(q, threshold, byEValue, maxMatches)) {
                        Motif target = comparison.targets().get(m.target());
                        Motif oriented = m.reverse() ? target.reverseComplement() : target;
                        w.write(String.format(Locale.ROOT, "%s\t%s\t%d\t%.3e\t%.3e\t%.3e\t%d\t%s\t%s\t%s\t%s%n",
                                query.id(), target.id(), m.offset(), m.pValue(), comparison.eValue(m),
                                comparison.qValue(m), m.overlap(), queryConsensus, oriented.consensus(),
                                m.orientation(), target.name()));
                        rows++;
                    }
                }
            }
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
