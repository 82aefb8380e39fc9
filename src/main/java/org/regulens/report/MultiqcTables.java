package org.regulens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Side files for MultiQC's custom content: tab-separated tables whose names end in {@code _mqc.tsv}, each starting
 * with commented {@code key: value} lines (YAML) that tell MultiQC the section's id, title, description and that it
 * is a table. The first column names the rows.
 */
public final class MultiqcTables {

    public static final String METRICS_FILE = "regulens_metrics_mqc.tsv";
    public static final String MOTIFS_FILE = "regulens_motifs_mqc.tsv";

    private MultiqcTables() {
    }

    static String metrics(List<PerformanceSection.TaskMetrics> tasks) {
        StringBuilder out = header("regulens_metrics", "regulens: model performance",
                "Per-task auROC and auPR of the model on the evaluated split (regulens evaluate).");
        out.append("task\tauROC\tauPR\tpositives\tnegatives\n");
        for (PerformanceSection.TaskMetrics t : tasks) {
            out.append(cell(t.task())).append('\t').append(number(t.auroc())).append('\t').append(number(t.auprc()))
                    .append('\t').append(t.positives() < 0 ? "" : t.positives()).append('\t')
                    .append(t.negatives() < 0 ? "" : t.negatives()).append('\n');
        }
        return out.toString();
    }

    static String motifs(List<MotifsSection.MotifSet> sets) {
        StringBuilder out = header("regulens_motifs", "regulens: discovered motifs",
                "Patterns found by regulens motifs with their seqlet counts and best match (regulens compare).");
        out.append("motif\tlabel\tpattern\tseqlets\ttop_match\ttop_match_name\tq_value\n");
        List<String> seen = new ArrayList<>();
        for (MotifsSection.MotifSet set : sets) {
            for (MotifsSection.PatternInfo p : set.patterns()) {
                String id = set.label() + "/" + p.name();
                seen.add(id);
                MotifsSection.MatchRow top = p.matches().isEmpty() ? null : p.matches().get(0);
                out.append(cell(id)).append('\t').append(cell(set.label())).append('\t').append(cell(p.name())).append('\t')
                        .append(p.seqlets()).append('\t').append(top == null ? "" : cell(top.target())).append('\t')
                        .append(top == null ? "" : cell(top.targetName())).append('\t')
                        .append(top == null ? "" : number(top.qValue())).append('\n');
            }
        }
        return out.toString();
    }

    private static StringBuilder header(String id, String section, String description) {
        return new StringBuilder()
                .append("# id: '").append(id).append("'\n")
                .append("# section_name: '").append(yaml(section)).append("'\n")
                .append("# description: '").append(yaml(description)).append("'\n")
                .append("# plot_type: 'table'\n");
    }

    /** A single-quoted YAML scalar doubles its quotes. */
    private static String yaml(String text) {
        return text.replace("'", "''");
    }

    /** Tabs and line breaks from inputs would break the table; they become spaces. */
    private static String cell(String text) {
        return text.replaceAll("[\\t\\r\\n]", " ");
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4g", value);
    }
}
