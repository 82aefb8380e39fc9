package org.regulens.report;

import java.nio.file.Path;
import java.util.List;

/** Training curves from the per-epoch log of {@code train}: losses, and validation auROC and auPR. */
final class TrainingSection {

    static final String ID = "training";

    private TrainingSection() {
    }

    static TsvTable read(Path file) {
        TsvTable table = TsvTable.read(file, "epoch", "train_loss");
        for (TsvTable.Row row : table.rows()) {
            row.number("epoch");
            row.number("train_loss");
            for (String optional : List.of("valid_loss", "valid_auroc", "valid_auprc")) {
                if (table.header().contains(optional)) {
                    row.number(optional);
                }
            }
        }
        return table;
    }

    static String render(TsvTable log) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Training"));
        List<TsvTable.Row> rows = log.rows();
        if (rows.isEmpty()) {
            return out.append("<p class=\"omitted\">The training log has no epochs.</p>\n").append(Section.close()).toString();
        }
        double[] epoch = column(rows, "epoch");
        SvgLinePlot loss = new SvgLinePlot("training-loss", "epoch", "loss").add("train loss", epoch, column(rows, "train_loss"));
        if (log.header().contains("valid_loss")) {
            loss.add("valid loss", epoch, column(rows, "valid_loss"));
        }
        out.append("<div class=\"plots\">").append(loss.render());
        if (log.header().contains("valid_auroc") || log.header().contains("valid_auprc")) {
            SvgLinePlot scores = new SvgLinePlot("training-scores", "epoch", "validation score");
            if (log.header().contains("valid_auroc")) {
                scores.add("valid auROC", epoch, column(rows, "valid_auroc"));
            }
            if (log.header().contains("valid_auprc")) {
                scores.add("valid auPR", epoch, column(rows, "valid_auprc"));
            }
            out.append(scores.render());
        }
        out.append("</div>\n");
        TsvTable.Row best = rows.get(rows.size() - 1);
        for (TsvTable.Row row : rows) {
            if ("true".equalsIgnoreCase(row.get("best"))) {
                best = row; // the last epoch marked best is the one the model file holds
            }
        }
        out.append("<p>").append(rows.size()).append(" epochs; ")
                .append(log.header().contains("best") ? "kept epoch " : "last epoch ").append(Html.esc(best.get("epoch")));
        for (String column : List.of("train_loss", "valid_loss", "valid_auroc", "valid_auprc")) {
            if (log.header().contains(column)) {
                out.append(", ").append(column.replace('_', ' ')).append(' ').append(Html.num(best.number(column)));
            }
        }
        return out.append(".</p>\n").append(Section.close()).toString();
    }

    private static double[] column(List<TsvTable.Row> rows, String name) {
        return rows.stream().mapToDouble(r -> r.number(name)).toArray();
    }
}
