package org.regulens.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.core.RegulensException;
import org.regulens.data.Batch;
import org.regulens.data.BatchSource;
import org.regulens.data.OneHotBatch;
import org.regulens.data.TrainingSet;
import org.regulens.evaluate.Metrics;
import org.regulens.io.AtomicOutput;
import org.regulens.model.Architecture;
import org.regulens.model.ModelSettings;
import org.regulens.model.NetworkFactory;
import org.regulens.model.RegulensModel;
import org.regulens.motif.MotifDatabase;

/**
 * Trains a model on the train split of a data set: Adam on weighted binary cross-entropy with label masks,
 * reverse-complement and shift augmentation, optional Gaussian input noise and adversarial examples (FGSM or PGD)
 * mixed into each batch; after every epoch the validation split is scored, the learning rate is cut after
 * {@code lrPatience} epochs without a better validation auPR, and training stops after {@code patience}; the
 * parameters of the best epoch are kept. Every random step draws from the seed.
 */
public final class Trainer {

    private final TrainSettings settings;
    private final ModelSettings modelSettings;
    private Consumer<RegulensModel> checkpoint;
    private double maxSeconds = Double.POSITIVE_INFINITY;

    public Trainer(TrainSettings settings, ModelSettings modelSettings) {
        this.settings = settings;
        this.modelSettings = modelSettings;
    }

    /**
     * Hands the best model so far (as {@link #train} would return it) to {@code checkpoint} at the end of every
     * epoch that improves on the validation criterion, so that a run cut short still leaves its best model.
     */
    public Trainer checkpointing(Consumer<RegulensModel> checkpoint) {
        this.checkpoint = checkpoint;
        return this;
    }

    /**
     * Stops cleanly within {@code seconds} of wall time from the start of training: no epoch is begun that the
     * last one's duration says would not end in time, and an epoch still running at the limit is abandoned (its
     * partial updates discarded). The first epoch always completes, so that there is a model to keep.
     */
    public Trainer timeLimit(double seconds) {
        this.maxSeconds = seconds;
        return this;
    }

    /** Thrown out of an epoch's batch loop when the time limit is reached. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** An epoch's figures, as logged. */
    public record Epoch(int epoch, double learningRate, double trainLoss, double validLoss, double validAuroc,
                        double validAuprc, double seconds, double sequencesPerSecond) {
    }

    /**
     * Trains on split 0 of the data set with split 1 for validation. The input may be one-hot DNA or, for the
     * interaction-map architectures, miRNA:target maps; reverse-complement and shift augmentation apply to DNA only.
     */
    public RegulensModel train(TrainingSet data) {
        int[] trainRows = data.rowsOf(0);
        int[] validRows = data.rowsOf(1);
        if (trainRows.length == 0) {
            throw RegulensException.atRecord(data.file(), "split", "no training rows (split == 0)");
        }
        if (validRows.length == 0) {
            throw RegulensException.atRecord(data.file(), "split", "no validation rows (split == 1), needed for early "
                    + "stopping; encode with --valid-chroms or --valid-frac");
        }
        List<String> tasks = data.tasks();
        boolean oneHot = Architecture.parse(modelSettings.arch()).takesOneHot();
        if (!oneHot && (settings.rcAugment() || settings.maxShift() > 0)) {
            throw new IllegalArgumentException("reverse-complement and shift augmentation need one-hot DNA input, not "
                    + modelSettings.arch());
        }
        warnAboutOneClassTasks(data, trainRows, "training");
        warnAboutOneClassTasks(data, validRows, "validation");
        double[] positiveWeights = positiveWeights(data, trainRows);
        ModelSettings modelSettings = this.modelSettings;
        LearningRateFinder.Result rangeTest = null;
        if (settings.autoLearningRate()) {
            rangeTest = rangeTest(data, trainRows, positiveWeights);
            modelSettings = modelSettings.withLearningRate(rangeTest.chosen());
        }
        RegulensModel model = freshModel(modelSettings, data, positiveWeights);
        Model network = model.network();
        Log.info("%s: %,d parameters; %,d training and %,d validation rows of %d %s, %d task(s)",
                modelSettings.arch(), network.numParams(), trainRows.length, validRows.length, data.length(),
                oneHot ? "bp" : "target positions", tasks.size());
        MotifInitialiser motifs = settings.initMotifs() == null ? null : new MotifInitialiser(
                model.parameter("conv1", "W"), MotifDatabase.resolve(settings.initMotifs().toString()),
                settings.freezeMotifs());
        SplittableRandom random = new SplittableRandom(settings.seed());
        BatchSource train = data.batches(trainRows, settings.batchSize());
        BatchSource valid = data.batches(validRows, Math.max(256, settings.batchSize()));
        double peakRate = modelSettings.learningRate();
        double cut = 1;
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule(),
                (train.rows() + settings.batchSize() - 1) / settings.batchSize(), settings.epochs());
        long[] stepCount = {0};
        double[] currentRate = {Double.NaN};
        double best = Double.NEGATIVE_INFINITY;
        INDArray bestParams = network.params().dup();
        int bestEpoch = 0;
        int sinceBest = 0;
        int sinceCut = 0;
        List<Epoch> history = new ArrayList<>();
        Map<String, Object> bestMetrics = Map.of();
        long trainingStart = System.nanoTime();
        String stopReason = "completed";
        // The log is rewritten (atomically) after every epoch, so a run that is killed keeps the log of the
        // epochs it finished next to its best-so-far model.
        StringBuilder logText = new StringBuilder("epoch\tlearning_rate\ttrain_loss\tvalid_loss\tvalid_auroc"
                + "\tvalid_auprc\tseconds\tsequences_per_second\tbest\n");
        writeLog(logText);
        double lastEpochSeconds = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            double elapsed = (start - trainingStart) / 1e9;
            if (epoch > 1 && elapsed + lastEpochSeconds > maxSeconds) {
                Log.info("time limit: %.1f s used of %.3g s and an epoch takes about %.1f s; stopping before "
                        + "epoch %d", elapsed, maxSeconds, lastEpochSeconds, epoch);
                stopReason = "time_limit";
                break;
            }
            double[] lossSum = {0};
            long[] labelsSeen = {0};
            long[] seen = {0};
            double epochCut = cut;
            boolean mayAbandon = epoch > 1;
            try (Progress progress = new Progress("epoch " + epoch, trainRows.length, "sequences")) {
                train.forEach(random, batch -> {
                    if (mayAbandon && (System.nanoTime() - trainingStart) / 1e9 > maxSeconds) {
                        throw new OutOfTime();
                    }
                    double rate = peakRate * epochCut * schedule.factor(stepCount[0]++);
                    if (rate != currentRate[0]) {
                        model.setLearningRate(rate);
                        currentRate[0] = rate;
                    }
                    double[] loss = step(model, batch, tasks.size(), random, motifs);
                    lossSum[0] += loss[0];
                    labelsSeen[0] += (long) loss[1];
                    seen[0] += batch.size();
                    progress.advance(batch.size());
                });
            } catch (OutOfTime e) {
                Log.info("time limit of %.3g s reached during epoch %d: its partial updates are discarded",
                        maxSeconds, epoch);
                stopReason = "time_limit";
                break;
            }
            double learningRate = currentRate[0];
            double seconds = (System.nanoTime() - start) / 1e9;
            model.parametersChanged();
            Map<String, Object> scores = score(model, valid, tasks);
            double auprc = (double) scores.get("mean_auprc");
            // Without validation positives (or negatives) auPR is undefined; fall back on the loss.
            double criterion = Double.isNaN(auprc) ? -(double) scores.get("loss") : auprc;
            Epoch figures = new Epoch(epoch, learningRate, lossSum[0] / Math.max(1, labelsSeen[0]), (double) scores.get("loss"),
                    (double) scores.get("mean_auroc"), auprc, seconds, seen[0] / seconds);
            history.add(figures);
            boolean improved = criterion > best;
            if (improved) {
                best = criterion;
                bestEpoch = epoch;
                bestParams = network.params().dup();
                bestMetrics = scores;
                sinceBest = 0;
                sinceCut = 0;
            } else {
                sinceBest++;
                sinceCut++;
            }
            Log.info("epoch %d: loss %.4f, valid loss %.4f, auROC %.4f, auPR %.4f, lr %.2g, %.1f s (%,.0f seq/s)%s",
                    epoch, figures.trainLoss(), figures.validLoss(), figures.validAuroc(), figures.validAuprc(),
                    learningRate, seconds, figures.sequencesPerSecond(), improved ? " *" : "");
            logText.append(String.format(Locale.ROOT, "%d\t%.6g\t%.6f\t%.6f\t%.6f\t%.6f\t%.3f\t%.1f\t%s%n",
                    epoch, learningRate, figures.trainLoss(), figures.validLoss(), figures.validAuroc(),
                    figures.validAuprc(), seconds, figures.sequencesPerSecond(), improved));
            writeLog(logText);
            if (improved && checkpoint != null) {
                checkpoint.accept(finished(model, network.params(), bestEpoch, bestMetrics, history.size(),
                        "running", rangeTest, positiveWeights));
            }
            lastEpochSeconds = (System.nanoTime() - start) / 1e9;
            if (sinceBest >= settings.patience()) {
                Log.info("no better validation auPR for %d epochs: stopping", settings.patience());
                stopReason = "early_stopping";
                break;
            }
            if (sinceCut >= settings.lrPatience()) {
                cut *= settings.lrFactor();
                sinceCut = 0;
            }
        }
        writeLog(logText);
        Log.info("best epoch %d: validation auPR %.4f", bestEpoch, (double) bestMetrics.getOrDefault("mean_auprc",
                Double.NaN));
        return finished(model, bestParams, bestEpoch, bestMetrics, history.size(), stopReason, rangeTest,
                positiveWeights);
    }

    /** Writes the training log so far over the previous one, atomically; nothing when no log was asked for. */
    private void writeLog(CharSequence text) {
        if (settings.log() != null) {
            AtomicOutput.writeString(settings.log(), text.toString());
        }
    }

    /**
     * The model as it is returned and saved: these parameters in deeplearning4j's standard layers (the training
     * network is left as it is), with what training did in its metadata.
     */
    private RegulensModel finished(RegulensModel model, INDArray params, int bestEpoch, Map<String, Object> bestMetrics,
                                   int epochsRun, String stopReason, LearningRateFinder.Result rangeTest,
                                   double[] positiveWeights) {
        Model network = model.network();
        // the training network takes the parameters (a no-op for a checkpoint): fused or tied layers have their own
        // parameter layout, which only the conversion to standard layers translates
        network.setParams(params);
        Model standard = NetworkFactory.standardLayers(network);
        RegulensModel trained = model.withNetwork(standard);
        trained.putMetadata("best_epoch", bestEpoch);
        trained.putMetadata("validation", bestMetrics);
        trained.putMetadata("positive_weights", positiveWeights);
        trained.putMetadata("epochs_run", epochsRun);
        trained.putMetadata("stopped", stopReason);
        trained.putMetadata("lr_schedule", settings.schedule().cliName());
        if (rangeTest != null) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("chosen", rangeTest.chosen());
            test.put("rate_at_minimum", rangeTest.atMinimum());
            test.put("minimum_loss", rangeTest.minimumLoss());
            test.put("steps", rangeTest.rates().length);
            trained.putMetadata("lr_range_test", test);
        }
        return trained;
    }

    /**
     * A newly initialised training network (fused batch norm while training; the returned model gets
     * deeplearning4j's standard layers), the exponential first layer scaled down. The same settings always give the
     * same parameters.
     */
    private RegulensModel freshModel(ModelSettings modelSettings, TrainingSet data, double[] positiveWeights) {
        Nd4j.getRandom().setSeed(modelSettings.seed());
        Model network = NetworkFactory.buildForTraining(modelSettings, data.length(), data.tasks().size(),
                positiveWeights);
        RegulensModel model = new RegulensModel(network, modelSettings, data.length(), data.tasks(), Map.of());
        ExponentialInitialiser.apply(model, modelSettings, ExponentialInitialiser.scale());
        return model;
    }

    /** Steps of the learning-rate range test (when an epoch has fewer batches, passes repeat). */
    static final int RANGE_TEST_STEPS = 100;

    /** The range test's steps: {@link #RANGE_TEST_STEPS}, fewer only in tests. */
    int rangeTestSteps = RANGE_TEST_STEPS;

    /**
     * The learning-rate range test on a throw-away network initialised as the real one will be, fed training
     * batches (augmented as in training) from its own seeded stream.
     */
    private LearningRateFinder.Result rangeTest(TrainingSet data, int[] trainRows, double[] positiveWeights) {
        RegulensModel probe = freshModel(modelSettings, data, positiveWeights);
        MotifInitialiser motifs = settings.initMotifs() == null ? null : new MotifInitialiser(
                probe.parameter("conv1", "W"), MotifDatabase.resolve(settings.initMotifs().toString()),
                settings.freezeMotifs());
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x6C7252616E6765L);
        BatchSource batches = data.batches(trainRows, settings.batchSize());
        List<Batch> pending = new ArrayList<>();
        int tasks = data.tasks().size();
        LearningRateFinder.Result result = LearningRateFinder.sweep(rangeTestSteps, rate -> {
            if (pending.isEmpty()) {
                // one pass at a time, in memory: a pass is what an epoch reads anyway
                batches.forEach(random, pending::add);
            }
            probe.setLearningRate(rate);
            double[] loss = step(probe, pending.remove(0), tasks, random, motifs);
            return loss[0] / Math.max(1, loss[1]);
        });
        Log.info("learning-rate range test, %d steps: smoothed loss lowest (%.4f) at %.3g; learning rate %.3g "
                + "(a tenth of that, within [%.0e, %.0e])", result.rates().length, result.minimumLoss(),
                result.atMinimum(), result.chosen(), LearningRateFinder.FLOOR, LearningRateFinder.CEILING);
        return result;
    }

    /**
     * One optimisation step on a batch (augmented); returns {the batch's loss summed over its known labels, the
     * number of known labels}, so that the training loss is logged per label, as the validation loss is.
     */
    private double[] step(RegulensModel model, Batch batch, int tasks, SplittableRandom random,
                        MotifInitialiser motifs) {
        int n = batch.size();
        INDArray features = model.input(augment(batch.x(), n, model.length(), model.rowSize(), random), n);
        INDArray labels = Nd4j.createFromArray(batch.y()).reshape('c', new long[] {n, tasks});
        INDArray mask = Nd4j.createFromArray(batch.mask()).reshape('c', new long[] {n, tasks});
        if (!"none".equals(settings.adversarial()) && settings.advFraction() > 0) {
            int k = Math.max(1, (int) Math.round(settings.advFraction() * n));
            INDArray clean = features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k));
            INDArray adversarial = adversarial(model, clean.dup(),
                    labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k)).dup(),
                    mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k)).dup());
            features = Nd4j.concat(0, features, adversarial);
            labels = Nd4j.concat(0, labels, labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k)));
            mask = Nd4j.concat(0, mask, mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k)));
        }
        // deeplearning4j's score: the loss summed over tasks, averaged over rows (plus the L2 term)
        double loss = model.fit(features, labels, mask) * features.size(0);
        if (motifs != null) {
            motifs.restoreFrozen();
        }
        return new double[] {loss, mask.sumNumber().doubleValue()};
    }

    /**
     * Reverse complement (half the rows), random shifts and Gaussian noise, as configured (the first two for one-hot
     * rows of 4 × length only).
     */
    float[] augment(float[] x, int n, int length, int rowSize, SplittableRandom random) {
        float[] out = x.clone();
        float[] tmp = new float[rowSize];
        for (int i = 0; i < n; i++) {
            int offset = i * rowSize;
            if (settings.rcAugment() && random.nextBoolean()) {
                OneHotBatch.reverseComplement(x, offset, out, offset, length);
            }
            if (settings.maxShift() > 0) {
                int shift = random.nextInt(2 * settings.maxShift() + 1) - settings.maxShift();
                if (shift != 0) {
                    System.arraycopy(out, offset, tmp, 0, rowSize);
                    OneHotBatch.shift(tmp, 0, out, offset, length, shift);
                }
            }
            if (settings.noise() > 0) {
                for (int j = 0; j < rowSize; j++) {
                    out[offset + j] += (float) (settings.noise() * random.nextGaussian());
                }
            }
        }
        return out;
    }

    /**
     * Adversarial versions of inputs: FGSM takes one step of size ε along the sign of the loss gradient; PGD takes
     * {@code advSteps} steps of ε/4, each projected back into the L∞ ball of radius ε around the input.
     */
    INDArray adversarial(RegulensModel model, INDArray x, INDArray labels, INDArray mask) {
        double epsilon = settings.advEpsilon();
        boolean pgd = "pgd".equals(settings.adversarial());
        int steps = pgd ? settings.advSteps() : 1;
        double stepSize = pgd ? epsilon / 4 : epsilon;
        INDArray current = x.dup();
        for (int s = 0; s < steps; s++) {
            current.addi(Transforms.sign(model.lossInputGradient(current, labels, mask), true).muli(stepSize));
            if (pgd) {
                INDArray lower = x.sub(epsilon);
                INDArray upper = x.add(epsilon);
                current = Transforms.max(Transforms.min(current, upper, false), lower, false);
            }
        }
        return current;
    }

    /** Validation loss (unweighted BCE), per-task auROC/auPR and their means. */
    static Map<String, Object> score(RegulensModel model, BatchSource rows, List<String> tasks) {
        int t = tasks.size();
        List<float[]> logits = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        rows.forEach(null, batch -> {
            float[][] out = model.logits(batch.x(), batch.size());
            for (int i = 0; i < batch.size(); i++) {
                logits.add(out[i]);
                float[] y = new float[t];
                for (int k = 0; k < t; k++) {
                    y[k] = batch.mask()[i * t + k] == 0 ? Float.NaN : batch.y()[i * t + k];
                }
                labels.add(y);
            }
        });
        double loss = 0;
        long count = 0;
        Map<String, Object> perTask = new LinkedHashMap<>();
        double aurocSum = 0;
        double auprcSum = 0;
        int scored = 0;
        for (int k = 0; k < t; k++) {
            float[] s = new float[logits.size()];
            float[] y = new float[logits.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = logits.get(i)[k];
                y[i] = labels.get(i)[k];
                if (!Float.isNaN(y[i])) {
                    double z = s[i];
                    loss += y[i] * softplus(-z) + (1 - y[i]) * softplus(z);
                    count++;
                }
            }
            Metrics m = Metrics.of(s, y);
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("auroc", m.auroc());
            task.put("auprc", m.auprc());
            task.put("n_pos", m.positives());
            task.put("n_neg", m.negatives());
            perTask.put(tasks.get(k), task);
            if (!Double.isNaN(m.auprc()) && !Double.isNaN(m.auroc())) {
                aurocSum += m.auroc();
                auprcSum += m.auprc();
                scored++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loss", count == 0 ? Double.NaN : loss / count);
        result.put("mean_auroc", scored == 0 ? Double.NaN : aurocSum / scored);
        result.put("mean_auprc", scored == 0 ? Double.NaN : auprcSum / scored);
        result.put("tasks", perTask);
        return result;
    }

    private static double softplus(double z) {
        return z > 30 ? z : Math.log1p(Math.exp(z));
    }

    /**
     * A task without positives (or negatives) among these rows cannot be learnt or judged: the run goes on for
     * the other tasks, but says so, since it usually means a wrong peak file or label column.
     */
    static void warnAboutOneClassTasks(TrainingSet data, int[] rows, String split) {
        for (int k = 0; k < data.tasks().size(); k++) {
            long[] classes = classCounts(data, rows, k);
            long positives = classes[0];
            long negatives = classes[1];
            if (positives == 0 || negatives == 0) {
                Log.warn("task %s has %s among its %,d %s rows (%,d positives, %,d negatives): it cannot be %s",
                        data.tasks().get(k), positives == 0 ? "no positives" : "no negatives", rows.length, split,
                        positives, negatives, "training".equals(split) ? "learnt" : "validated");
            }
        }
    }

    /** Per-task weights on positives: 1, negatives/positives among training rows, or a given number. */
    double[] positiveWeights(TrainingSet data, int[] rows) {
        int t = data.tasks().size();
        double[] weights = new double[t];
        String choice = settings.positiveWeight();
        for (int k = 0; k < t; k++) {
            if ("none".equals(choice)) {
                weights[k] = 1;
            } else if ("balanced".equals(choice)) {
                long[] classes = classCounts(data, rows, k);
                weights[k] = classes[0] == 0 ? 1 : Math.max(1e-3, (double) classes[1] / classes[0]);
            } else {
                weights[k] = Double.parseDouble(choice);
            }
        }
        return weights;
    }

    /** {positives, negatives} of a task among these rows; masked (NaN) labels count as neither. */
    private static long[] classCounts(TrainingSet data, int[] rows, int task) {
        long[] counts = new long[2];
        for (int row : rows) {
            float y = data.label(row, task);
            if (y > 0.5f) {
                counts[0]++;
            } else if (!Float.isNaN(y)) {
                counts[1]++;
            }
        }
        return counts;
    }
}
