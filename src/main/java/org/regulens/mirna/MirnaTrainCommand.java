package org.regulens.mirna;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.core.Version;
import org.regulens.model.ModelFile;
import org.regulens.model.ModelSettings;
import org.regulens.model.RegulensModel;
import org.regulens.nn.Nd4jBackend;
import org.regulens.train.TrainCommand;
import org.regulens.train.TrainSettings;
import org.regulens.train.Trainer;
import org.regulens.options.Output;
import org.regulens.options.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens mirna train}: a binding model from labelled miRNA:target-site pairs. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train a CNN on miRNA:target-site pairs encoded as interaction maps (miRNA 5'->3' x target 3'->5'; "
                    + "Watson-Crick 1, G:U wobble --wobble, else 0) and write one model file.",
            "Part of the pairs is held out for validation; early stopping on its auPR, the best epoch is kept."
        })
public final class MirnaTrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pairs", required = true, paramLabel = "TABLE",
            description = "Pairs with labels: TSV/CSV (or .gz) with header miRNA, gene, label (0/1); U or T.")
    Path pairs;

    @Output
    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Model file to write.")
    Path out;

    @Option(names = "--arch", defaultValue = "resnet", paramLabel = "resnet|cnn",
            description = "resnet (2-D residual CNN, miRBind-like) or cnn (smaller plain CNN) (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the split, initialisation, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "20", description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--l2", defaultValue = "1e-5", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--patience", defaultValue = "4",
            description = "Stop after this many epochs without a better validation auPR (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--lr-patience", defaultValue = "2",
            description = "Halve the learning rate after this many epochs without improvement (default: ${DEFAULT-VALUE}).")
    int lrPatience;

    @Option(names = "--valid-frac", defaultValue = "0.1",
            description = "Share of pairs held out for validation (default: ${DEFAULT-VALUE}).")
    double validFraction;

    @Option(names = "--valid-by", defaultValue = "pair", paramLabel = "pair|family",
            description = "Hold out random pairs (stratified by label) or whole miRNA families (same seed, nt 2-8) "
                    + "(default: ${DEFAULT-VALUE}).")
    String validBy;

    @Option(names = "--wobble", defaultValue = "0.5",
            description = "Map value of a G:U wobble pair; Watson-Crick pairs are 1 (default: ${DEFAULT-VALUE}).")
    float wobble;

    @CommandLine.Mixin
    TrainingRun run;

    @Override
    public Integer call() {
        validate();
        Log.info("regulens %s; %s", Version.get(), String.join("; ", Nd4jBackend.summary()));
        InteractionMap encoding = new InteractionMap(wobble);
        PairTable table = PairTable.read(pairs, true, encoding.targetLength());
        byte[] split = ValidationSplit.of(table, validFraction, validBy, seed);
        PairSet set = new PairSet(table, encoding, split);
        if (set.rowsOf(1).length == 0 || set.rowsOf(0).length == 0) {
            throw RegulensException.inFile(pairs, table.size() + " pairs are too few to hold out --valid-frac "
                    + validFraction + " for validation");
        }
        Path logFile = run.logFile(out);
        ModelSettings modelSettings = new ModelSettings(MirnaModels.architecture(arch).cliName(), "relu", 0, 0, -1,
                true, "none", learningRate, l2, seed);
        TrainSettings settings = new TrainSettings(epochs, batchSize, patience, lrPatience, 0.5, false, 0, 0, "none",
                0, 1, 0, "none", null, false, seed, logFile);
        long start = System.nanoTime();
        String dataSha256 = TrainCommand.sha256(pairs);
        Trainer trainer = new Trainer(settings, modelSettings)
                .checkpointing(best -> save(best, encoding, set, dataSha256, (System.nanoTime() - start) / 1e9));
        if (run.maxTime() != null) {
            trainer.timeLimit(run.maxTime());
        }
        RegulensModel model = trainer.train(set);
        double seconds = (System.nanoTime() - start) / 1e9;
        save(model, encoding, set, dataSha256, seconds);
        Log.info("model written to %s, training log to %s (%.0f s)", out, logFile, seconds);
        return ExitCodes.OK;
    }

    /** Writes a model (the best so far, or the final one) with its provenance; atomically, so a kill leaves the last. */
    private void save(RegulensModel model, InteractionMap encoding, PairSet set, String dataSha256, double seconds) {
        MirnaModels.describe(model, encoding);
        model.putMetadata("regulens_version", Version.get());
        model.putMetadata("training_data", pairs.toString());
        model.putMetadata("training_data_sha256", dataSha256);
        model.putMetadata("training_seconds", Math.round(seconds * 10) / 10.0);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", epochs);
        training.put("batch_size", batchSize);
        training.put("patience", patience);
        training.put("lr_patience", lrPatience);
        training.put("valid_frac", validFraction);
        training.put("valid_by", validBy);
        training.put("train_pairs", set.rowsOf(0).length);
        training.put("valid_pairs", set.rowsOf(1).length);
        training.put("seed", seed);
        training.put("max_time_seconds", run.maxTime());
        model.putMetadata("training", training);
        ModelFile.save(out, model);
    }

    private void validate() {
        try {
            MirnaModels.architecture(arch);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--arch: " + e.getMessage());
        }
        require(validBy.equals(ValidationSplit.BY_PAIR) || validBy.equals(ValidationSplit.BY_FAMILY),
                "--valid-by must be pair or family");
        require(validFraction > 0 && validFraction < 1, "--valid-frac must be between 0 and 1");
        require(wobble >= 0 && wobble <= 1, "--wobble must be in [0, 1]");
        require(epochs >= 1 && batchSize >= 1, "--epochs and --batch-size must be at least 1");
        require(patience >= 1 && lrPatience >= 1, "--patience and --lr-patience must be at least 1");
        require(learningRate > 0 && l2 >= 0, "--lr must be positive and --l2 non-negative");
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
