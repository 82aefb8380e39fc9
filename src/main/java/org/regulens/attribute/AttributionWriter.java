package org.regulens.attribute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regulens.io.Json;
import org.regulens.io.npz.ArraySink;
import org.regulens.io.npz.DType;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzWriter;

/**
 * Streams attributions into ATTR.npz: {@code x}, {@code hyp}, {@code attr} (float32, N × 4 × L), {@code pred}
 * (float32, N × tasks, probabilities), {@code delta} (float32, N), {@code index} (int64, N: rows of the data set),
 * {@code tasks} and a {@code meta} JSON string. Optionally also {@code ohe.npz} and {@code hyp.npz} holding one
 * array {@code arr_0} each, the files tfmodisco-lite's {@code modisco motifs -s ohe.npz -a hyp.npz} reads.
 * Nothing appears under the final names until {@link #commit()}.
 */
public final class AttributionWriter implements AutoCloseable {

    private final NpzWriter npz;
    private final ArraySink x;
    private final ArraySink hyp;
    private final ArraySink attr;
    private final ArraySink pred;
    private final ArraySink delta;
    private final ArraySink index;
    private final List<NpzWriter> modisco = new ArrayList<>();
    private final ArraySink modiscoOhe;
    private final ArraySink modiscoHyp;
    private final int length;

    public AttributionWriter(Path out, Path modiscoDir, int length, int tasks) {
        this.length = length;
        this.npz = NpzWriter.create(out);
        this.x = npz.beginArray("x", DType.FLOAT32, 4, length);
        this.hyp = npz.beginArray("hyp", DType.FLOAT32, 4, length);
        this.attr = npz.beginArray("attr", DType.FLOAT32, 4, length);
        this.pred = npz.beginArray("pred", DType.FLOAT32, tasks);
        this.delta = npz.beginArray("delta", DType.FLOAT32);
        this.index = npz.beginArray("index", DType.INT64);
        if (modiscoDir != null) {
            try {
                Files.createDirectories(modiscoDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + modiscoDir + ": " + e.getMessage(), e);
            }
            NpzWriter ohe = NpzWriter.create(modiscoDir.resolve("ohe.npz"));
            NpzWriter h = NpzWriter.create(modiscoDir.resolve("hyp.npz"));
            modisco.add(ohe);
            modisco.add(h);
            this.modiscoOhe = ohe.beginArray("arr_0", DType.FLOAT32, 4, length);
            this.modiscoHyp = h.beginArray("arr_0", DType.FLOAT32, 4, length);
        } else {
            this.modiscoOhe = null;
            this.modiscoHyp = null;
        }
    }

    /** One row: its one-hot input, hypothetical and actual contributions, predictions, delta and data-set index. */
    public void write(float[] oneHot, float[] hypothetical, float[] actual, float[] predictions, float rowDelta,
                      long row) {
        if (actual.length != 4 * length) {
            throw new IllegalArgumentException("a row of actual contributions has " + actual.length + " values, not "
                    + 4 * length);
        }
        x.writeRow(oneHot);
        hyp.writeRow(hypothetical);
        attr.writeRow(actual);
        pred.writeRow(predictions);
        delta.writeRow(new float[] {rowDelta});
        index.writeRow(new long[] {row});
        if (modiscoOhe != null) {
            modiscoOhe.writeRow(oneHot);
            modiscoHyp.writeRow(hypothetical);
        }
    }

    /** An extra whole array (e.g. the names of the rows), written with the rest on {@link #commit}. */
    public void put(String name, NpyArray array) {
        npz.write(name, array);
    }

    public void commit(List<String> tasks, Map<String, Object> meta) {
        npz.write("tasks", NpyArray.ofStrings(tasks.toArray(String[]::new)));
        npz.write("meta", NpyArray.ofString(Json.write(meta)));
        npz.commit();
        modisco.forEach(NpzWriter::commit);
    }

    @Override
    public void close() {
        npz.close();
        modisco.forEach(NpzWriter::close);
    }
}
