package org.regulens.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.regulens.io.AtomicOutput;
import org.regulens.motif.Motif;

/**
 * Writes matches as Tomtom's TSV (same columns and meaning) plus a trailing {@code Target_name} (the motif's
 * name, e.g. CTCF), atomically. Rows are streamed: each is built in a small reused buffer from the comparison's
 * primitive columns and passed on, so writing all 772,641 pairs of JASPAR against itself keeps no table in
 * memory. Numbers are written as {@code %.3e} by {@link ScientificFormat} (the same characters as
 * String.format); consensus strings are computed once per motif and orientation.
 */
final class MatchTable {

    static final String HEADER = "Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap"
            + "\tQuery_consensus\tTarget_consensus\tOrientation\tTarget_name";

    /** Characters gathered before they go to the writer. */
    private static final int CHUNK = 1 << 16;

    private MatchTable() {
    }

    /** @return the number of rows written */
    static int write(Path out, Comparison comparison, double threshold, boolean byEValue, Integer maxMatches) {
        try (AtomicOutput output = AtomicOutput.create(out)) {
            int rows;
            try (Writer w = output.writer()) {
                rows = write(w, comparison, threshold, byEValue, maxMatches);
            }
            output.commit();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The table with its header only: no query motifs, so nothing to match. */
    static void writeEmpty(Path out) {
        AtomicOutput.writeString(out, HEADER + "\n");
    }

    /** The table (header first) to a writer; @return the number of rows written */
    static int write(Writer w, Comparison comparison, double threshold, boolean byEValue, Integer maxMatches)
            throws IOException {
        List<Motif> targets = comparison.targets();
        String[] forward = new String[targets.size()];
        String[] reverse = new String[targets.size()];
        MatchColumns columns = comparison.columns();
        ScientificFormat scientific = new ScientificFormat(3);
        StringBuilder row = new StringBuilder(CHUNK + 1024);
        row.append(HEADER).append('\n');
        int rows = 0;
        List<Motif> queries = comparison.queries();
        for (int q = 0; q < queries.size(); q++) {
            Motif query = queries.get(q);
            String queryConsensus = query.consensus();
            for (int t : comparison.reportedTargets(q, threshold, byEValue, maxMatches)) {
                Motif target = targets.get(t);
                boolean rc = columns.reverse(q, t);
                String targetConsensus = rc ? reverse[t] : forward[t];
                if (targetConsensus == null) {
                    targetConsensus = rc ? target.reverseComplement().consensus() : target.consensus();
                    (rc ? reverse : forward)[t] = targetConsensus;
                }
                double p = columns.pValue(q, t);
                row.append(query.id()).append('\t').append(target.id()).append('\t')
                        .append(columns.offset(q, t)).append('\t');
                scientific.append(row, p);
                row.append('\t');
                scientific.append(row, comparison.eValue(p));
                row.append('\t');
                scientific.append(row, comparison.qValue(q, t));
                row.append('\t').append(columns.overlap(q, t)).append('\t').append(queryConsensus).append('\t')
                        .append(targetConsensus).append('\t').append(rc ? '-' : '+').append('\t')
                        .append(target.name()).append(System.lineSeparator());
                rows++;
                if (row.length() >= CHUNK) {
                    w.append(row);
                    row.setLength(0);
                }
            }
        }
        w.append(row);
        return rows;
    }
}
