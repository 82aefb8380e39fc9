package org.regulens.data;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.regulens.core.Shuffle;

/**
 * Batches of rows held in memory as one flat array ({@code rowSize} floats a row) with labels (rows × tasks, NaN =
 * unknown). Training order is a full seeded permutation of the rows; scoring order is the given order.
 */
public final class InMemoryBatches implements BatchSource {

    private final float[] x;
    private final int rowSize;
    private final float[] labels;
    private final int tasks;
    private final int[] rows;
    private final int batchSize;

    /**
     * @param x      all rows of the data set, row-major
     * @param labels labels of all rows (rows × tasks), or null when there are none
     * @param rows   the rows to hand out
     */
    public InMemoryBatches(float[] x, int rowSize, float[] labels, int tasks, int[] rows, int batchSize) {
        this.x = x;
        this.rowSize = rowSize;
        this.labels = labels;
        this.tasks = tasks;
        this.rows = rows;
        this.batchSize = batchSize;
    }

    @Override
    public int rows() {
        return rows.length;
    }

    @Override
    public void forEach(SplittableRandom random, Consumer<Batch> consumer) {
        int[] order = random == null ? null : Shuffle.permutation(rows.length, random);
        for (int from = 0; from < rows.length; from += batchSize) {
            int n = Math.min(batchSize, rows.length - from);
            float[] bx = new float[n * rowSize];
            float[] y = new float[n * tasks];
            float[] mask = new float[n * tasks];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                int row = rows[order == null ? from + i : order[from + i]];
                ids[i] = row;
                System.arraycopy(x, row * rowSize, bx, i * rowSize, rowSize);
                for (int t = 0; t < tasks && labels != null; t++) {
                    float label = labels[row * tasks + t];
                    boolean known = !Float.isNaN(label);
                    y[i * tasks + t] = known ? label : 0f;
                    mask[i * tasks + t] = known ? 1f : 0f;
                }
            }
            consumer.accept(new Batch(n, bx, y, mask, ids));
        }
    }
}
