package org.regulens.mirna;

import org.regulens.core.Progress;
import org.regulens.model.RegulensModel;

/** A model's binding probability for every pair of a table, encoded and scored batch by batch. */
final class PairScores {

    private PairScores() {
    }

    /** One score per row of {@code table}, in row order; progress is reported under {@code label}. */
    static float[] of(RegulensModel model, InteractionMap encoding, PairTable table, int batchSize, String label) {
        float[] scores = new float[table.size()];
        try (Progress progress = new Progress(label, table.size(), "pairs")) {
            for (int from = 0; from < table.size(); from += batchSize) {
                int to = Math.min(table.size(), from + batchSize);
                float[][] p = model.predict(PairSet.encode(table, encoding, from, to), to - from);
                for (int i = from; i < to; i++) {
                    scores[i] = p[i - from][0];
                }
                progress.advance(to - from);
            }
        }
        return scores;
    }
}
