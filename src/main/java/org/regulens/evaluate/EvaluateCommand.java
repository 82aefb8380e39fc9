package org.regulens.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.data.BatchStream;
import org.regulens.data.TrainingData;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.options.Output;
import org.regulens.options.ModelInput;
import org.regulens.options.DataInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens evaluate}: per-task auROC and auPR on a split, with ROC and PR curves. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score a model on a split of a data set: per-task auROC and auPR (average precision) in METRICS.tsv,",
            "and the ROC and PR curves beside it (METRICS.roc.tsv, METRICS.pr.tsv)."
        })
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelInput model;

    @CommandLine.Mixin
    DataInput data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "train|valid|test|all",
            description = "Rows to score (default: ${DEFAULT-VALUE}).")
    String split;

    @Output
    @Option(names = "--out", required = true, paramLabel = "METRICS.tsv",
            description = "Metrics table: task, auroc, auprc, n_pos, n_neg.")
    Path out;

    @Option(names = "--batch-size", defaultValue = "256", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        Integer code = TrainingData.splitCode(split);
        if (code == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be train, valid, test or all");
        }
        RegulensModel regulensModel = ModelFile.load(model.path);
        Log.info("%s", String.join("; ", org.regulens.nn.Nd4jBackend.summary()));
        try (TrainingData dataset = TrainingData.open(data.path, true)) {
            regulensModel.requireCompatible(model.path, data.path, dataset.length(), dataset.tasks());
            int[] rows = dataset.rowsOf(code);
            if (rows.length == 0) {
                throw RegulensException.atRecord(data.path, "split", "no rows in the " + split + " split");
            }
            int tasks = dataset.tasks().size();
            float[][] scores = new float[tasks][rows.length];
            float[][] labels = new float[tasks][rows.length];
            int[] next = {0};
            new BatchStream(dataset, rows, batchSize).forEach(null, batch -> {
                float[][] p = regulensModel.predict(batch.x(), batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    for (int t = 0; t < tasks; t++) {
                        scores[t][next[0]] = p[i][t];
                        labels[t][next[0]] = batch.mask()[i * tasks + t] == 0 ? Float.NaN : batch.y()[i * tasks + t];
                    }
                    next[0]++;
                }
            });
            List<Metrics> metrics = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                metrics.add(Metrics.of(scores[t], labels[t]));
                Log.info("%s (%s split): auROC %.4f, auPR %.4f, %d positives, %d negatives", dataset.tasks().get(t),
                        split, metrics.get(t).auroc(), metrics.get(t).auprc(), metrics.get(t).positives(),
                        metrics.get(t).negatives());
            }
            MetricsWriter.write(out, split, dataset.tasks(), metrics);
        }
        return ExitCodes.OK;
    }
}
