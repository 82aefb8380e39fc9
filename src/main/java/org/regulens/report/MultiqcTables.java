package org.regulens.report;

import java.util.List;
import java.util.Locale;

/**
 * Side files for MultiQC's custom content: tab-separated tables whose names end in {@code _mqc.tsv}. MultiQC takes
 * every line starting with '#', drops that one character and reads the rest as one YAML document (custom_content.py,
 * {@code _find_file_header}): the section's id, title and description, {@code plot_type: 'table'}, and a
 * {@code headers:} mapping per column with its title, description, display format (Python format strings such as
 * {@code '{:,.3f}'}), range and colour scale. The first line after the comments names the columns; the first column
 * names the rows. Counts are written as integers, scores with a fixed number of decimals.
 */
public final class MultiqcTables {

    public static final String METRICS_FILE = "regulens_metrics_mqc.tsv";
    public static final String MOTIFS_FILE = "regulens_motifs_mqc.tsv";

    /** A column's header settings; min and max are null for an open range, scale null for no colouring. */
    record Column(String key, String title, String description, String format, Integer min, Integer max, String scale) {
        static Column score(String key, String title, String description) {
            return new Column(key, title, description, "{:,.3f}", 0, 1, "RdYlGn");
        }

        static Column count(String key, String title, String description) {
            return new Column(key, title, description, "{:,.0f}", 0, null, "Blues");
        }

        static Column text(String key, String title, String description) {
            return new Column(key, title, description, null, null, null, null);
        }
    }

    private MultiqcTables() {
    }

    static String metrics(List<PerformanceSection.TaskMetrics> tasks) {
        StringBuilder out = header("regulens_metrics", "regulens: model performance",
                "Per-task auROC and auPR of the model on the evaluated split (regulens evaluate).", List.of(
                        Column.score("auROC", "auROC", "Area under the ROC curve on the evaluated split"),
                        Column.score("auPR", "auPR", "Area under the precision-recall curve on the evaluated split"),
                        Column.count("positives", "Positives", "Positive rows of the task in the evaluated split"),
                        Column.count("negatives", "Negatives", "Negative rows of the task in the evaluated split")));
        out.append("task\tauROC\tauPR\tpositives\tnegatives\n");
        for (PerformanceSection.TaskMetrics t : tasks) {
            out.append(name(t.task())).append('\t').append(score(t.auroc())).append('\t').append(score(t.auprc()))
                    .append('\t').append(t.positives() < 0 ? "" : t.positives()).append('\t')
                    .append(t.negatives() < 0 ? "" : t.negatives()).append('\n');
        }
        return out.toString();
    }

    /**
     * One row per pattern that passed; a motif set in which no pattern passed gets one row saying so, with the seqlets
     * motifs found (0 when its folder does not say). The best match is one with q-value at most the report's
     * threshold, and none for a low-information pattern (noted in the last column).
     */
    static String motifs(List<MotifsSection.MotifSet> sets) {
        StringBuilder out = header("regulens_motifs", "regulens: discovered motifs",
                "Patterns found by regulens motifs with their seqlet counts and best match (regulens compare).", List.of(
                        Column.text("label", "Motif set", "Task and attribution method the patterns come from"),
                        Column.text("pattern", "Pattern", "Pattern name (pos_: positive contribution, neg_: negative)"),
                        Column.count("seqlets", "Seqlets", "Seqlets grouped into the pattern (no pattern passed: "
                                + "seqlets found)"),
                        Column.text("top_match", "Best match", "Database motif with the lowest p-value among matches "
                                + "with q-value at most report --match-q (compare)"),
                        Column.text("top_match_name", "Best match name", "Name of the best-matching motif"),
                        new Column("q_value", "q-value", "q-value of the best match", "{:.2e}", 0, 1, null),
                        Column.text("note", "Note", "low information: a mostly uninformative pattern, whose hits "
                                + "are not findings")));
        out.append("motif\tlabel\tpattern\tseqlets\ttop_match\ttop_match_name\tq_value\tnote\n");
        for (MotifsSection.MotifSet set : sets) {
            if (set.patterns().isEmpty()) {
                long found = set.summary() == null ? -1 : set.summary().seqlets();
                out.append(name(set.label())).append('\t').append(cell(set.label())).append("\tno pattern passed\t")
                        .append(Math.max(0, found)).append("\t\t\t\t\n");
            }
            for (MotifsSection.PatternInfo p : set.patterns()) {
                MotifsSection.MatchRow top = p.findings().isEmpty() ? null : p.findings().get(0);
                out.append(name(set.label() + "/" + p.name())).append('\t').append(cell(set.label())).append('\t')
                        .append(cell(p.name())).append('\t').append(p.seqlets()).append('\t')
                        .append(top == null ? "" : cell(top.target())).append('\t')
                        .append(top == null ? "" : cell(top.targetName())).append('\t')
                        .append(top == null ? "" : number(top.qValue())).append('\t')
                        .append(p.lowInformation() ? "low information" : "").append('\n');
            }
        }
        return out.toString();
    }

    private static StringBuilder header(String id, String section, String description, List<Column> columns) {
        StringBuilder out = new StringBuilder()
                .append("# id: '").append(id).append("'\n")
                .append("# section_name: '").append(yaml(section)).append("'\n")
                .append("# description: '").append(yaml(description)).append("'\n")
                .append("# plot_type: 'table'\n")
                .append("# pconfig:\n")
                .append("#     id: '").append(id).append("_table'\n")
                .append("#     title: '").append(yaml(section)).append("'\n")
                .append("# headers:\n");
        for (Column c : columns) {
            out.append("#     ").append(c.key()).append(":\n")
                    .append("#         title: '").append(yaml(c.title())).append("'\n")
                    .append("#         description: '").append(yaml(c.description())).append("'\n");
            if (c.format() != null) {
                out.append("#         format: '").append(c.format()).append("'\n");
            }
            if (c.min() != null) {
                out.append("#         min: ").append(c.min()).append('\n');
            }
            if (c.max() != null) {
                out.append("#         max: ").append(c.max()).append('\n');
            }
            out.append("#         scale: ").append(c.scale() == null ? "false" : "'" + c.scale() + "'").append('\n');
        }
        return out;
    }

    /** A single-quoted YAML scalar doubles its quotes. */
    private static String yaml(String text) {
        return text.replace("'", "''");
    }

    /** Tabs and line breaks from inputs would break the table; they become spaces. */
    private static String cell(String text) {
        return text.replaceAll("[\\t\\r\\n]", " ");
    }

    /**
     * A row name: MultiQC turns every cell that parses as a number into a float (a task "1" would show as "1.0")
     * and strips one pair of surrounding quotes from strings, so a number-like name is written quoted.
     */
    private static String name(String text) {
        String c = cell(text);
        try {
            Double.parseDouble(c.strip());
            return '"' + c + '"';
        } catch (NumberFormatException e) {
            return c;
        }
    }

    /** A score in [0, 1] with 4 decimals (the header's format shows 3); empty for NaN. */
    private static String score(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4g", value);
    }
}
