package org.regulens.data;

/**
 * A batch of rows: one-hot {@code x} (n × 4 × L floats, row-major), labels {@code y} (n × T, NaN replaced by 0),
 * a label {@code mask} (n × T, 0 where the label was NaN) and the data-set row of each entry.
 */
public record Batch(int size, float[] x, float[] y, float[] mask, int[] rows) {
}
