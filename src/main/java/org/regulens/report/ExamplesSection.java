package org.regulens.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpzFile;

/**
 * Example peaks: for each attribution file, the highest-predicted positive rows with their per-base contributions
 * drawn as a logo (letters scaled by the actual contribution, negative ones below the axis).
 */
final class ExamplesSection {

    static final String ID = "examples";
    /** Longer sequences are shown as the window of this many bases with the most absolute contribution. */
    static final int MAX_SHOWN = 300;

    /** One example: where it comes from and its contributions as length×4. */
    record Example(String label, long dataRow, String name, String coordinates, double prediction, int shownFrom,
                   int length, double[][] contributions) {
    }

    private ExamplesSection() {
    }

    /**
     * @param data the data set, to keep rows positive for the attributed task and to name them (may be null)
     */
    static List<Example> read(String label, Path file, int count, DatasetSection.Dataset data) {
        try (NpzFile npz = NpzFile.open(file)) {
            for (String array : List.of("attr", "pred", "index")) {
                if (!npz.contains(array)) {
                    throw RegulensException.atRecord(file, array, "missing: not an attribution file from regulens attribute");
                }
            }
            long[] shape = npz.header("attr").shape();
            if (shape.length != 3 || shape[1] != 4) {
                throw RegulensException.atRecord(file, "attr", "shape " + Arrays.toString(shape) + " is not N x 4 x L");
            }
            int n = Math.toIntExact(shape[0]);
            int length = Math.toIntExact(shape[2]);
            long[] index = npz.read("index").asLongs();
            float[] pred = npz.read("pred").asFloats();
            if (index.length != n || n > 0 && pred.length % n != 0) {
                throw RegulensException.atRecord(file, "index", "index and pred do not match " + n + " rows of attr");
            }
            int tasks = n == 0 ? 1 : pred.length / n;
            List<String> taskNames = npz.contains("tasks") ? List.of(npz.read("tasks").asStrings()) : List.of();
            String task = metaTask(npz, file);
            int column = Math.max(0, taskNames.indexOf(task));
            int dataTask = data == null || task == null ? -1 : data.tasks().indexOf(task);
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (data != null && (index[i] < 0 || index[i] >= data.rows())) {
                    throw RegulensException.atRecord(file, "index", "row " + index[i] + " is not in " + data.file());
                }
                // Positives only, when the data set says which rows are positive for the attributed task.
                if (data == null || dataTask < 0 || data.label((int) index[i], dataTask) > 0) {
                    candidates.add(i);
                }
            }
            candidates.sort(Comparator.comparingDouble((Integer i) -> -pred[i * tasks + column]).thenComparingInt(i -> i));
            List<Example> examples = new ArrayList<>();
            for (int i : candidates.subList(0, Math.min(count, candidates.size()))) {
                float[] attr = npz.readRows("attr", i, 1).asFloats();
                double[][] perBase = new double[length][4];
                for (int b = 0; b < 4; b++) {
                    for (int p = 0; p < length; p++) {
                        perBase[p][b] = attr[b * length + p];
                    }
                }
                int from = window(perBase);
                double[][] shown = Arrays.copyOfRange(perBase, from, Math.min(length, from + MAX_SHOWN));
                int row = (int) index[i];
                examples.add(new Example(label, index[i], data == null ? "row " + index[i] : data.names()[row],
                        data == null ? null : data.coordinates(row), pred[i * tasks + column], from, length, shown));
            }
            return examples;
        }
    }

    /** The task an attribution file explains (its meta's "task"), or null when it does not say. */
    static String task(Path file) {
        try (NpzFile npz = NpzFile.open(file)) {
            return metaTask(npz, file);
        }
    }

    private static String metaTask(NpzFile npz, Path file) {
        if (!npz.contains("meta")) {
            return null;
        }
        try {
            Object meta = org.regulens.io.Json.read(npz.read("meta").asString());
            return meta instanceof Map<?, ?> map && map.get("task") instanceof String s ? s : null;
        } catch (IllegalArgumentException e) {
            throw RegulensException.atRecord(file, "meta", "not valid JSON: " + e.getMessage());
        }
    }

    /** Start of the MAX_SHOWN-wide window with the largest total absolute contribution (0 when all fits). */
    private static int window(double[][] perBase) {
        if (perBase.length <= MAX_SHOWN) {
            return 0;
        }
        double[] prefix = new double[perBase.length + 1];
        for (int p = 0; p < perBase.length; p++) {
            double sum = 0;
            for (double v : perBase[p]) {
                sum += Math.abs(v);
            }
            prefix[p + 1] = prefix[p] + sum;
        }
        int best = 0;
        for (int s = 1; s + MAX_SHOWN <= perBase.length; s++) {
            if (prefix[s + MAX_SHOWN] - prefix[s] > prefix[best + MAX_SHOWN] - prefix[best]) {
                best = s;
            }
        }
        return best;
    }

    static String render(List<Example> examples, int requested) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Example peaks"));
        out.append("<p>The ").append(requested).append(" highest-predicted positive rows of each attribution file, with"
                + " each base's contribution (letters above the axis push the prediction up, below it down).</p>\n");
        if (examples.isEmpty()) {
            out.append("<p class=\"omitted\">No positive rows in the attribution files.</p>\n");
        }
        for (Example e : examples) {
            out.append("<div class=\"example\"><h3>").append(Html.esc(e.label())).append(": ").append(Html.esc(e.name()));
            if (e.coordinates() != null) {
                out.append(" <span class=\"coords\">").append(Html.esc(e.coordinates())).append("</span>");
            }
            out.append("</h3>\n<p>Data row ").append(e.dataRow()).append(", prediction ").append(Html.num(e.prediction()));
            if (e.contributions().length < e.length()) {
                out.append("; bases ").append(e.shownFrom() + 1).append('-').append(e.shownFrom() + e.contributions().length)
                        .append(" of ").append(e.length());
            }
            out.append(".</p>\n<div class=\"wide\">").append(SvgLogo.render(e.contributions(), new SvgLogo.Style(5, 90, null, null),
                    e.label() + " " + e.name() + " contributions")).append("</div></div>\n");
        }
        return out.append(Section.close()).toString();
    }
}
