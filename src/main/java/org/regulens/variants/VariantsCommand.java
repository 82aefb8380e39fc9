package org.regulens.variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.attribute.AttributionMethod;
import org.regulens.attribute.AttributionWriter;
import org.regulens.attribute.Methods;
import org.regulens.attribute.ModelFunction;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.core.RegulensException;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.genome.GenomeIndex;
import org.regulens.io.AtomicOutput;
import org.regulens.io.npz.NpyArray;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import org.regulens.options.ModelInput;
import org.regulens.options.Output;
import org.regulens.options.RandomSeed;
import org.regulens.seq.OneHot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens variants}: the predicted effect of each VCF variant, per task, from ref and alt windows. */
@Command(name = "variants", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score the variants of a VCF with a trained model: for each ALT allele (multi-allelic records are split), "
                    + "a window of the reference genome and one with the ALT allele, both of the model's input length L, "
                    + "per task: the logits (both strands averaged when the model was trained with --rc average), "
                    + "logit_diff = alt - ref, the probabilities and log2fc = log2(p_alt / p_ref).",
            "Windows: an allele of m bases (REF or ALT) starts at window index L/2 - m/2 (integer division; an SNV "
                    + "sits at index L/2 of both windows), between the genome's bases before POS and after the end of "
                    + "REF; so an indel's flanks are trimmed (insertion) or padded with the next genome bases (deletion), "
                    + "evenly on both sides. Bases beyond a chromosome end are N. Alleles longer than L are skipped.",
            "Skipped and counted: symbolic ALT alleles (<DEL>, breakends, *), records without ALT, alleles longer than L. "
                    + "A REF that disagrees with the genome, or a chromosome the genome lacks, is an error naming the "
                    + "record unless --skip-mismatch (then counted and skipped)."
        })
public final class VariantsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelInput model;

    @Option(names = "--genome", required = true, paramLabel = "FASTA", description = "Reference genome (plain, gzip or bgzip).")
    Path genome;

    @Option(names = "--vcf", required = true, paramLabel = "VCF", description = "Variants (.vcf or .vcf.gz).")
    Path vcf;

    @Output
    @Option(names = "--out", required = true, paramLabel = "EFFECTS.tsv",
            description = "Effects: chrom, pos, id, ref, alt, task, ref_logit, alt_logit, logit_diff, ref_prob, alt_prob, "
                    + "log2fc; one line per variant and task, in VCF order.")
    Path out;

    @Option(names = "--skip-mismatch", description = "Skip (and count) variants whose REF disagrees with the genome "
            + "or whose chromosome the genome lacks, instead of stopping.")
    boolean skipMismatch;

    @Option(names = "--attribute", paramLabel = "METHOD", description = "Also explain the ref and alt windows with "
            + "this attribution method (see 'regulens attribute'), written to --attributions.")
    String attribute;

    @Output
    @Option(names = "--attributions", paramLabel = "ATTR.npz", description = "With --attribute: the attribute command's "
            + "arrays (x, hyp, attr, pred, delta, index; N×4×L), rows 2k and 2k+1 the REF and ALT windows of one "
            + "variant: index = its number among the VCF's spelled-out ALT alleles (0-based, in order), and the array "
            + "'variant' names each row CHROM:POS:REF:ALT:ref or :alt.")
    Path attributions;

    @Option(names = "--task", paramLabel = "NAME", description = "With --attribute: task to explain (default: the model's first).")
    String task;

    @Option(names = "--batch-size", defaultValue = "128", description = "Variants per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @CommandLine.Mixin
    RandomSeed seed;

    private RegulensModel regulensModel;

    @Override
    public Integer call() {
        if ((attribute == null) != (attributions == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--attribute and --attributions go together");
        }
        if (attribute != null && !Methods.NAMES.contains(attribute)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --attribute method '" + attribute
                    + "'; choose one of " + Methods.NAMES);
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        regulensModel = ModelFile.load(model.path);
        if (!regulensModel.architecture().takesOneHot()) {
            throw RegulensException.inFile(model.path, "a model of miRNA:target pairs: variants need a DNA sequence model");
        }
        int taskIndex = task == null ? 0 : regulensModel.tasks().indexOf(task);
        if (taskIndex < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the model has no task '" + task
                    + "'; its tasks are " + regulensModel.tasks());
        }
        VcfReader.Result read = VcfReader.read(vcf);
        List<Variant> variants = read.variants();
        GenomeIndex index = GenomeIndex.of(genome);
        Counts counts = new Counts();
        Map<String, List<Integer>> byChrom = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            if (!index.contains(variant.chrom())) {
                if (!skipMismatch) {
                    throw RegulensException.atLine(vcf, variant.line(), variant.chrom() + ":" + variant.pos()
                            + ": chromosome '" + variant.chrom() + "' is not in " + genome + " (--skip-mismatch skips it)");
                }
                counts.absentChromosome++;
                continue;
            }
            byChrom.computeIfAbsent(variant.chrom(), c -> new ArrayList<>()).add(i);
        }
        Log.info("variants: %,d records, %,d ALT alleles to score at most; model input %d bp, tasks %s",
                read.records(), variants.size(), regulensModel.length(), regulensModel.tasks());
        float[][][] logits = new float[variants.size()][][];
        AttributionWriter writer = attribute == null ? null
                : new AttributionWriter(attributions, null, regulensModel.length(), regulensModel.tasks().size());
        try (AtomicOutput output = AtomicOutput.create(out); Writer table = output.writer();
             Progress progress = new Progress("variants", variants.size(), "variants")) {
            Explainer explainer = writer == null ? null : new Explainer(writer, taskIndex, variants);
            score(index, variants, byChrom, logits, counts, progress, explainer);
            table.write(EffectTable.header());
            for (int i = 0; i < variants.size(); i++) {
                if (logits[i] != null) {
                    table.write(EffectTable.lines(variants.get(i), regulensModel.tasks(), logits[i][0], logits[i][1]));
                }
            }
            table.close();
            if (writer != null) {
                writer.put("variant", NpyArray.ofStrings(explainer.labels.toArray(String[]::new)));
                writer.commit(regulensModel.tasks(), attributionMeta(taskIndex));
            }
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        Log.info("variants: scored %,d; skipped %,d symbolic ALT alleles, %,d records without ALT, %,d alleles longer "
                        + "than %d bp, %,d REF mismatches, %,d on chromosomes not in the genome",
                counts.scored, read.symbolic(), read.withoutAlt(), counts.tooLong, regulensModel.length(),
                counts.mismatch, counts.absentChromosome);
        return ExitCodes.OK;
    }

    /** Streams the genome and scores each chromosome's variants in batches of ref and alt windows. */
    private void score(GenomeIndex index, List<Variant> variants, Map<String, List<Integer>> byChrom,
                       float[][][] logits, Counts counts, Progress progress, Explainer explainer) {
        int length = regulensModel.length();
        int size = 4 * length;
        float[] x = new float[2 * batchSize * size];
        byte[] row = new byte[size];
        List<Integer> pending = new ArrayList<>();
        try (FastaStream stream = index.stream()) { // checked against the .fai: a stale index is an error
            Chromosome chromosome;
            while ((chromosome = stream.next()) != null) {
                List<Integer> here = byChrom.get(chromosome.name());
                if (here == null) {
                    continue;
                }
                byte[] sequence = chromosome.sequence();
                for (int i : here) {
                    Variant variant = variants.get(i);
                    String found = VariantWindows.refMismatch(sequence, variant);
                    if (found != null) {
                        if (!skipMismatch) {
                            throw RegulensException.atLine(vcf, variant.line(), variant.chrom() + ":" + variant.pos()
                                    + ": REF " + variant.ref() + " disagrees with the genome's "
                                    + (found.isEmpty() ? "end (chromosome of " + sequence.length + " bases)" : found)
                                    + " (--skip-mismatch skips it)");
                        }
                        counts.mismatch++;
                        progress.advance(1);
                        continue;
                    }
                    if (!VariantWindows.fits(length, variant.ref().length()) || !VariantWindows.fits(length, variant.alt().length())) {
                        counts.tooLong++;
                        progress.advance(1);
                        continue;
                    }
                    int slot = pending.size();
                    for (int allele = 0; allele < 2; allele++) {
                        OneHot.encode(VariantWindows.window(sequence, variant, allele == 1, length), 0, length, row, 0);
                        int to = (2 * slot + allele) * size;
                        for (int j = 0; j < size; j++) {
                            x[to + j] = row[j];
                        }
                    }
                    pending.add(i);
                    if (pending.size() == batchSize) {
                        flush(x, pending, logits, counts, progress, explainer);
                    }
                }
                flush(x, pending, logits, counts, progress, explainer);
            }
        }
    }

    private void flush(float[] x, List<Integer> pending, float[][][] logits, Counts counts, Progress progress,
                       Explainer explainer) {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        float[][] scores = regulensModel.logits(x, 2 * n);
        for (int k = 0; k < n; k++) {
            logits[pending.get(k)] = new float[][] {scores[2 * k], scores[2 * k + 1]};
        }
        if (explainer != null) {
            explainer.explain(x, pending);
        }
        counts.scored += n;
        progress.advance(n);
        pending.clear();
    }

    private Map<String, Object> attributionMeta(int taskIndex) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("method", attribute);
        meta.put("task", regulensModel.tasks().get(taskIndex));
        meta.put("model", model.path.getFileName().toString());
        meta.put("vcf", vcf.getFileName().toString());
        meta.put("genome", genome.getFileName().toString());
        meta.put("rows", "2k: REF window, 2k+1: ALT window of ALT allele index[2k] (0-based, VCF order)");
        meta.put("seed", seed.value);
        meta.put("regulens_version", org.regulens.core.Version.get());
        return meta;
    }

    private static final class Counts {
        long scored;
        long mismatch;
        long absentChromosome;
        long tooLong;
    }

    /** Runs the attribution method on each batch's ref and alt windows and streams them to the npz. */
    private final class Explainer {
        private final AttributionWriter writer;
        private final ModelFunction function;
        private final AttributionMethod method;
        private final List<Variant> variants;
        private final List<String> labels = new ArrayList<>();

        Explainer(AttributionWriter writer, int taskIndex, List<Variant> variants) {
            this.writer = writer;
            this.variants = variants;
            this.function = new ModelFunction(regulensModel);
            this.method = Methods.create(attribute, function, taskIndex,
                    new Methods.Settings(null, 20, 50, 25, 0.15, false, null, false, seed.value));
        }

        void explain(float[] x, List<Integer> pending) {
            int size = 4 * regulensModel.length();
            int step = Math.max(1, method.preferredBatch() / 2);
            for (int from = 0; from < pending.size(); from += step) {
                int n = Math.min(step, pending.size() - from);
                float[] rows = java.util.Arrays.copyOfRange(x, 2 * from * size, 2 * (from + n) * size);
                long[] ids = new long[2 * n];
                for (int k = 0; k < 2 * n; k++) {
                    ids[k] = 2L * pending.get(from + k / 2) + k % 2;
                }
                org.regulens.attribute.Attribution a = method.attribute(rows, 2 * n, ids);
                float[] actual = a.actual(rows);
                float[][] predictions = RegulensModel.sigmoid(a.logits() != null ? a.logits() : function.logits(rows, 2 * n));
                for (int k = 0; k < 2 * n; k++) {
                    int variant = pending.get(from + k / 2);
                    writer.write(java.util.Arrays.copyOfRange(rows, k * size, (k + 1) * size),
                            java.util.Arrays.copyOfRange(a.hypothetical(), k * size, (k + 1) * size),
                            java.util.Arrays.copyOfRange(actual, k * size, (k + 1) * size),
                            predictions[k], a.delta()[k], variant);
                    labels.add(variants.get(variant).label() + (k % 2 == 0 ? ":ref" : ":alt"));
                }
            }
        }
    }
}
