package org.regulens.data;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Rows of a data set handed out in batches: once each per call, shuffled when a random generator is given (training),
 * else in order (scoring). {@link BatchStream} reads one-hot DNA from disk; {@link InMemoryBatches} serves rows
 * already in memory (interaction maps).
 */
public interface BatchSource {

    /** How many rows one pass hands out. */
    int rows();

    /** Every row once, in batches; shuffled when {@code random} is given, else in order. */
    void forEach(SplittableRandom random, Consumer<Batch> consumer);
}
