package org.regulens.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.core.Version;
import org.regulens.data.TrainingData;
import org.regulens.model.Architecture;
import org.regulens.model.ModelFile;
import org.regulens.model.ModelSettings;
import org.regulens.model.NetworkFactory;
import org.regulens.model.RegulensModel;
import org.regulens.nn.Nd4jBackend;
import org.regulens.options.Output;
import org.regulens.options.TrainingRun;
import org.regulens.options.DataInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens train}: a model from a data set. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train a CNN on a data set from 'regulens encode' and write one model file (network + metadata).",
            "Architectures: deepbind, basset, deepsea, danq, cnn-local, cnn-dist, residualbind, cnn-attention. Early stopping on the validation "
                    + "split's mean auPR; the best epoch's parameters are kept."
        })
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataInput data;

    @Option(names = "--arch", defaultValue = "cnn-local", paramLabel = "NAME",
            description = "Architecture: deepbind, basset, deepsea, danq, cnn-local, cnn-dist, residualbind, cnn-attention "
                    + "(default: ${DEFAULT-VALUE}).")
    String arch;

    @Output
    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Model file to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "30", description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation, shuffling, augmentation "
            + "and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--first-activation", defaultValue = "relu", paramLabel = "relu|exp",
            description = "First-layer activation; exp makes filters learn whole motifs (default: ${DEFAULT-VALUE}).")
    String firstActivation;

    @Option(names = "--init-motifs", paramLabel = "FILE",
            description = "Set the first filters to these motifs (MEME/JASPAR/TRANSFAC, or JASPAR2024).")
    Path initMotifs;

    @Option(names = "--freeze-motifs", description = "Keep the motif-initialised filters fixed during training.")
    boolean freezeMotifs;

    @Option(names = "--filters", defaultValue = "0", description = "First-layer filters (default: the architecture's).")
    int filters;

    @Option(names = "--filter-width", defaultValue = "0",
            description = "First-layer filter width (default: the architecture's).")
    int filterWidth;

    @Option(names = "--dropout", defaultValue = "-1",
            description = "Dropout rate for every dropout layer; 0 turns dropout off (default: the architecture's).")
    double dropout;

    @Option(names = "--batch-norm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Batch normalisation after convolutions and dense layers (default: on; --no-batch-norm).")
    boolean batchNorm;

    @Option(names = "--rc", defaultValue = "none", paramLabel = "none|average|equivariant",
            description = "Reverse-complement sharing: average predictions over both strands, or equivariant: "
                    + "filters in tied reverse-complement pairs and a strand-symmetric head, so the network scores "
                    + "both strands alike by construction (deepbind, basset, deepsea, cnn-local, cnn-dist; conv "
                    + "batch norm left out; an even filter width w is saved as w+1 with a zero column) "
                    + "(default: ${DEFAULT-VALUE}).")
    String reverseComplement;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "RATE|auto",
            description = "Adam's (peak) learning rate, or auto: chosen by a learning-rate range test on training "
                    + "batches, logged and stored in the model (default: ${DEFAULT-VALUE}).")
    String learningRate;

    @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "constant|warmup|onecycle",
            description = "Learning rate within and across epochs: constant, warmup (linear rise over the first "
                    + "epoch) or onecycle (rise over 30%% of --epochs, cosine fall); halved on plateaus in every "
                    + "mode (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--l2", defaultValue = "1e-6", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--patience", defaultValue = "5",
            description = "Stop after this many epochs without a better validation auPR (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--lr-patience", defaultValue = "2",
            description = "Halve the learning rate after this many epochs without improvement (default: ${DEFAULT-VALUE}).")
    int lrPatience;

    @Option(names = "--pos-weight", defaultValue = "none", paramLabel = "none|balanced|W",
            description = "Weight of positives in the loss, per task: none, balanced (negatives/positives) or a number "
                    + "(default: ${DEFAULT-VALUE}).")
    String positiveWeight;

    @Option(names = "--rc-augment", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Train on reverse complements of half the sequences (default: on; --no-rc-augment).")
    boolean rcAugment;

    @Option(names = "--max-shift", defaultValue = "0",
            description = "Shift sequences by up to this many bases at random (default: ${DEFAULT-VALUE}).")
    int maxShift;

    @Option(names = "--noise", defaultValue = "0",
            description = "Standard deviation of Gaussian noise added to the one-hot input (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--adversarial", defaultValue = "none", paramLabel = "none|fgsm|pgd",
            description = "Mix adversarial examples into each batch (default: ${DEFAULT-VALUE}).")
    String adversarial;

    @Option(names = "--adv-epsilon", defaultValue = "0.1",
            description = "Size of adversarial perturbations, L-infinity (default: ${DEFAULT-VALUE}).")
    double advEpsilon;

    @Option(names = "--adv-steps", defaultValue = "5", description = "PGD steps (default: ${DEFAULT-VALUE}).")
    int advSteps;

    @Option(names = "--adv-fraction", defaultValue = "0.5",
            description = "Share of each batch copied as adversarial examples (default: ${DEFAULT-VALUE}).")
    double advFraction;

    @CommandLine.Mixin
    TrainingRun run;

    @Override
    public Integer call() {
        validate();
        Log.info("regulens %s; %s", Version.get(), String.join("; ", Nd4jBackend.summary()));
        Path logFile = run.logFile(out);
        boolean autoRate = isAuto(learningRate);
        // with auto, the rate here only stands in until the range test has chosen one
        ModelSettings modelSettings = new ModelSettings(arch, firstActivation, filters, filterWidth, dropout, batchNorm,
                reverseComplement, autoRate ? 1e-3 : Double.parseDouble(learningRate), l2, seed);
        TrainSettings settings = new TrainSettings(epochs, batchSize, patience, lrPatience, 0.5, rcAugment, maxShift,
                noise, adversarial, advEpsilon, advSteps, advFraction, positiveWeight, initMotifs, freezeMotifs, seed,
                logFile, LearningRateSchedule.Mode.parse(schedule), autoRate);
        String dataSha256 = sha256(data.path);
        try (TrainingData training = TrainingData.open(data.path, true)) {
            try {
                NetworkFactory.requireBuildable(modelSettings, training.length());
            } catch (IllegalArgumentException e) {
                throw RegulensException.inFile(data.path, e.getMessage());
            }
            Trainer trainer = new Trainer(settings, modelSettings)
                    .checkpointing(best -> save(best, settings, dataSha256));
            if (run.maxTime() != null) {
                trainer.timeLimit(run.maxTime());
            }
            save(trainer.train(training), settings, dataSha256);
            Log.info("model written to %s, training log to %s", out, logFile);
        }
        return ExitCodes.OK;
    }

    /** Writes a model (the best so far, or the final one) with its provenance; atomically, so a kill leaves the last. */
    private void save(RegulensModel model, TrainSettings settings, String dataSha256) {
        model.putMetadata("regulens_version", Version.get());
        model.putMetadata("training_data", data.path.toString());
        model.putMetadata("training_data_sha256", dataSha256);
        model.putMetadata("training", settingsMap(settings));
        ModelFile.save(out, model);
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        try {
            if (!Architecture.parse(arch).takesOneHot()) {
                throw new IllegalArgumentException(arch + " takes miRNA:target pairs: use 'regulens mirna train'");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--arch: " + e.getMessage());
        }
        require(firstActivation.equals("relu") || firstActivation.equals("exp"), "--first-activation must be relu or exp");
        require(reverseComplement.matches("none|average|equivariant"), "--rc must be none, average or equivariant");
        if (reverseComplement.equals("equivariant")) {
            require(Architecture.parse(arch).supportsEquivariance(), "--rc equivariant is not available for " + arch
                    + "; choose " + String.join(", ", Architecture.equivariantNames()));
            require(filters % 2 == 0, "--rc equivariant needs an even --filters (filters come in pairs)");
        }
        require(adversarial.matches("none|fgsm|pgd"), "--adversarial must be none, fgsm or pgd");
        require(epochs >= 1 && batchSize >= 1, "--epochs and --batch-size must be at least 1");
        require(patience >= 1 && lrPatience >= 1, "--patience and --lr-patience must be at least 1");
        require(isAuto(learningRate) || positiveNumber(learningRate), "--lr must be a positive number or auto");
        require(l2 >= 0, "--l2 must be non-negative");
        require(schedule.matches("constant|warmup|onecycle"), "--lr-schedule must be constant, warmup or onecycle");
        require(dropout < 1, "--dropout must be below 1");
        require(maxShift >= 0 && noise >= 0 && advEpsilon >= 0 && advSteps >= 1, "augmentation options must be >= 0");
        require(advFraction >= 0 && advFraction <= 1, "--adv-fraction must be in [0, 1]");
        require(positiveWeight.matches("none|balanced|[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?"),
                "--pos-weight must be none, balanced or a positive number");
        require(!freezeMotifs || initMotifs != null, "--freeze-motifs needs --init-motifs");
    }

    private static boolean isAuto(String rate) {
        return "auto".equalsIgnoreCase(rate.trim());
    }

    private static boolean positiveNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            return value > 0 && Double.isFinite(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    private static java.util.Map<String, Object> settingsMap(TrainSettings s) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("epochs", s.epochs());
        map.put("batch_size", s.batchSize());
        map.put("patience", s.patience());
        map.put("lr_patience", s.lrPatience());
        map.put("rc_augment", s.rcAugment());
        map.put("max_shift", s.maxShift());
        map.put("noise", s.noise());
        map.put("adversarial", s.adversarial());
        map.put("adv_epsilon", s.advEpsilon());
        map.put("adv_steps", s.advSteps());
        map.put("adv_fraction", s.advFraction());
        map.put("pos_weight", s.positiveWeight());
        map.put("init_motifs", s.initMotifs() == null ? null : s.initMotifs().toString());
        map.put("freeze_motifs", s.freezeMotifs());
        map.put("seed", s.seed());
        map.put("lr_schedule", s.schedule().cliName());
        map.put("lr_auto", s.autoLearningRate());
        return map;
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw RegulensException.inFile(file, "cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
