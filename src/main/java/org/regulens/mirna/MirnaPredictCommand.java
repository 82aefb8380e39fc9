package org.regulens.mirna;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.io.AtomicOutput;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens mirna predict}: binding probabilities for miRNA:target-site pairs. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score miRNA:target-site pairs with a model from 'regulens mirna train': the input columns "
                + "plus 'score' (probability of binding), in input order.")
public final class MirnaPredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MirnaModelOption modelOption;

    @Option(names = "--pairs", required = true, paramLabel = "TABLE",
            description = "Pairs: TSV/CSV (or .gz) with header miRNA, gene; other columns are passed through.")
    Path pairs;

    @Output
    @Option(names = "--out", required = true, paramLabel = "PRED.tsv",
            description = "Predictions (TSV): the input columns plus score.")
    Path out;

    @Option(names = "--batch-size", defaultValue = "256", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        MirnaModelOption.Loaded models = modelOption.load();
        PairTable table = models.pairs(pairs, false);
        float[] scores = PairScores.probabilities(models, table, batchSize, "predict");
        try (AtomicOutput output = AtomicOutput.create(out); Writer writer = output.writer()) {
            writer.write(String.join("\t", table.header()) + "\tscore\n");
            for (int i = 0; i < table.size(); i++) {
                writer.write(String.join("\t", table.fields(i)));
                writer.write(String.format(Locale.ROOT, "\t%.6f\n", scores[i]));
            }
            writer.close();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
