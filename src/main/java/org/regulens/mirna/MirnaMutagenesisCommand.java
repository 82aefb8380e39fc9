package org.regulens.mirna;

import static org.regulens.model.RegulensModel.sigmoid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regulens.core.ExitCodes;
import org.regulens.core.Log;
import org.regulens.evaluate.Correlation;
import org.regulens.io.AtomicOutput;
import org.regulens.io.OutputDirectory;
import org.regulens.options.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regulens mirna mutagenesis}: every single-nucleotide substitution of each pair, scored. */
@Command(name = "mutagenesis", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score every single-nucleotide substitution of each pair's target site and of the miRNA's first 20 nt "
                    + "(the positions the model reads) and report the predicted change; with --measured, correlate "
                    + "predicted with measured effects (e.g. reporter assays of mutated sites).",
            "DIR receives mutations.tsv and, with --measured, correlation.tsv."
        })
public final class MirnaMutagenesisCommand implements Callable<Integer> {

    private static final String BASES = "ACGT";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MirnaModelOption modelOption;

    @Option(names = "--pairs", required = true, paramLabel = "TABLE",
            description = "Pairs: TSV/CSV (or .gz) with header miRNA, gene.")
    Path pairs;

    @Output
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--measured", paramLabel = "TABLE",
            description = "Measured effects: TSV/CSV with pair (1-based row of --pairs; optional for one pair), "
                    + "molecule (target|mirna), position (1-based, 5'->3'), alt, effect.")
    Path measured;

    @Option(names = "--batch-size", defaultValue = "256", description = "Maps per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        MirnaModelOption.Loaded loaded = modelOption.load();
        MapFunction model = loaded.function();
        InteractionMap encoding = loaded.encoding();
        PairTable table = loaded.pairs(pairs, false);
        Map<String, Double> effects = measured == null ? null : MeasuredEffects.read(measured, table);
        List<Substitution> substitutions = substitutions(table);
        float[] reference = PairScores.logits(model, encoding, table.size(),
                row -> new String[] {table.mirna(row), table.target(row)}, batchSize, "wild type", "pairs");
        float[] mutant = PairScores.logits(model, encoding, substitutions.size(),
                k -> substitutions.get(k).apply(table),
                batchSize, "mutagenesis", "substitutions");
        List<double[]> matched = new ArrayList<>(); // {molecule ordinal, delta, delta logit, effect}
        StringBuilder rows = new StringBuilder("pair\tmolecule\tposition\tref\talt\tref_score\tscore\tdelta\tdelta_logit"
                + (effects == null ? "" : "\tmeasured") + "\n");
        for (int k = 0; k < substitutions.size(); k++) {
            Substitution s = substitutions.get(k);
            double refScore = sigmoid(reference[s.pair()]);
            double score = sigmoid(mutant[k]);
            double deltaLogit = mutant[k] - reference[s.pair()];
            rows.append(String.format(Locale.ROOT, "%d\t%s\t%d\t%c\t%c\t%.6f\t%.6f\t%.6f\t%.5f", s.pair() + 1,
                    s.molecule().label(), s.position() + 1, DuplexText.rna(s.ref()), DuplexText.rna(s.alt()), refScore,
                    score, score - refScore, deltaLogit));
            if (effects != null) {
                Double effect = effects.get(s.key());
                rows.append(effect == null ? "\tNA" : String.format(Locale.ROOT, "\t%s", effect));
                if (effect != null) {
                    matched.add(new double[] {s.molecule().ordinal(), score - refScore, deltaLogit, effect});
                }
            }
            rows.append('\n');
        }
        try (OutputDirectory output = OutputDirectory.create(out)) {
            AtomicOutput.writeString(output.resolve("mutations.tsv"), rows.toString());
            if (effects != null) {
                AtomicOutput.writeString(output.resolve("correlation.tsv"), correlations(matched));
            }
            output.commit();
        }
        Log.info("mirna mutagenesis: %d pairs, %,d substitutions%s", table.size(), substitutions.size(),
                effects == null ? "" : String.format(Locale.ROOT, ", %d with a measured effect", matched.size()));
        return ExitCodes.OK;
    }

    /** Per pair: every target position, then the miRNA positions the model reads, each to the three other bases. */
    static List<Substitution> substitutions(PairTable table) {
        List<Substitution> list = new ArrayList<>();
        for (int pair = 0; pair < table.size(); pair++) {
            add(list, pair, Substitution.Molecule.TARGET, table.target(pair), table.target(pair).length());
            add(list, pair, Substitution.Molecule.MIRNA, table.mirna(pair),
                    Math.min(table.mirna(pair).length(), InteractionMap.MIRNA_POSITIONS));
        }
        return list;
    }

    private static void add(List<Substitution> list, int pair, Substitution.Molecule molecule, String sequence, int positions) {
        for (int p = 0; p < positions; p++) {
            for (char alt : BASES.toCharArray()) {
                if (alt != sequence.charAt(p)) {
                    list.add(new Substitution(pair, molecule, p, sequence.charAt(p), alt));
                }
            }
        }
    }

    private static String correlations(List<double[]> matched) {
        StringBuilder out = new StringBuilder("subset\tpredicted\tn\tpearson\tpearson_p\tspearman\tspearman_p\n");
        String[] subsets = {"all", "target", "mirna"};
        String[] predicted = {"delta", "delta_logit"};
        for (int s = 0; s < subsets.length; s++) {
            int subset = s;
            List<double[]> rows = matched.stream()
                    .filter(r -> subset == 0 || r[0] == (subset == 1 ? Substitution.Molecule.TARGET : Substitution.Molecule.MIRNA).ordinal())
                    .toList();
            for (int p = 0; p < predicted.length; p++) {
                out.append(subsets[s]).append('\t').append(predicted[p]).append('\t').append(rows.size());
                if (rows.size() < 3) {
                    out.append("\tNA\tNA\tNA\tNA\n");
                    continue;
                }
                double[] x = new double[rows.size()];
                double[] y = new double[rows.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rows.get(i)[1 + p];
                    y[i] = rows.get(i)[3];
                }
                Correlation c = Correlation.of(x, y);
                out.append(String.format(Locale.ROOT, "\t%s\t%s\t%s\t%s%n", number(c.pearson()), number(c.pearsonP()),
                        number(c.spearman()), number(c.spearmanP())));
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.6g", v);
    }
}
