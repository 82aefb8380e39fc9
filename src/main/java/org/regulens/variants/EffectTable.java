package org.regulens.variants;

import static org.regulens.model.RegulensModel.sigmoid;

import java.util.List;
import java.util.Locale;

/**
 * Lines of effects.tsv: one per variant and task, with the ref and alt logits (strand-averaged when the model is),
 * their difference (alt − ref), the two probabilities and log2(p_alt / p_ref).
 */
public final class EffectTable {

    public static final List<String> COLUMNS = List.of("chrom", "pos", "id", "ref", "alt", "task", "ref_logit",
            "alt_logit", "logit_diff", "ref_prob", "alt_prob", "log2fc");

    private EffectTable() {
    }

    public static String header() {
        return String.join("\t", COLUMNS) + "\n";
    }

    public static String lines(Variant variant, List<String> tasks, float[] refLogits, float[] altLogits) {
        StringBuilder out = new StringBuilder();
        for (int t = 0; t < tasks.size(); t++) {
            double ref = refLogits[t];
            double alt = altLogits[t];
            out.append(variant.chrom()).append('\t').append(variant.pos()).append('\t').append(variant.id())
                    .append('\t').append(variant.ref()).append('\t').append(variant.alt()).append('\t')
                    .append(tasks.get(t));
            for (double value : new double[] {ref, alt, alt - ref, sigmoid(ref), sigmoid(alt), log2FoldChange(ref, alt)}) {
                out.append('\t').append(String.format(Locale.ROOT, "%.6g", value));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** log2(σ(alt) / σ(ref)), computed from log σ so that it stays finite where a probability rounds to 0. */
    public static double log2FoldChange(double refLogit, double altLogit) {
        return (logSigmoid(altLogit) - logSigmoid(refLogit)) / Math.log(2);
    }

    static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }
}
