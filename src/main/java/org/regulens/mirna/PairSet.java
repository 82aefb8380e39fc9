package org.regulens.mirna;

import java.nio.file.Path;
import java.util.List;
import org.regulens.data.BatchSource;
import org.regulens.data.InMemoryBatches;
import org.regulens.data.TrainingSet;

/**
 * A pair table encoded as interaction maps in memory (30,000 pairs × 20 × 50 floats is 120 MB), with one task
 * ("binding") and a split per row, for {@link org.regulens.train.Trainer}.
 */
public final class PairSet implements TrainingSet {

    /** The single task of a miRNA:target model. */
    public static final String TASK = "binding";

    private final PairTable table;
    private final InteractionMap encoding;
    private final float[] maps;
    private final float[] labels;
    private final byte[] split;

    public PairSet(PairTable table, InteractionMap encoding, byte[] split) {
        this.table = table;
        this.encoding = encoding;
        this.split = split;
        this.maps = encode(table, encoding, 0, table.size());
        this.labels = new float[table.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = table.label(i);
        }
    }

    /** Maps of rows [from, to) of a table, row-major. */
    public static float[] encode(PairTable table, InteractionMap encoding, int from, int to) {
        float[] maps = new float[(to - from) * encoding.size()];
        for (int i = from; i < to; i++) {
            encoding.encode(table.mirna(i), table.target(i), maps, (i - from) * encoding.size());
        }
        return maps;
    }

    @Override
    public Path file() {
        return table.file();
    }

    @Override
    public int length() {
        return encoding.targetLength();
    }

    @Override
    public List<String> tasks() {
        return List.of(TASK);
    }

    @Override
    public int[] rowsOf(int code) {
        int count = 0;
        for (byte s : split) {
            count += s == code ? 1 : 0;
        }
        int[] rows = new int[count];
        int k = 0;
        for (int i = 0; i < split.length; i++) {
            if (split[i] == code) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    @Override
    public float label(int row, int task) {
        return labels[row];
    }

    @Override
    public BatchSource batches(int[] rows, int batchSize) {
        return new InMemoryBatches(maps, encoding.size(), labels, 1, rows, batchSize);
    }
}
