package org.regulens.data;

/**
 * A batch of rows: inputs {@code x} (n rows, row-major: one-hot n × 4 × L, or n interaction maps), labels {@code y} (n × T, NaN replaced by 0),
 * a label {@code mask} (n × T, 0 where the label was NaN) and the data-set row of each entry.
 */
public record Batch(int size, float[] x, float[] y, float[] mask, int[] rows) {
}
