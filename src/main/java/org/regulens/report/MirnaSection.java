package org.regulens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regulens.core.RegulensException;

/**
 * The miRNA section: how well the binding model ranks held-out pairs (PR and ROC curves from {@code mirna evaluate}),
 * and what {@code mirna explain} found: the pairing-class breakdown, the mean importance of each miRNA position
 * over the pairs the model calls binding, and example duplexes drawn with their importance.
 */
final class MirnaSection {

    static final String ID = "mirna";
    static final int SEED_FROM = 2;
    static final int SEED_TO = 8;

    /** One drawn example: the pair (1-based row), its score, text view and SVG. */
    record Example(int pair, double score, String text, String svg) {
    }

    /** What an explain folder holds, reduced to what the page shows. */
    record Explained(Path dir, List<String[]> classes, double[] meanImportance, int binding, List<Example> examples) {
    }

    private MirnaSection() {
    }

    static Explained read(Path dir, int examples) {
        TsvTable classTable = TsvTable.read(dir.resolve("classes.tsv"), "class", "pairs", "share", "mean_score",
                "mean_seed_share", "mean_three_prime_share");
        List<String[]> classes = new ArrayList<>();
        for (TsvTable.Row r : classTable.rows()) {
            classes.add(new String[] {r.get("class"), r.get("pairs"), r.get("share"), r.get("mean_score"),
                r.get("mean_seed_share"), r.get("mean_three_prime_share")});
        }
        TsvTable explain = TsvTable.read(dir.resolve("explain.tsv"), "score", "class");
        Map<Integer, Double> scores = new LinkedHashMap<>();
        int row = 1;
        for (TsvTable.Row r : explain.rows()) {
            scores.put(row++, r.number("score"));
        }
        // mean importance per miRNA position over the pairs called binding (all pairs when none is)
        boolean anyBinding = scores.values().stream().anyMatch(s -> s >= 0.5);
        double[] sum = new double[20];
        int[] count = new int[20];
        for (TsvTable.Row r : TsvTable.read(dir.resolve("mirna_importance.tsv"), "pair", "position", "importance").rows()) {
            int pair = r.integer("pair");
            int position = r.integer("position");
            Double score = scores.get(pair);
            if (score == null || position < 1 || position > sum.length) {
                throw RegulensException.atLine(dir.resolve("mirna_importance.tsv"), r.line(),
                        "pair " + pair + " position " + position + " does not match explain.tsv");
            }
            if (!anyBinding || score >= 0.5) {
                sum[position - 1] += r.number("importance");
                count[position - 1]++;
            }
        }
        double[] mean = new double[sum.length];
        for (int p = 0; p < mean.length; p++) {
            mean[p] = count[p] == 0 ? 0 : sum[p] / count[p];
        }
        int binding = (int) scores.values().stream().filter(s -> s >= 0.5).count();
        return new Explained(dir, classes, mean, binding, examples(dir, scores, examples));
    }

    /** The highest-scoring pairs that have a drawing, with their text view. */
    private static List<Example> examples(Path dir, Map<Integer, Double> scores, int count) {
        Map<Integer, String> texts = texts(dir.resolve("alignments.txt"));
        List<Example> examples = new ArrayList<>();
        scores.entrySet().stream()
                .filter(e -> Files.isRegularFile(svgFile(dir, e.getKey())))
                .sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(count)
                .forEach(e -> examples.add(new Example(e.getKey(), e.getValue(), texts.getOrDefault(e.getKey(), ""),
                        read(svgFile(dir, e.getKey())))));
        return examples;
    }

    private static Path svgFile(Path dir, int pair) {
        return dir.resolve("alignments").resolve("pair_" + pair + ".svg");
    }

    /** The text blocks of alignments.txt by pair: from a "# pair N" line to the blank line after it. */
    private static Map<Integer, String> texts(Path file) {
        Map<Integer, String> texts = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return texts;
        }
        Integer pair = null;
        StringBuilder block = new StringBuilder();
        for (String line : read(file).split("\n", -1)) {
            if (line.startsWith("# pair ")) {
                pair = Integer.valueOf(line.substring(7).split("\\s+")[0]);
                block.setLength(0);
                block.append(line).append('\n');
            } else if (line.isEmpty() && pair != null) {
                texts.put(pair, block.toString());
                pair = null;
            } else if (pair != null) {
                block.append(line).append('\n');
            }
        }
        return texts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(PerformanceSection.Performance performance, Explained explained) {
        StringBuilder out = new StringBuilder(Section.open(ID, "miRNA binding"));
        if (performance != null) {
            out.append("<h3>Held-out pairs</h3>\n").append(PerformanceSection.body(performance, "mirna-"));
        }
        if (explained != null) {
            out.append("<h3>Pairing classes</h3>\n<p>Classes from each pair's duplex (seed: nt 2-7, 3-8 or 2-8 in one "
                    + "unbroken Watson-Crick run; 3' pairing: at least 4 unbroken pairs within nt 12-20). Shares: of the "
                    + "miRNA's positive importance, on the seed (2-8) and on nt 9-20.</p>\n");
            List<String[]> rows = new ArrayList<>();
            for (String[] c : explained.classes()) {
                String[] escaped = new String[c.length];
                for (int i = 0; i < c.length; i++) {
                    escaped[i] = Html.esc(c[i]);
                }
                rows.add(escaped);
            }
            out.append(Section.table("classes", new String[] {"class", "pairs", "share", "mean score", "mean seed share",
                "mean 3' share"}, rows));
            out.append("<h3>Importance by miRNA position</h3>\n<p>Mean importance (logit units) of each miRNA position "
                    + (explained.binding() > 0 ? "over the " + explained.binding() + " pairs scoring at least 0.5"
                    : "over all pairs (none scores 0.5)") + "; the seed (2-8) in green.</p>\n");
            out.append(bars(explained.meanImportance()));
            if (!explained.examples().isEmpty()) {
                out.append("<h3>Example duplexes</h3>\n");
                for (Example e : explained.examples()) {
                    out.append("<figure class=\"duplex\">").append(e.svg().strip())
                            .append("<pre>").append(Html.esc(e.text())).append("</pre></figure>\n");
                }
            }
        }
        return out.append(Section.close()).toString();
    }

    /** A bar per miRNA position, up for positive, down for negative mean importance. */
    static String bars(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        int width = 40 + 22 * values.length;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"plot\" id=\"mirna-positions\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"170\" viewBox=\"0 0 %d 170\">%n", width, width));
        double axis = 80;
        svg.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#333\"/>%n",
                Html.coord(axis), width - 5, Html.coord(axis)));
        for (int p = 0; p < values.length; p++) {
            double h = max == 0 ? 0 : 70 * Math.abs(values[p]) / max;
            double x = 34 + 22 * p;
            boolean seed = p + 1 >= SEED_FROM && p + 1 <= SEED_TO;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"16\" height=\"%s\" fill=\"%s\">"
                            + "<title>position %d: %s</title></rect>%n", Html.coord(x),
                    Html.coord(values[p] >= 0 ? axis - h : axis), Html.coord(h), seed ? "#2ca02c" : "#7f7f7f", p + 1,
                    Html.num(values[p])));
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"165\" font-size=\"10\" text-anchor=\"middle\">%d</text>%n",
                    Html.coord(x + 8), p + 1));
        }
        return svg.append("</svg>\n").toString();
    }
}
