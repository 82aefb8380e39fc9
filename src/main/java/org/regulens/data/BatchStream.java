package org.regulens.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.regulens.core.Shuffle;

/**
 * Feeds the rows of a split to training or prediction in batches without holding the data set in memory: the
 * file is read in chunks of {@value #CHUNK_ROWS} consecutive rows (chunks without rows of the split are
 * skipped). For training the chunk order is shuffled and rows are shuffled within a pool of a few chunks
 * (a seeded, memory-bounded approximation of a full shuffle); for prediction rows come in file order.
 */
public final class BatchStream implements BatchSource {

    public static final int CHUNK_ROWS = 2048;
    static final int POOL_CHUNKS = 4;

    private final TrainingData data;
    private final int[] rows;
    private final int batchSize;

    /** @param rows data-set rows to use, ascending */
    public BatchStream(TrainingData data, int[] rows, int batchSize) {
        this.data = data;
        this.rows = rows;
        this.batchSize = batchSize;
    }

    @Override
    public int rows() {
        return rows.length;
    }

    /** Every row once, in batches; shuffled when {@code random} is given, else in file order. */
    @Override
    public void forEach(SplittableRandom random, Consumer<Batch> consumer) {
        List<int[]> chunks = chunks();
        if (random != null) {
            Shuffle.list(chunks, random);
        }
        int length = data.length();
        int tasks = data.tasks().size();
        int rowSize = 4 * length;
        List<Pooled> pool = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            int[] chunk = chunks.get(c); // {first file row, count, first index into rows, last index (excl.)}
            float[] x = data.oneHot(chunk[0], chunk[1]);
            for (int k = chunk[2]; k < chunk[3]; k++) {
                int row = rows[k];
                float[] copy = new float[rowSize];
                System.arraycopy(x, (row - chunk[0]) * rowSize, copy, 0, rowSize);
                pool.add(new Pooled(row, copy));
            }
            boolean last = c == chunks.size() - 1;
            if (last || random == null || (c + 1) % POOL_CHUNKS == 0) {
                if (random != null) {
                    Shuffle.list(pool, random);
                }
                int emitted = 0;
                while (pool.size() - emitted >= batchSize || (last && pool.size() > emitted)) {
                    int n = Math.min(batchSize, pool.size() - emitted);
                    consumer.accept(batch(pool, emitted, n, rowSize, tasks));
                    emitted += n;
                }
                pool = new ArrayList<>(pool.subList(emitted, pool.size()));
            }
        }
    }

    /** A row waiting in the shuffle pool: its data-set index and its one-hot values. */
    private record Pooled(int row, float[] x) {
    }

    private Batch batch(List<Pooled> pool, int from, int n, int rowSize, int tasks) {
        float[] x = new float[n * rowSize];
        float[] y = new float[n * tasks];
        float[] mask = new float[n * tasks];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pool.get(from + i).x(), 0, x, i * rowSize, rowSize);
            int row = pool.get(from + i).row();
            ids[i] = row;
            for (int t = 0; t < tasks && data.hasLabels(); t++) {
                float label = data.label(row, t);
                boolean known = !Float.isNaN(label);
                y[i * tasks + t] = known ? label : 0f;
                mask[i * tasks + t] = known ? 1f : 0f;
            }
        }
        return new Batch(n, x, y, mask, ids);
    }

    /** Chunks of the file holding rows of this stream: {first row, count, from index, to index}. */
    private List<int[]> chunks() {
        List<int[]> chunks = new ArrayList<>();
        int k = 0;
        while (k < rows.length) {
            int chunk = rows[k] / CHUNK_ROWS;
            int from = k;
            while (k < rows.length && rows[k] / CHUNK_ROWS == chunk) {
                k++;
            }
            int first = rows[from];
            int count = rows[k - 1] - first + 1;
            chunks.add(new int[] {first, count, from, k});
        }
        return chunks;
    }
}
