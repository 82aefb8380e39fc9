package org.regulens.mirna;

import java.util.function.IntFunction;
import org.regulens.core.Progress;
import org.regulens.model.RegulensModel;

/** The logits of many pairs (of one model or the mean of several: a {@link MapFunction}), encoded and scored batch by batch. */
final class PairScores {

    private PairScores() {
    }

    /** One binding probability per row of {@code table}: the sigmoid of the models' mean logit. */
    static float[] probabilities(MirnaModelOption.Loaded models, PairTable table, int batchSize, String label) {
        String progress = models.models().size() == 1 ? label : label + " (mean of " + models.models().size() + " models)";
        float[] logits = logits(models.function(), models.encoding(), table.size(),
                row -> new String[] {table.mirna(row), table.target(row)}, batchSize, progress, "pairs");
        return RegulensModel.sigmoid(new float[][] {logits})[0];
    }

    /**
     * The logits of {@code n} pairs, pair {@code i} being {miRNA, target} from {@code pair}; progress is reported
     * under {@code label}, counting {@code unit}.
     */
    static float[] logits(MapFunction model, InteractionMap encoding, int n, IntFunction<String[]> pair, int batchSize,
                          String label, String unit) {
        float[] out = new float[n];
        float[] maps = new float[Math.min(batchSize, n) * encoding.size()];
        try (Progress progress = new Progress(label, n, unit)) {
            for (int from = 0; from < n; from += batchSize) {
                int count = Math.min(batchSize, n - from);
                for (int i = 0; i < count; i++) {
                    String[] p = pair.apply(from + i);
                    encoding.encode(p[0], p[1], maps, i * encoding.size());
                }
                System.arraycopy(model.logits(maps, count), 0, out, from, count);
                progress.advance(count);
            }
        }
        return out;
    }
}
