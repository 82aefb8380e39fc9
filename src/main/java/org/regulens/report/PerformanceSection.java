package org.regulens.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;

/**
 * Test-set performance from {@code evaluate}: the metrics table and, from the curve files beside it
 * (METRICS.roc.tsv, METRICS.pr.tsv), each task's ROC and precision-recall curves.
 */
final class PerformanceSection {

    static final String ID = "performance";

    /** One task's scores, as in METRICS.tsv. */
    record TaskMetrics(String task, double auroc, double auprc, long positives, long negatives, String split) {
    }

    /** A curve as x and y arrays (fpr/tpr or recall/precision). */
    record Curve(double[] x, double[] y) {
    }

    /** The metrics and the curves per task (empty maps when the curve files are missing). */
    record Performance(Path file, List<TaskMetrics> tasks, Map<String, Curve> roc, Map<String, Curve> pr) {
    }

    private PerformanceSection() {
    }

    static Performance read(Path file) {
        TsvTable table = TsvTable.read(file, "task", "auroc", "auprc");
        List<TaskMetrics> tasks = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            if (row.get("task").isBlank()) {
                throw RegulensException.atLine(file, row.line(), "empty task name");
            }
            double auroc = row.number("auroc");
            double auprc = row.number("auprc");
            if (!Double.isNaN(auroc) && !(auroc >= 0 && auroc <= 1) || !Double.isNaN(auprc) && !(auprc >= 0 && auprc <= 1)) {
                throw RegulensException.atLine(file, row.line(), "auroc and auprc must lie in [0, 1]");
            }
            long pos = table.header().contains("n_pos") ? row.integer("n_pos") : -1;
            long neg = table.header().contains("n_neg") ? row.integer("n_neg") : -1;
            tasks.add(new TaskMetrics(row.get("task"), auroc, auprc, pos, neg, row.get("split")));
        }
        String stem = file.getFileName().toString().replaceFirst("\\.tsv$", "");
        Map<String, Curve> roc = curves(file.resolveSibling(stem + ".roc.tsv"), "fpr", "tpr");
        Map<String, Curve> pr = curves(file.resolveSibling(stem + ".pr.tsv"), "recall", "precision");
        return new Performance(file, tasks, roc, pr);
    }

    private static Map<String, Curve> curves(Path file, String xName, String yName) {
        Map<String, Curve> curves = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return curves;
        }
        TsvTable table = TsvTable.read(file, "task", xName, yName);
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (TsvTable.Row row : table.rows()) {
            double x = row.number(xName);
            double y = row.number(yName);
            if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
                throw RegulensException.atLine(file, row.line(), xName + " and " + yName + " must lie in [0, 1]");
            }
            points.computeIfAbsent(row.get("task"), t -> new ArrayList<>()).add(new double[] {x, y});
        }
        points.forEach((task, list) -> curves.put(task, new Curve(list.stream().mapToDouble(p -> p[0]).toArray(),
                list.stream().mapToDouble(p -> p[1]).toArray())));
        return curves;
    }

    static String render(Performance p) {
        return Section.open(ID, "Performance") + body(p, "") + Section.close();
    }

    /** The metrics table and the ROC/PR plots; {@code idPrefix} keeps plot ids unique when a page shows two. */
    static String body(Performance p, String idPrefix) {
        StringBuilder out = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        for (TaskMetrics t : p.tasks()) {
            rows.add(new String[] {Html.esc(t.task()), Html.esc(t.split()), Html.num(t.auroc()), Html.num(t.auprc()),
                t.positives() < 0 ? "" : Long.toString(t.positives()), t.negatives() < 0 ? "" : Long.toString(t.negatives())});
        }
        out.append(Section.table("metrics", new String[] {"task", "split", "auROC", "auPR", "positives", "negatives"}, rows));
        if (p.roc().isEmpty() && p.pr().isEmpty()) {
            out.append("<p class=\"omitted\">No curve files beside the metrics (METRICS.roc.tsv, METRICS.pr.tsv).</p>\n");
        }
        int index = 0;
        for (TaskMetrics t : p.tasks()) {
            Curve roc = p.roc().get(t.task());
            Curve pr = p.pr().get(t.task());
            if (roc == null && pr == null) {
                continue;
            }
            out.append("<h3>").append(Html.esc(t.task())).append(": auROC ").append(Html.num(t.auroc()))
                    .append(", auPR ").append(Html.num(t.auprc())).append("</h3>\n<div class=\"plots\">");
            if (roc != null) {
                out.append(new SvgLinePlot(idPrefix + "roc-" + index, "false positive rate", "true positive rate").unitSquare()
                        .withDiagonal().add("ROC " + t.task(), roc.x(), roc.y()).render());
            }
            if (pr != null) {
                out.append(new SvgLinePlot(idPrefix + "pr-" + index, "recall", "precision").unitSquare()
                        .add("PR " + t.task(), pr.x(), pr.y()).render());
            }
            out.append("</div>\n");
            index++;
        }
        return out.toString();
    }
}
