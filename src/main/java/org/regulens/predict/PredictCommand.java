package org.regulens.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.core.RegulensException;
import org.regulens.data.BatchStream;
import org.regulens.data.TrainingData;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.genome.GenomeIndex;
import org.regulens.genome.Peak;
import org.regulens.genome.PeakReader;
import org.regulens.io.AtomicOutput;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.seq.Dna;
import org.regulens.seq.OneHot;
import org.regulens.options.Output;
import org.regulens.options.ModelInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens predict}: per-task probabilities for a data set, a FASTA file, or BED regions of a genome. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Predict per-task binding probabilities with a trained model, streaming in batches.",
            "--data: every row of a data set; --fasta: each record, cut to its central L bases (L = the model's "
                    + "input length); --bed with --genome: an L-base window centred on each region's summit or "
                    + "midpoint (reverse-complemented for strand -)."
        })
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelInput model;

    @Option(names = "--data", paramLabel = "DATA.npz", description = "Data set (from encode).")
    Path data;

    @Option(names = "--fasta", paramLabel = "FILE", description = "Sequences at least as long as the model's input.")
    Path fasta;

    @Option(names = "--bed", paramLabel = "FILE", description = "Regions (BED/narrowPeak), with --genome.")
    Path bed;

    @Option(names = "--genome", paramLabel = "FASTA", description = "Genome for --bed.")
    Path genome;

    @Output
    @Option(names = "--out", required = true, paramLabel = "PRED.tsv",
            description = "Predictions: name (or chrom, start, end, name for --bed) and one column per task.")
    Path out;

    @Option(names = "--batch-size", defaultValue = "256", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    private RegulensModel regulensModel;

    @Override
    public Integer call() {
        int inputs = (data != null ? 1 : 0) + (fasta != null ? 1 : 0) + (bed != null ? 1 : 0);
        if (inputs != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --data, --fasta, --bed");
        }
        if ((bed != null) != (genome != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bed and --genome go together");
        }
        regulensModel = ModelFile.load(model.path);
        if (!regulensModel.architecture().takesOneHot()) {
            throw RegulensException.inFile(model.path, "a model of miRNA:target pairs: use 'regulens mirna predict'");
        }
        Log.info("%s", String.join("; ", org.regulens.nn.Nd4jBackend.summary()));
        try (AtomicOutput output = AtomicOutput.create(out); Writer writer = output.writer()) {
            if (data != null) {
                predictData(writer);
            } else if (fasta != null) {
                predictFasta(writer);
            } else {
                predictBed(writer);
            }
            writer.close();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void header(Writer writer, String columns) throws IOException {
        writer.write(columns);
        for (String task : regulensModel.tasks()) {
            writer.write('\t');
            writer.write(task);
        }
        writer.write('\n');
    }

    private void predictData(Writer writer) throws IOException {
        try (TrainingData dataset = TrainingData.open(data, false)) {
            regulensModel.requireCompatible(model.path, data, dataset.length(), null);
            header(writer, "name");
            int[] rows = dataset.rowsOf(-1);
            try (Progress progress = new Progress("predict", rows.length, "sequences")) {
                new BatchStream(dataset, rows, batchSize).forEach(null, batch -> {
                    List<String> names = new ArrayList<>();
                    for (int row : batch.rows()) {
                        names.add(dataset.name(row));
                    }
                    write(writer, names, regulensModel.predict(batch.x(), batch.size()));
                    progress.advance(batch.size());
                });
            }
        }
    }

    private void predictFasta(Writer writer) throws IOException {
        int length = regulensModel.length();
        header(writer, "name");
        Batcher batcher = new Batcher((names, probabilities) -> write(writer, names, probabilities));
        try (FastaStream stream = new FastaStream(fasta, Map.of())) {
            Chromosome record;
            while ((record = stream.next()) != null) {
                byte[] sequence = record.sequence();
                if (sequence.length < length) {
                    throw RegulensException.atRecord(fasta, record.name(), sequence.length
                            + " bases, fewer than the model's input length " + length);
                }
                int from = (sequence.length - length) / 2;
                Dna.normalise(sequence, from, from + length);
                batcher.add(record.name(), sequence, from);
            }
        }
        batcher.flush();
    }

    private void predictBed(Writer writer) throws IOException {
        int length = regulensModel.length();
        List<Peak> regions = PeakReader.read(bed);
        GenomeIndex index = GenomeIndex.of(genome);
        Map<String, List<Integer>> byChrom = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            Peak peak = regions.get(i);
            if (!index.contains(peak.chrom())) {
                throw RegulensException.atLine(bed, peak.line(), "chromosome '" + peak.chrom() + "' is not in " + genome);
            }
            byChrom.computeIfAbsent(peak.chrom(), c -> new ArrayList<>()).add(i);
        }
        // Windows are made while the genome streams by, then written in the BED file's order.
        String[] lines = new String[regions.size()];
        try (FastaStream stream = index.stream()) {
            Chromosome chromosome;
            while ((chromosome = stream.next()) != null) {
                List<Integer> here = byChrom.get(chromosome.name());
                if (here == null) {
                    continue;
                }
                if (chromosome.length() < length) {
                    throw RegulensException.atRecord(genome, chromosome.name(), "shorter than the model's input length");
                }
                Batcher batcher = new Batcher((keys, probabilities) -> {
                    for (int i = 0; i < keys.size(); i++) {
                        int id = Integer.parseInt(keys.get(i).substring(0, keys.get(i).indexOf('|')));
                        lines[id] = line(keys.get(i).substring(keys.get(i).indexOf('|') + 1), probabilities[i]);
                    }
                });
                for (int id : here) {
                    Peak peak = regions.get(id);
                    long start = Math.max(0, Math.min(chromosome.length() - length, peak.anchor() - length / 2));
                    byte[] window = java.util.Arrays.copyOfRange(chromosome.sequence(), (int) start, (int) start + length);
                    Dna.normalise(window, 0, length);
                    if (peak.isMinus()) {
                        window = Dna.reverseComplement(window);
                    }
                    batcher.add(id + "|" + peak.chrom() + "\t" + start + "\t" + (start + length) + "\t" + peak.name(),
                            window, 0);
                }
                batcher.flush();
            }
        }
        header(writer, "chrom\tstart\tend\tname");
        for (String line : lines) {
            writer.write(line);
        }
        Log.info("predicted %,d regions", regions.size());
    }

    private static void write(Writer writer, List<String> names, float[][] probabilities) {
        try {
            for (int i = 0; i < names.size(); i++) {
                writer.write(line(names.get(i), probabilities[i]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String name, float[] probabilities) {
        StringBuilder line = new StringBuilder(name);
        for (float p : probabilities) {
            line.append('\t').append(String.format(Locale.ROOT, "%.6g", p));
        }
        return line.append('\n').toString();
    }

    /** Collects one-hot rows until a batch is full, then predicts them and hands keys and scores to a sink. */
    private final class Batcher {
        private final java.util.function.BiConsumer<List<String>, float[][]> sink;
        private final List<String> names = new ArrayList<>();
        private final float[] x;
        private final byte[] row;
        private final int length = regulensModel.length();

        Batcher(java.util.function.BiConsumer<List<String>, float[][]> sink) {
            this.sink = sink;
            this.x = new float[batchSize * 4 * length];
            this.row = new byte[4 * length];
        }

        void add(String name, byte[] sequence, int from) {
            OneHot.encode(sequence, from, length, row, 0);
            int slot = names.size();
            for (int j = 0; j < row.length; j++) {
                x[slot * 4 * length + j] = row[j];
            }
            names.add(name);
            if (names.size() == batchSize) {
                flush();
            }
        }

        void flush() {
            if (!names.isEmpty()) {
                sink.accept(new ArrayList<>(names), regulensModel.predict(x, names.size()));
                names.clear();
            }
        }
    }
}
