package org.regulens.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;

/**
 * Variant effects from {@code regulens variants}: per task, how many ALT alleles were scored and the
 * {@value #TOP} with the largest |logit_diff| (ties in file order), strongest losses and gains together.
 */
final class VariantsSection {

    static final String ID = "variants";
    static final int TOP = 20;

    /** One line of effects.tsv. */
    record Effect(String chrom, String pos, String id, String ref, String alt, double refProb, double altProb,
                  double logitDiff, double log2fc) {
    }

    /** The effects per task, in file order. */
    record Effects(Path file, Map<String, List<Effect>> byTask) {
    }

    private VariantsSection() {
    }

    static Effects read(Path file) {
        TsvTable table = TsvTable.read(file, "chrom", "pos", "id", "ref", "alt", "task", "ref_prob", "alt_prob",
                "logit_diff", "log2fc");
        Map<String, List<Effect>> byTask = new LinkedHashMap<>();
        for (TsvTable.Row row : table.rows()) {
            double diff = row.number("logit_diff");
            if (Double.isNaN(diff)) {
                throw RegulensException.atLine(file, row.line(), "logit_diff is NaN");
            }
            byTask.computeIfAbsent(row.get("task"), t -> new ArrayList<>()).add(new Effect(row.get("chrom"),
                    row.get("pos"), row.get("id"), row.get("ref"), row.get("alt"), row.number("ref_prob"),
                    row.number("alt_prob"), diff, row.number("log2fc")));
        }
        return new Effects(file, byTask);
    }

    /** The {@code count} effects with the largest |logit_diff|, the earlier line first among equals. */
    static List<Effect> top(List<Effect> effects, int count) {
        return effects.stream()
                .sorted(Comparator.comparingDouble((Effect e) -> -Math.abs(e.logitDiff())))
                .limit(count)
                .toList();
    }

    static String render(Effects effects) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Variant effects"));
        out.append("<p>From <code>").append(Html.esc(effects.file().getFileName().toString()))
                .append("</code>: the model's output for a window of the reference genome and one carrying the ALT "
                        + "allele, centred on the variant. logit difference = ALT − REF (before the sigmoid); "
                        + "log2FC = log2(p<sub>ALT</sub> / p<sub>REF</sub>). Strongest ").append(TOP)
                .append(" per task by |logit difference|.</p>\n");
        if (effects.byTask().isEmpty()) {
            out.append("<p>No variant was scored.</p>\n");
        }
        effects.byTask().forEach((task, list) -> {
            long losses = list.stream().filter(e -> e.logitDiff() <= -1).count();
            long gains = list.stream().filter(e -> e.logitDiff() >= 1).count();
            out.append("<h3>").append(Html.esc(task)).append(": ").append(list.size())
                    .append(" variant(s); ").append(losses).append(" with logit difference ≤ −1, ").append(gains)
                    .append(" ≥ 1</h3>\n");
            List<String[]> rows = new ArrayList<>();
            for (Effect e : top(list, TOP)) {
                rows.add(new String[] {Html.esc(e.chrom() + ":" + e.pos()), Html.esc(e.id()),
                        Html.esc(e.ref() + ">" + e.alt()), Html.num(e.refProb()), Html.num(e.altProb()),
                        Html.num(e.logitDiff()), Html.num(e.log2fc())});
            }
            out.append(Section.table("variants", new String[] {"variant", "id", "change", "p REF", "p ALT",
                    "logit difference", "log2FC"}, rows));
        });
        return out.append(Section.close()).toString();
    }
}
