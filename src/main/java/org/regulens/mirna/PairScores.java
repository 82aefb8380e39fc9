package org.regulens.mirna;

import java.util.function.IntFunction;
import org.regulens.core.Progress;
import org.regulens.model.RegulensModel;

/** A model's logits for many pairs, encoded and scored batch by batch (probabilities: {@link MirnaEnsembleOption}). */
final class PairScores {

    private PairScores() {
    }

    /**
     * The logits of {@code n} pairs, pair {@code i} being {miRNA, target} from {@code pair}; progress is reported
     * under {@code label}, counting {@code unit}.
     */
    static float[] logits(RegulensModel model, InteractionMap encoding, int n, IntFunction<String[]> pair, int batchSize,
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
                float[][] z = model.logits(maps, count);
                for (int i = 0; i < count; i++) {
                    out[from + i] = z[i][0];
                }
                progress.advance(count);
            }
        }
        return out;
    }
}
