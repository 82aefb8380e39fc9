package org.regulens.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.regulens.core.RegulensException;
import org.regulens.io.AtomicOutput;
import org.regulens.io.Json;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpyFile;

/**
 * One file per model: a zip holding {@code regulens-model.json} (settings, input length, alphabet, task names,
 * the kind of network and metadata), {@code configuration.json} (the deeplearning4j network) and
 * {@code params.npy} (all parameters, float32, readable with numpy). The kind ({@code "network"}) is
 * {@value #MULTILAYER} (a {@code MultiLayerConfiguration}) or {@value #GRAPH} (a
 * {@code ComputationGraphConfiguration}); files written before graphs existed lack it and are multilayer. Entries
 * carry a fixed time, so the same model gives the same bytes.
 */
public final class ModelFile {

    static final String METADATA = "regulens-model.json";
    static final String CONFIGURATION = "configuration.json";
    static final String PARAMETERS = "params.npy";
    static final String MULTILAYER = "multilayer";
    static final String GRAPH = "graph";
    private static final long FIXED_TIME = 315_532_800_000L + 86_400_000L * 31; // 1980-02-01, as in our npz files

    private ModelFile() {
    }

    public static void save(Path path, RegulensModel model) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "regulens-model");
        header.put("format_version", 1);
        header.put("alphabet", RegulensModel.ALPHABET);
        header.put("length", model.length());
        header.put("tasks", model.tasks());
        header.put("network", model.isGraph() ? GRAPH : MULTILAYER);
        ModelSettings s = model.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("arch", s.arch());
        settings.put("first_activation", s.firstActivation());
        settings.put("filters", s.filters());
        settings.put("filter_width", s.filterWidth());
        settings.put("dropout", s.dropout());
        settings.put("batch_norm", s.batchNorm());
        settings.put("reverse_complement", s.reverseComplement());
        settings.put("learning_rate", s.learningRate());
        settings.put("l2", s.l2());
        settings.put("seed", s.seed());
        header.put("settings", settings);
        header.put("metadata", model.metadata());
        try (AtomicOutput out = AtomicOutput.create(path);
             ZipOutputStream zip = new ZipOutputStream(out.stream())) {
            put(zip, METADATA, Json.write(header).getBytes(StandardCharsets.UTF_8));
            String configuration = model.network() instanceof ComputationGraph graph ? graph.getConfiguration().toJson()
                    : ((MultiLayerNetwork) model.network()).getLayerWiseConfigurations().toJson();
            put(zip, CONFIGURATION, configuration.getBytes(StandardCharsets.UTF_8));
            float[] params = model.network().params().toFloatVector();
            Path temp = Files.createTempFile("regulens-params", ".npy");
            try {
                NpyFile.write(temp, NpyArray.ofFloats(params, params.length));
                put(zip, PARAMETERS, Files.readAllBytes(temp));
            } finally {
                Files.deleteIfExists(temp);
            }
            zip.finish();
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    @SuppressWarnings("unchecked")
    public static RegulensModel load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw RegulensException.inFile(path, "no such file");
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Map<String, Object> header = new ObjectMapper().readValue(read(zip, path, METADATA), Map.class);
            if (!"regulens-model".equals(header.get("format"))) {
                throw RegulensException.atRecord(path, METADATA, "not a regulens model (format is "
                        + header.get("format") + ")");
            }
            if (!RegulensModel.ALPHABET.equals(header.get("alphabet"))) {
                throw RegulensException.atRecord(path, METADATA, "alphabet " + header.get("alphabet")
                        + " is not supported (only " + RegulensModel.ALPHABET + ")");
            }
            Map<String, Object> s = (Map<String, Object>) header.get("settings");
            ModelSettings settings = new ModelSettings((String) s.get("arch"), (String) s.get("first_activation"),
                    ((Number) s.get("filters")).intValue(), ((Number) s.get("filter_width")).intValue(),
                    ((Number) s.get("dropout")).doubleValue(), (Boolean) s.get("batch_norm"),
                    (String) s.get("reverse_complement"), ((Number) s.get("learning_rate")).doubleValue(),
                    ((Number) s.get("l2")).doubleValue(), ((Number) s.get("seed")).longValue());
            int length = ((Number) header.get("length")).intValue();
            List<String> tasks = (List<String>) header.get("tasks");
            Object kind = header.getOrDefault("network", MULTILAYER);
            if (!MULTILAYER.equals(kind) && !GRAPH.equals(kind)) {
                throw RegulensException.atRecord(path, METADATA, "unknown network kind " + kind + " (expected "
                        + MULTILAYER + " or " + GRAPH + ")");
            }
            String configuration = new String(read(zip, path, CONFIGURATION), StandardCharsets.UTF_8);
            Model network = GRAPH.equals(kind)
                    ? NetworkFactory.graph(ComputationGraphConfiguration.fromJson(configuration))
                    : NetworkFactory.network(MultiLayerConfiguration.fromJson(configuration));
            Path temp = Files.createTempFile("regulens-params", ".npy");
            float[] params;
            try {
                Files.write(temp, read(zip, path, PARAMETERS));
                params = NpyFile.read(temp).asFloats();
            } finally {
                Files.deleteIfExists(temp);
            }
            if (params.length != network.numParams()) {
                throw RegulensException.atRecord(path, PARAMETERS, params.length + " parameters, but the network has "
                        + network.numParams());
            }
            network.setParams(Nd4j.createFromArray(params).reshape(1, params.length));
            Map<String, Object> metadata = (Map<String, Object>) header.getOrDefault("metadata", Map.of());
            return new RegulensModel(network, settings, length, tasks, metadata);
        } catch (NoSuchFileException e) {
            throw RegulensException.inFile(path, "no such file");
        } catch (ZipException e) {
            throw RegulensException.inFile(path, "not a regulens model file (not a zip archive)");
        } catch (RegulensException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw RegulensException.inFile(path, "corrupt or unreadable model file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private static byte[] read(ZipFile zip, Path path, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw RegulensException.atRecord(path, name, "missing: not a regulens model file");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        }
    }
}
