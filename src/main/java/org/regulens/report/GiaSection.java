package org.regulens.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Global importance analysis ({@code regulens gia} tables): per table and task, the mean change of the logit
 * against position, gap, copies, GC percent or flank pair, one curve per series (motif or orientation), and each curve's strongest condition
 * with its bootstrap 95% CI.
 */
final class GiaSection {

    static final String ID = "gia";

    private GiaSection() {
    }

    static List<TsvTable> read(List<Path> files) {
        List<TsvTable> tables = new ArrayList<>();
        for (Path file : files) {
            TsvTable table = TsvTable.read(file, "experiment", "task", "condition", "series", "x", "n",
                    "mean_logit", "ci_low_logit", "ci_high_logit");
            for (TsvTable.Row row : table.rows()) {
                row.number("x");
                row.number("mean_logit");
                row.number("ci_low_logit");
                row.number("ci_high_logit");
            }
            tables.add(table);
        }
        return tables;
    }

    /** The x axis of an experiment's plot. */
    static String axis(String experiment) {
        return switch (experiment) {
            case "distance" -> "gap (bases)";
            case "multiplicity" -> "copies";
            case "gc" -> "GC (%)";
            case "flanks" -> "flank pair";
            default -> "position";
        };
    }

    static String render(List<TsvTable> tables) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Global importance analysis"));
        out.append("<p>Mean change of each task's logit when a motif (or a pair) is embedded into background "
                + "sequences, f(embedded) &minus; f(background), against its position, the gap between the pair, "
                + "the number of copies, the GC percent of generated backgrounds (where the series "
                + "'background' is the backgrounds' own mean logit, not a change) or the flank pair (numbered; "
                + "the table names the strongest).</p>\n");
        List<String[]> peaks = new ArrayList<>();
        int plot = 0;
        for (TsvTable table : tables) {
            String name = table.file().getFileName().toString();
            Map<String, Map<String, List<TsvTable.Row>>> byTask = new LinkedHashMap<>();
            for (TsvTable.Row row : table.rows()) {
                byTask.computeIfAbsent(row.get("task"), t -> new LinkedHashMap<>())
                        .computeIfAbsent(row.get("series"), s -> new ArrayList<>()).add(row);
            }
            out.append("<div class=\"plots\">");
            for (Map.Entry<String, Map<String, List<TsvTable.Row>>> task : byTask.entrySet()) {
                String experiment = task.getValue().values().iterator().next().get(0).get("experiment");
                SvgLinePlot svg = new SvgLinePlot("gia-" + plot++, axis(experiment) + " — " + name + ", "
                        + task.getKey(), "gc".equals(experiment) ? "mean change of logit; background: mean logit"
                        : "mean change of logit");
                for (Map.Entry<String, List<TsvTable.Row>> series : task.getValue().entrySet()) {
                    List<TsvTable.Row> rows = series.getValue();
                    boolean baseline = "gc".equals(experiment) && "background".equals(series.getKey());
                    svg.add(series.getKey(), rows.stream().mapToDouble(r -> r.number("x")).toArray(),
                            rows.stream().mapToDouble(r -> r.number("mean_logit")).toArray());
                    TsvTable.Row top = rows.get(0);
                    for (TsvTable.Row row : rows) {
                        if (row.number("mean_logit") > top.number("mean_logit")) {
                            top = row;
                        }
                    }
                    if (baseline) {
                        continue; // the backgrounds' own prediction, not an effect: drawn, not ranked
                    }
                    peaks.add(new String[] {Html.esc(name), Html.esc(task.getKey()), Html.esc(series.getKey()),
                        Html.esc(top.get("condition")), Html.num(top.number("mean_logit")),
                        Html.num(top.number("ci_low_logit")) + " &ndash; " + Html.num(top.number("ci_high_logit")),
                        Html.esc(top.get("n"))});
                }
                out.append(svg.render());
            }
            out.append("</div>\n");
        }
        out.append(Section.table("gia-peaks", new String[] {"table", "task", "series", "strongest condition",
            "mean change (logit)", "95% CI", "n"}, peaks));
        return out.append(Section.close()).toString();
    }
}
