package org.regulens.attribute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpzFile;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.regulens.options.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code regulens attribute merge}: joins the ATTR.npz files of {@code --shard} runs into one, rows in the order
 * of the data set. Refuses shards of different methods, tasks or lengths, and rows present twice.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Join attribution shards (from attribute --shard i/n) into one file, rows in data-set order.")
public final class AttributeMergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SHARD.npz", description = "Attribution files to join.")
    List<Path> shards;

    @Output
    @Option(names = "--out", required = true, paramLabel = "ATTR.npz", description = "Merged attribution file.")
    Path out;

    @Output
    @Option(names = "--modisco", paramLabel = "DIR", description = "Also write DIR/ohe.npz and DIR/hyp.npz for tfmodisco-lite.")
    Path modisco;

    @Override
    public Integer call() throws Exception {
        List<NpzFile> files = new ArrayList<>();
        try {
            Map<String, Object> meta = null;
            String[] tasks = null;
            int length = -1;
            List<long[]> order = new ArrayList<>(); // {index, file, row}
            Set<Long> seen = new HashSet<>();
            for (int f = 0; f < shards.size(); f++) {
                Path path = shards.get(f);
                NpzFile npz = NpzFile.open(path);
                files.add(npz);
                for (String name : List.of("x", "hyp", "attr", "pred", "delta", "index", "tasks", "meta")) {
                    if (!npz.contains(name)) {
                        throw RegulensException.atRecord(path, name, "missing: not an attribution file from regulens attribute");
                    }
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new ObjectMapper().readValue(npz.read("meta").asString(), Map.class);
                int l = (int) npz.header("x").shape()[2];
                if (meta == null) {
                    meta = m;
                    tasks = npz.read("tasks").asStrings();
                    length = l;
                } else if (!m.get("method").equals(meta.get("method")) || !m.get("task").equals(meta.get("task")) || l != length) {
                    throw RegulensException.inFile(path, "method " + m.get("method") + ", task " + m.get("task") + ", length "
                            + l + " differ from the first shard's (" + meta.get("method") + ", " + meta.get("task") + ", " + length + ")");
                }
                long[] index = npz.read("index").asLongs();
                for (int r = 0; r < index.length; r++) {
                    if (!seen.add(index[r])) {
                        throw RegulensException.atRecord(path, "index", "row " + index[r] + " appears in more than one shard");
                    }
                    order.add(new long[] {index[r], f, r});
                }
            }
            order.sort((a, b) -> Long.compare(a[0], b[0]));
            try (AttributionWriter writer = new AttributionWriter(out, modisco, length, tasks.length)) {
                for (long[] entry : order) {
                    NpzFile npz = files.get((int) entry[1]);
                    int r = (int) entry[2];
                    writer.write(npz.readRows("x", r, 1).asFloats(), npz.readRows("hyp", r, 1).asFloats(),
                            npz.readRows("attr", r, 1).asFloats(), npz.readRows("pred", r, 1).asFloats(), npz.readRows("delta", r, 1).asFloats()[0], entry[0]);
                }
                meta.put("shard", "merged from " + shards.size());
                writer.commit(List.of(tasks), meta);
            }
        } finally {
            files.forEach(NpzFile::close);
        }
        return ExitCodes.OK;
    }
}
