package org.regulens.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What the trainer needs of a data set, whatever its input: the file it came from (for messages), the input length
 * (bases of one-hot DNA, or target positions of an interaction map), task names, the rows of each split with their
 * labels, and batches of given rows. {@link TrainingData} (one-hot npz from {@code encode}) is one; miRNA:target
 * pair tables are another.
 */
public interface TrainingSet {

    Path file();

    int length();

    List<String> tasks();

    /** Row indices of a split (0 train, 1 valid, 2 test), ascending. */
    int[] rowsOf(int split);

    /** Label of a row for a task (NaN = unknown). */
    float label(int row, int task);

    /** The given rows (ascending) in batches of at most {@code batchSize}. */
    BatchSource batches(int[] rows, int batchSize);
}
