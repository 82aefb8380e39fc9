package org.regulens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer first: one row per task and motif set (a task explained by two attribution methods has two rows) with
 * the task's best pattern as a small logo, its best database match and q-value, its seqlet count, and the model's
 * auROC and auPR on the evaluated split; then one line on the patterns of negative contribution across tasks.
 *
 * <p>A motif set belongs to the task its attribution file names (the {@code --attributions} of the same label), else
 * to the part of its label before the first '/' (the pipeline labels sets task/method). The best pattern is the
 * positive-contribution pattern with the most seqlets (the file's order breaks ties), a mostly uninformative one
 * ({@link PatternInformation}) only when no other is left; its match is the lowest-p match with q at most the
 * report's threshold, and a low-information pattern has none.
 */
final class KeyFindingsSection {

    static final String ID = "key-findings";

    private KeyFindingsSection() {
    }

    /** One row of the table, before rendering: metrics may be null (task not evaluated), set may be null (no --motifs). */
    record Row(String task, PerformanceSection.TaskMetrics metrics, MotifsSection.MotifSet set) {
    }

    /**
     * @param tasks       the evaluated tasks, in the metrics' order (empty without --metrics)
     * @param sets        the motif sets, in the order given
     * @param setTasks    the task of each set, by label
     */
    static List<Row> rows(List<PerformanceSection.TaskMetrics> tasks, List<MotifsSection.MotifSet> sets,
                          Map<String, String> setTasks) {
        List<Row> rows = new ArrayList<>();
        Map<String, List<MotifsSection.MotifSet>> byTask = new LinkedHashMap<>();
        for (MotifsSection.MotifSet set : sets) {
            byTask.computeIfAbsent(setTasks.get(set.label()), t -> new ArrayList<>()).add(set);
        }
        for (PerformanceSection.TaskMetrics t : tasks) {
            List<MotifsSection.MotifSet> own = byTask.remove(t.task());
            if (own == null) {
                rows.add(new Row(t.task(), t, null));
            } else {
                own.forEach(set -> rows.add(new Row(t.task(), t, set)));
            }
        }
        byTask.forEach((task, own) -> own.forEach(set -> rows.add(new Row(task, null, set))));
        return rows;
    }

    /** The positive pattern with the most seqlets, an informative one if any; empty if there is no positive one. */
    static Optional<MotifsSection.PatternInfo> best(MotifsSection.MotifSet set) {
        return set.patterns().stream().filter(p -> !"-".equals(p.sign().strip()))
                .max(Comparator.comparing((MotifsSection.PatternInfo p) -> !p.lowInformation())
                        .thenComparingInt(MotifsSection.PatternInfo::seqlets)
                        .thenComparing(p -> -set.patterns().indexOf(p)));
    }

    static String render(List<Row> rows, List<MotifsSection.MotifSet> sets, boolean haveMetrics, boolean haveMotifs) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Key findings"));
        if (rows.isEmpty()) {
            out.append("<p class=\"omitted\">Nothing to summarise: no --metrics and no --motifs given.</p>\n");
            return out.append(Section.close()).toString();
        }
        List<String> splits = rows.stream().filter(r -> r.metrics() != null).map(r -> r.metrics().split().strip())
                .filter(s -> !s.isEmpty()).distinct().toList();
        String split = splits.size() == 1 ? splits.get(0) + " " : "";
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(cells(r, haveMotifs));
        }
        out.append(Section.table("key-findings", new String[] {"task", "motif set", "best pattern", "best match (q-value)",
            "seqlets", split + "auROC", split + "auPR"}, cells));
        out.append("<p class=\"note\">Best pattern: the positive-contribution pattern with the most seqlets (a "
                + "low-information one only if no other); its seqlets of all seqlets in the set's patterns. Match: the "
                + "lowest p-value from compare among matches with q-value at most " + Html.num(matchQ(sets))
                + " (report --match-q).");
        if (!haveMetrics) {
            out.append(" No --metrics given: no auROC or auPR.");
        }
        out.append("</p>\n");
        if (haveMotifs) {
            out.append(negatives(sets));
        }
        return out.append(Section.close()).toString();
    }

    private static String[] cells(Row r, boolean haveMotifs) {
        String auroc = r.metrics() == null ? "&#8212;" : Html.num(r.metrics().auroc());
        String auprc = r.metrics() == null ? "&#8212;" : Html.num(r.metrics().auprc());
        MotifsSection.MotifSet set = r.set();
        if (set == null) {
            String why = haveMotifs ? "no motif set for this task" : "no --motifs given";
            return new String[] {Html.esc(r.task()), "&#8212;", "<span class=\"none\">" + why + "</span>", "", "", auroc, auprc};
        }
        Optional<MotifsSection.PatternInfo> best = best(set);
        if (best.isEmpty()) {
            String what = set.patterns().isEmpty() ? "no pattern passed" : "no positive pattern passed";
            String seqlets = set.seqlets() + " in " + set.patterns().size() + " pattern(s)";
            if (set.patterns().isEmpty() && set.summary() != null && set.summary().seqlets() >= 0) {
                seqlets += "; " + MotifsSection.seqletCount(set.summary()) + " found";
            }
            return new String[] {Html.esc(r.task()), Html.esc(set.label()), "<span class=\"none\">" + what + "</span>", "",
                seqlets, auroc, auprc};
        }
        MotifsSection.PatternInfo p = best.get();
        String pattern = "<span class=\"pattern-name\">" + Html.esc(p.name()) + "</span> <span class=\"consensus\">"
                + Html.esc(p.consensus()) + "</span>"
                + (p.lowInformation() ? " <span class=\"flag\">low information</span>" : "")
                + SvgLogo.render(p.cwm(), new SvgLogo.Style(9, 30, null, null), set.label() + " " + p.name() + " CWM");
        String seqlets = p.seqlets() + " of " + set.seqlets() + " in " + set.patterns().size() + " pattern(s)";
        return new String[] {Html.esc(r.task()), Html.esc(set.label()), pattern, match(set, p), seqlets, auroc, auprc};
    }

    private static String match(MotifsSection.MotifSet set, MotifsSection.PatternInfo p) {
        if (!set.hasMatches()) {
            return "<span class=\"none\">not compared (no matches.tsv)</span>";
        }
        if (p.lowInformation()) {
            return "<span class=\"none\">not a finding: low-information pattern</span>";
        }
        if (p.matches().isEmpty()) {
            return p.bestHit() == null ? "<span class=\"none\">no match</span>"
                    : "<span class=\"none\">no match; best hit, not significant: " + MotifsSection.hitName(p.bestHit())
                            + " (q = " + Html.num(p.bestHit().qValue()) + ")</span>";
        }
        MotifsSection.MatchRow m = p.matches().get(0);
        return "<span class=\"match-name\">" + Html.esc(m.target()) + "</span>"
                + (m.targetName().isBlank() ? "" : " " + Html.esc(m.targetName())) + " (q = " + Html.num(m.qValue()) + ")";
    }

    /** The sets' match threshold (one report has one); the default when there is no set. */
    private static double matchQ(List<MotifsSection.MotifSet> sets) {
        return sets.isEmpty() ? MotifsSection.DEFAULT_MATCH_Q : sets.get(0).matchQ();
    }

    /** One line naming the negative-contribution patterns of every set. */
    private static String negatives(List<MotifsSection.MotifSet> sets) {
        List<String> found = new ArrayList<>();
        for (MotifsSection.MotifSet set : sets) {
            for (MotifsSection.PatternInfo p : set.patterns()) {
                if ("-".equals(p.sign().strip())) {
                    String item = Html.esc(set.label()) + " " + Html.esc(p.name()) + " (" + p.seqlets() + " seqlets";
                    if (p.lowInformation()) {
                        item += ", low information";
                    } else if (!p.matches().isEmpty()) {
                        MotifsSection.MatchRow m = p.matches().get(0);
                        item += ", " + Html.esc(m.target()) + (m.targetName().isBlank() ? "" : " " + Html.esc(m.targetName()))
                                + " q = " + Html.num(m.qValue());
                    }
                    found.add(item + ")");
                }
            }
        }
        return "<p class=\"negatives\">Negative-contribution patterns across tasks: "
                + (found.isEmpty() ? "none." : found.size() + ": " + String.join("; ", found) + ".") + "</p>\n";
    }
}
