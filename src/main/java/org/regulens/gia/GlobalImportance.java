package org.regulens.gia;

import static org.regulens.model.RegulensModel.sigmoid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regulens.core.Progress;
import org.regulens.seq.OneHot;

/**
 * Global importance analysis (Koo et al. 2021): for every condition, the change of every task's prediction
 * when the condition's motif arrangement is embedded into each background sequence, f(embedded) - f(background),
 * as logits and as probabilities, summarised per task.
 */
public final class GlobalImportance {

    /** Logits [n][tasks] of n one-hot rows (4 × L floats each); the model's own inference path. */
    public interface Scorer {
        float[][] logits(float[] rows, int n);
    }

    /** One output row: a task's summary under a condition, as logits and as probabilities. */
    public record Row(String task, Condition condition, EffectSummary logit, EffectSummary probability) {
    }

    private final Scorer scorer;
    private final List<String> tasks;
    private final int batchSize;
    private final int resamples;
    private final long seed;

    public GlobalImportance(Scorer scorer, List<String> tasks, int batchSize, int resamples, long seed) {
        this.scorer = scorer;
        this.tasks = tasks;
        this.batchSize = batchSize;
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * One set of backgrounds and the conditions embedded into it. A non-null {@code baseline} adds rows that
     * summarise the backgrounds' own prediction (logit and probability, not a change) under that condition's name.
     */
    public record Level(List<byte[]> backgrounds, Condition baseline, List<Condition> conditions) {
    }

    public List<Row> run(List<byte[]> backgrounds, List<Condition> conditions) {
        return run(List.of(new Level(backgrounds, null, conditions)));
    }

    public List<Row> run(List<Level> levels) {
        long total = 0;
        for (Level level : levels) {
            total += (long) level.backgrounds().size() * (level.conditions().size() + 1);
        }
        List<Row> rows = new ArrayList<>();
        int summarised = 0; // numbers each summary's bootstrap stream
        try (Progress progress = new Progress("gia", total, "sequences")) {
            for (Level level : levels) {
                List<byte[]> backgrounds = level.backgrounds();
                int n = backgrounds.size();
                float[][] base = score(backgrounds, progress);
                if (level.baseline() != null) {
                    summarise(rows, level.baseline(), summarised++, base, null);
                }
                for (Condition condition : level.conditions()) {
                    List<byte[]> embedded = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        embedded.add(condition.embed().apply(i, backgrounds.get(i)));
                    }
                    summarise(rows, condition, summarised++, score(embedded, progress), base);
                }
            }
        }
        return rows;
    }

    /** Rows of one condition: the change from {@code base}, or (base null) the predictions themselves. */
    private void summarise(List<Row> rows, Condition condition, int c, float[][] changed, float[][] base) {
        int n = changed.length;
        for (int t = 0; t < tasks.size(); t++) {
            double[] logit = new double[n];
            double[] probability = new double[n];
            for (int i = 0; i < n; i++) {
                double before = base == null ? 0 : base[i][t];
                logit[i] = (double) changed[i][t] - before;
                probability[i] = sigmoid(changed[i][t]) - (base == null ? 0 : sigmoid(before));
            }
            // the same resamples for logits and probabilities; a stream of its own per condition and task
            long stream = seed ^ (0x9E3779B97F4A7C15L * ((long) c * tasks.size() + t + 1));
            rows.add(new Row(tasks.get(t), condition,
                    EffectSummary.of(logit, resamples, new SplittableRandom(stream)),
                    EffectSummary.of(probability, resamples, new SplittableRandom(stream))));
        }
    }

    private float[][] score(List<byte[]> sequences, Progress progress) {
        int n = sequences.size();
        int length = sequences.get(0).length;
        float[][] result = new float[n][];
        byte[] row = new byte[4 * length];
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            float[] x = new float[count * 4 * length];
            for (int i = 0; i < count; i++) {
                OneHot.encode(sequences.get(from + i), 0, length, row, 0);
                for (int j = 0; j < row.length; j++) {
                    x[i * 4 * length + j] = row[j];
                }
            }
            float[][] logits = scorer.logits(x, count);
            System.arraycopy(logits, 0, result, from, count);
            progress.advance(count);
        }
        return result;
    }
}
