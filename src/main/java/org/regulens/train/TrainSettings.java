package org.regulens.train;

import java.nio.file.Path;

/**
 * How a model is trained.
 *
 * @param positiveWeight "none", "balanced" (negatives/positives per task) or a number
 * @param adversarial    "none", "fgsm" or "pgd"
 */
public record TrainSettings(int epochs, int batchSize, int patience, int lrPatience, double lrFactor,
                            boolean rcAugment, int maxShift, double noise, String adversarial, double advEpsilon,
                            int advSteps, double advFraction, String positiveWeight, Path initMotifs,
                            boolean freezeMotifs, long seed, Path log) {
}
