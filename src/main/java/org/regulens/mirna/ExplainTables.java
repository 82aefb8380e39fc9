package org.regulens.mirna;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.regulens.io.AtomicOutput;

/**
 * The tables of {@code mirna explain}: one row per pair (explain.tsv), per miRNA position and per target position
 * (long format), and the class breakdown (classes.tsv) accumulated as pairs go by.
 */
final class ExplainTables {

    static final String[] COLUMNS = {"score", "logit", "class", "seed_match", "seed_pairs", "three_prime_pairs",
        "seed_share", "three_prime_share", "top_mirna_position", "top_target_position", "target_start", "target_end",
        "attribution_sum", "logit_minus_baseline", "baseline_logit", "baseline_score", "completeness_gap"};

    private final PairTable table;
    private final int targetLength;
    private final Map<InteractionClass, double[]> classes = new EnumMap<>(InteractionClass.class);
    private double completenessError;
    private double baselineScores;
    private int pairs;

    ExplainTables(PairTable table, int targetLength) {
        this.table = table;
        this.targetLength = targetLength;
        for (InteractionClass c : InteractionClass.values()) {
            classes.put(c, new double[6]); // pairs, Σscore, Σseed share, Σ3' share, binding (score ≥ 0.5), labelled 1
        }
    }

    void writeHeaders(Writer explain, Writer mirna, Writer target) throws IOException {
        explain.write(String.join("\t", table.header()) + "\t" + String.join("\t", COLUMNS) + "\n");
        mirna.write("pair\tposition\tbase\timportance\n");
        target.write("pair\tposition\tbase\timportance\n");
    }

    /** One pair's rows; {@code row} is 0-based in the table (written 1-based). */
    void add(Writer explain, Writer mirna, Writer target, int row, float score, float logit, Completeness completeness,
             PairImportance importance, Duplex duplex, PairingPattern pattern) throws IOException {
        int[] span = duplex.targetSpan();
        int topMirna = PairImportance.argmax(importance.mirna());
        int topTarget = PairImportance.argmax(importance.target());
        StringJoiner line = new StringJoiner("\t", String.join("\t", table.fields(row)) + "\t", "\n");
        line.add(String.format(Locale.ROOT, "%.6f", score));
        line.add(String.format(Locale.ROOT, "%.5f", logit));
        line.add(pattern.kind().label());
        line.add(pattern.seedMatch());
        line.add(Integer.toString(pattern.seedPairs()));
        line.add(Integer.toString(pattern.threePrimePairs()));
        line.add(String.format(Locale.ROOT, "%.4f", importance.seedShare()));
        line.add(String.format(Locale.ROOT, "%.4f", importance.threePrimeShare()));
        line.add(topMirna < 0 ? "NA" : Integer.toString(topMirna + 1));
        line.add(topTarget < 0 ? "NA" : Integer.toString(topTarget + 1));
        line.add(span == null ? "NA" : Integer.toString(span[0]));
        line.add(span == null ? "NA" : Integer.toString(span[1] + 1));
        line.add(String.format(Locale.ROOT, "%.5f", completeness.attributionSum()));
        line.add(String.format(Locale.ROOT, "%.5f", completeness.logitMinusBaseline()));
        line.add(String.format(Locale.ROOT, "%.5f", completeness.baselineLogit()));
        line.add(String.format(Locale.ROOT, "%.6f", completeness.baselineScore()));
        line.add(String.format(Locale.ROOT, "%.5f", completeness.gap()));
        explain.write(line.toString());
        String m = table.mirna(row);
        for (int p = 0; p < Math.min(m.length(), importance.mirna().length); p++) {
            mirna.write(String.format(Locale.ROOT, "%d\t%d\t%c\t%.6g%n", row + 1, p + 1, DuplexText.rna(m.charAt(p)),
                    importance.mirna()[p]));
        }
        String t = table.target(row);
        for (int p = 0; p < targetLength; p++) {
            target.write(String.format(Locale.ROOT, "%d\t%d\t%c\t%.6g%n", row + 1, p + 1, DuplexText.rna(t.charAt(p)),
                    importance.target()[p]));
        }
        double[] c = classes.get(pattern.kind());
        c[0]++;
        c[1] += score;
        c[2] += importance.seedShare();
        c[3] += importance.threePrimeShare();
        c[4] += score >= 0.5 ? 1 : 0;
        c[5] += table.hasLabels() && table.label(row) == 1f ? 1 : 0;
        completenessError += Math.abs(completeness.gap());
        baselineScores += completeness.baselineScore();
        pairs++;
    }

    void writeClasses(Path file) {
        StringBuilder out = new StringBuilder("class\tpairs\tshare\tmean_score\tmean_seed_share\tmean_three_prime_share"
                + "\tpredicted_binding" + (table.hasLabels() ? "\tlabelled_binding" : "") + "\n");
        for (Map.Entry<InteractionClass, double[]> e : classes.entrySet()) {
            double[] c = e.getValue();
            out.append(String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%s\t%s\t%d", e.getKey().label(), (long) c[0],
                    ratio(c[0], pairs), ratio(c[1], c[0]), ratio(c[2], c[0]), ratio(c[3], c[0]), (long) c[4]));
            out.append(table.hasLabels() ? String.format(Locale.ROOT, "\t%d%n", (long) c[5]) : "\n");
        }
        AtomicOutput.writeString(file, out.toString());
    }

    /** "seed 12, seed+3' 3, ..." for the log. */
    String classSummary() {
        StringJoiner s = new StringJoiner(", ");
        classes.forEach((k, v) -> s.add(k.label() + " " + (long) v[0]));
        return s.toString();
    }

    double meanCompletenessError() {
        return pairs == 0 ? 0 : completenessError / pairs;
    }

    double meanBaselineScore() {
        return pairs == 0 ? 0 : baselineScores / pairs;
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "NA" : String.format(Locale.ROOT, "%.4f", a / b);
    }
}
