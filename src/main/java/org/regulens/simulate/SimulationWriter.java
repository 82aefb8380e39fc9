package org.regulens.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regulens.genome.FastaWriter;
import org.regulens.io.AtomicOutput;
import org.regulens.io.OutputDirectory;
import org.regulens.io.npz.DType;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpyFile;

/** Writes simulated data sets in the layouts documented for {@code regulens simulate}. */
final class SimulationWriter {

    static final String PLANTED_BED_HEADER =
            "#chrom\tstart\tend\tmotif_id\tscore\tstrand\tmotif_name\ttask\trole\tpeak";

    private SimulationWriter() {
    }

    /** genome.fa (+ .fai), one TASK.narrowPeak.gz per task, planted.bed and samplesheet.csv. */
    static void writeGenome(OutputDirectory out, GenomeSimulator.Result result) {
        FastaWriter.write(out.resolve("genome.fa"), result.genome());
        StringBuilder samplesheet = new StringBuilder("task,peaks\n");
        for (Map.Entry<String, List<SimulatedPeak>> entry : result.peaks().entrySet()) {
            String file = entry.getKey() + ".narrowPeak.gz";
            writeLines(out.resolve(file), null, entry.getValue().stream().map(SimulationWriter::narrowPeak).toList());
            samplesheet.append(entry.getKey()).append(',').append(file).append('\n');
        }
        writeLines(out.resolve("planted.bed"), PLANTED_BED_HEADER, result.sites().stream().map(s -> String.join("\t",
                s.sequence(), Integer.toString(s.start()), Integer.toString(s.end()), s.motif().id(), "0",
                String.valueOf(s.strand()), s.motif().name(), s.task(), s.role(), s.peak())).toList());
        AtomicOutput.writeString(out.resolve("samplesheet.csv"), samplesheet.toString());
    }

    /** sequences.tsv (name, sequence, one label column per task), truth.npy (N×L uint8) and planted.tsv. */
    static void writeSequences(OutputDirectory out, SequenceSimulator.Result result, List<TaskSpec> tasks) {
        StringBuilder header = new StringBuilder("name\tsequence");
        tasks.forEach(t -> header.append('\t').append(t.name()));
        List<String> rows = new java.util.ArrayList<>(result.names().size());
        for (int i = 0; i < result.names().size(); i++) {
            StringBuilder row = new StringBuilder(result.names().get(i)).append('\t')
                    .append(new String(result.sequences().get(i), java.nio.charset.StandardCharsets.US_ASCII));
            for (float label : result.labels()[i]) {
                row.append('\t').append((int) label);
            }
            rows.add(row.toString());
        }
        writeLines(out.resolve("sequences.tsv"), header.toString(), rows);
        int n = result.truth().length;
        int length = n == 0 ? 0 : result.truth()[0].length;
        byte[] flat = new byte[n * length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(result.truth()[i], 0, flat, i * length, length);
        }
        NpyFile.write(out.resolve("truth.npy"), NpyArray.ofBytes(flat, DType.UINT8, n, length));
        writeLines(out.resolve("planted.tsv"), "sequence\tstart\tend\tmotif_id\tmotif_name\tstrand\ttask\trole",
                result.sites().stream().map(s -> String.join("\t", s.sequence(), Integer.toString(s.start()),
                        Integer.toString(s.end()), s.motif().id(), s.motif().name(), String.valueOf(s.strand()),
                        s.task(), s.role())).toList());
    }

    private static String narrowPeak(SimulatedPeak p) {
        return String.join("\t", p.chrom(), Integer.toString(p.start()), Integer.toString(p.end()), p.name(),
                Integer.toString(p.score()), ".", format(p.signal()), format(p.pValue()), format(p.qValue()),
                Integer.toString(p.summit() - p.start()));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }

    private static void writeLines(Path file, String header, List<String> lines) {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            try (Writer writer = out.writer()) {
                if (header != null) {
                    writer.write(header);
                    writer.write('\n');
                }
                for (String line : lines) {
                    writer.write(line);
                    writer.write('\n');
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
