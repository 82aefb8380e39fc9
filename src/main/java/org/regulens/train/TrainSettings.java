package org.regulens.train;

import java.nio.file.Path;

/**
 * How a model is trained.
 *
 * @param positiveWeight "none", "balanced" (negatives/positives per task) or a number
 * @param adversarial    "none", "fgsm" or "pgd"
 * @param schedule       how the learning rate moves within and across epochs (see {@link LearningRateSchedule})
 * @param autoLearningRate whether the model's learning rate is replaced by a range test's choice
 *                       (see {@link LearningRateFinder})
 */
public record TrainSettings(int epochs, int batchSize, int patience, int lrPatience, double lrFactor,
                            boolean rcAugment, int maxShift, double noise, String adversarial, double advEpsilon,
                            int advSteps, double advFraction, String positiveWeight, Path initMotifs,
                            boolean freezeMotifs, long seed, Path log,
                            LearningRateSchedule.Mode schedule, boolean autoLearningRate) {

    /** The settings before schedules and range tests: a constant rate (halved on plateaus) as given. */
    public TrainSettings(int epochs, int batchSize, int patience, int lrPatience, double lrFactor,
                         boolean rcAugment, int maxShift, double noise, String adversarial, double advEpsilon,
                         int advSteps, double advFraction, String positiveWeight, Path initMotifs,
                         boolean freezeMotifs, long seed, Path log) {
        this(epochs, batchSize, patience, lrPatience, lrFactor, rcAugment, maxShift, noise, adversarial, advEpsilon,
                advSteps, advFraction, positiveWeight, initMotifs, freezeMotifs, seed, log,
                LearningRateSchedule.Mode.CONSTANT, false);
    }
}
