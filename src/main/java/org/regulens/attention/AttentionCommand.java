package org.regulens.attention;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regulens.attribute.ExplainNetwork;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.core.RegulensException;
import org.regulens.data.BatchStream;
import org.regulens.data.TrainingData;
import org.regulens.io.Json;
import org.regulens.io.npz.ArraySink;
import org.regulens.io.npz.DType;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzWriter;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens attention}: the self-attention maps of a cnn-attention model for rows of a data set. */
@Command(name = "attention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Attention maps of a model with a self-attention layer (train --arch cnn-attention): for every selected "
                    + "row, heads × positions × positions weights (row: the query position, column: the key position "
                    + "it reads from; each row sums to 1). Positions are those of the pooled feature map the layer "
                    + "sees; meta.bases_per_position converts them to bases. Maps are of the forward strand.",
            "Output npz: maps (float32, N × heads × T × T), pred (float32, N × tasks, probabilities), index (int64, "
                    + "N: rows of the data set), tasks, meta (JSON)."
        })
public final class AttentionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL.zip", description = "Model file (from train --arch cnn-attention). Required.")
    Path model;

    @Option(names = "--data", paramLabel = "DATA.npz", description = "Data set (from encode). Required.")
    Path data;

    @Output
    @Option(names = "--out", paramLabel = "MAPS.npz", description = "Output: maps, pred, index, tasks, meta. Required.")
    Path out;

    @Option(names = "--task", paramLabel = "NAME", description = "Task whose labels --label reads (default: the model's first task).")
    String task;

    @Option(names = "--split", defaultValue = "all", paramLabel = "all|train|valid|test",
            description = "Rows to map (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--label", defaultValue = "any", paramLabel = "any|positive|negative",
            description = "Keep only rows with this label for the task (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--max-sequences", defaultValue = "1000",
            description = "Map at most this many rows (the first ones selected; 0 = all; default: ${DEFAULT-VALUE}).")
    int maxSequences;

    @Option(names = "--batch-size", defaultValue = "64", description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (model == null || data == null || out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model, --data and --out are required");
        }
        Integer splitCode = TrainingData.splitCode(split);
        if (splitCode == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be all, train, valid or test");
        }
        if (!List.of("any", "positive", "negative").contains(label)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--label must be any, positive or negative");
        }
        if (batchSize < 1 || maxSequences < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--batch-size must be at least 1 and --max-sequences not negative");
        }
        RegulensModel regulensModel = ModelFile.load(model);
        int taskIndex = task == null ? 0 : regulensModel.tasks().indexOf(task);
        if (taskIndex < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the model has no task '" + task
                    + "'; its tasks are " + regulensModel.tasks());
        }
        ExplainNetwork network = ExplainNetwork.of(regulensModel.inference());
        if (network.attentionStep() < 0) {
            throw RegulensException.inFile(model, "the model (--arch " + regulensModel.settings().arch()
                    + ") has no self-attention layer; train one with --arch cnn-attention");
        }
        try (TrainingData dataset = TrainingData.open(data, !"any".equals(label))) {
            regulensModel.requireCompatible(model, data, dataset.length(), null);
            int[] rows = select(dataset, splitCode, taskIndex);
            if (rows.length == 0) {
                throw RegulensException.inFile(data, "no row to map: split " + split + ", label " + label
                        + " selects none of " + dataset.rows() + " rows");
            }
            write(regulensModel, network, dataset, rows);
        }
        return ExitCodes.OK;
    }

    private int[] select(TrainingData dataset, int splitCode, int taskIndex) {
        int[] rows = dataset.rowsOf(splitCode);
        if (!"any".equals(label)) {
            float wanted = "positive".equals(label) ? 1f : 0f;
            rows = Arrays.stream(rows).filter(r -> dataset.label(r, taskIndex) == wanted).toArray();
        }
        return maxSequences > 0 && rows.length > maxSequences ? Arrays.copyOf(rows, maxSequences) : rows;
    }

    private void write(RegulensModel regulensModel, ExplainNetwork network, TrainingData dataset, int[] rows) {
        int length = dataset.length();
        INDArray probe = network.attentionMaps(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 4, length));
        int heads = (int) probe.size(1);
        int positions = (int) probe.size(2);
        Log.info("attention: %d heads over %d positions (%.3g bases each) for %,d rows", heads, positions,
                (double) length / positions, rows.length);
        try (NpzWriter npz = NpzWriter.create(out);
             Progress progress = new Progress("attention", rows.length, "sequences")) {
            ArraySink maps = npz.beginArray("maps", DType.FLOAT32, heads, positions, positions);
            ArraySink pred = npz.beginArray("pred", DType.FLOAT32, regulensModel.tasks().size());
            ArraySink index = npz.beginArray("index", DType.INT64);
            new BatchStream(dataset, rows, batchSize).forEach(null, b -> {
                INDArray x = Nd4j.createFromArray(b.x()).reshape('c', b.size(), 4, length);
                float[] all = network.attentionMaps(x).dup('c').reshape(-1).toFloatVector();
                float[][] probabilities = regulensModel.predict(b.x(), b.size());
                int size = heads * positions * positions;
                for (int i = 0; i < b.size(); i++) {
                    maps.writeRow(Arrays.copyOfRange(all, i * size, (i + 1) * size));
                    pred.writeRow(probabilities[i]);
                    index.writeRow(new long[] {b.rows()[i]});
                }
                progress.advance(b.size());
            });
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("model", model.getFileName().toString());
            meta.put("data", data.getFileName().toString());
            meta.put("arch", regulensModel.settings().arch());
            meta.put("layer", network.layerName(network.attentionStep()));
            meta.put("heads", heads);
            meta.put("positions", positions);
            meta.put("length", length);
            meta.put("bases_per_position", (double) length / positions);
            meta.put("split", split);
            meta.put("label", label);
            meta.put("regulens_version", org.regulens.core.Version.get());
            npz.write("tasks", NpyArray.ofStrings(regulensModel.tasks().toArray(String[]::new)));
            npz.write("meta", NpyArray.ofString(Json.write(meta)));
            npz.commit();
        }
    }
}
