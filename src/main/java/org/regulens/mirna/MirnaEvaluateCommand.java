package org.regulens.mirna;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.evaluate.Metrics;
import org.regulens.evaluate.MetricsWriter;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens mirna evaluate}: auROC and auPR of a miRNA model on labelled pairs, with ROC and PR curves. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score labelled miRNA:target-site pairs with a model from 'regulens mirna train': auROC and auPR "
                    + "(average precision) in METRICS.tsv (task 'binding', split 'pairs'), the ROC and PR curves "
                    + "beside it (METRICS.roc.tsv, METRICS.pr.tsv); the same files as 'regulens evaluate'.",
            "Several --model are averaged (mean logit), e.g. models of different seeds or architectures."
        })
public final class MirnaEvaluateCommand implements Callable<Integer> {

    /** The {@code split} column of the metrics: every row of the given table was scored. */
    static final String SPLIT = "pairs";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MirnaModelOption modelOption;

    @Option(names = "--pairs", required = true, paramLabel = "TABLE",
            description = "Labelled pairs: TSV/CSV (or .gz) with header miRNA, gene, label (0/1).")
    Path pairs;

    @Output
    @Option(names = "--out", required = true, paramLabel = "METRICS.tsv",
            description = "Metrics table: task, auroc, auprc, n_pos, n_neg, split; curves beside it.")
    Path out;

    @Option(names = "--batch-size", defaultValue = "256", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        MirnaModelOption.Loaded models = modelOption.load();
        PairTable table = models.pairs(pairs, true);
        float[] scores = PairScores.probabilities(models, table, batchSize, "mirna evaluate");
        float[] labels = new float[table.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = table.label(i);
        }
        Metrics metrics = Metrics.of(scores, labels);
        Log.info("%s: auROC %.4f, auPR %.4f, %d positives, %d negatives", pairs.getFileName(), metrics.auroc(),
                metrics.auprc(), metrics.positives(), metrics.negatives());
        MetricsWriter.write(out, SPLIT, List.of(PairSet.TASK), List.of(metrics));
        return ExitCodes.OK;
    }
}
