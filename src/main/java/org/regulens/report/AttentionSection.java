package org.regulens.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpzFile;

/**
 * The attention section: the mean self-attention map (over heads and over the rows the model scores highest for
 * its first task) of a {@code regulens attention} file, drawn as an SVG heat map (rows: query positions, columns:
 * the key positions they read from, in bases). Off-diagonal spots are pairs of positions the model links.
 */
final class AttentionSection {

    static final String ID = "attention";
    /** Rows averaged: the model's most confident positives. */
    static final int TOP_ROWS = 100;
    private static final int SIZE = 360;
    private static final int LEFT = 48;
    private static final int TOP = 10;

    /** The averaged map and what it was made from. */
    record Attention(Path file, double[][] mean, int heads, int rows, int total, double basesPerPosition) {
    }

    private AttentionSection() {
    }

    static Attention read(Path file) {
        try (NpzFile npz = NpzFile.open(file)) {
            for (String array : List.of("maps", "pred")) {
                if (!npz.contains(array)) {
                    throw RegulensException.atRecord(file, array, "missing: not a maps file from regulens attention");
                }
            }
            long[] shape = npz.header("maps").shape();
            if (shape.length != 4 || shape[2] != shape[3] || shape[0] < 1) {
                throw RegulensException.atRecord(file, "maps", "shape " + Arrays.toString(shape)
                        + " is not N x heads x T x T with N >= 1");
            }
            int n = Math.toIntExact(shape[0]);
            int heads = Math.toIntExact(shape[1]);
            int t = Math.toIntExact(shape[2]);
            float[] pred = npz.read("pred").asFloats();
            if (pred.length % n != 0) {
                throw RegulensException.atRecord(file, "pred", "does not have a row per map (" + n + ")");
            }
            int tasks = pred.length / n;
            int[] top = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -pred[i * tasks]).thenComparing(i -> i))
                    .limit(TOP_ROWS).mapToInt(Integer::intValue).toArray();
            double[][] mean = new double[t][t];
            for (int row : top) {
                float[] m = npz.readRows("maps", row, 1).asFloats();
                for (int h = 0; h < heads; h++) {
                    for (int q = 0; q < t; q++) {
                        for (int k = 0; k < t; k++) {
                            mean[q][k] += m[(h * t + q) * t + k];
                        }
                    }
                }
            }
            for (double[] r : mean) {
                for (int k = 0; k < t; k++) {
                    r[k] /= (double) heads * top.length;
                }
            }
            return new Attention(file, mean, heads, top.length, n, basesPerPosition(npz, file));
        }
    }

    private static double basesPerPosition(NpzFile npz, Path file) {
        if (!npz.contains("meta")) {
            return 1;
        }
        try {
            Object meta = org.regulens.io.Json.read(npz.read("meta").asString());
            return meta instanceof Map<?, ?> map && map.get("bases_per_position") instanceof Number b
                    ? b.doubleValue() : 1;
        } catch (IllegalArgumentException e) {
            throw RegulensException.atRecord(file, "meta", "not valid JSON: " + e.getMessage());
        }
    }

    static String render(Attention a) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Attention"));
        out.append("<p>Mean self-attention map of the ").append(a.rows()).append(" rows (of ").append(a.total())
                .append(") the model scores highest, averaged over ").append(a.heads())
                .append(" heads. Row: query position; column: the key position it reads from (bases from the window "
                        + "start). Uniform attention is 1/").append(a.mean().length)
                .append("; off-diagonal spots are positions the model links.</p>\n");
        out.append(heatMap(a));
        return out.append(Section.close()).toString();
    }

    /** The map as SVG cells, white (0) to dark blue (the largest mean weight). */
    static String heatMap(Attention a) {
        double[][] m = a.mean();
        int t = m.length;
        double max = Arrays.stream(m).flatMapToDouble(Arrays::stream).max().orElse(1);
        double cell = (double) SIZE / t;
        StringBuilder svg = new StringBuilder("<svg class=\"heatmap\" id=\"attention-map\" width=\"")
                .append(LEFT + SIZE + 90).append("\" height=\"").append(TOP + SIZE + 40)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int q = 0; q < t; q++) {
            for (int k = 0; k < t; k++) {
                double v = max > 0 ? m[q][k] / max : 0;
                svg.append("<rect x=\"").append(Html.coord(LEFT + k * cell)).append("\" y=\"")
                        .append(Html.coord(TOP + q * cell)).append("\" width=\"").append(Html.coord(cell))
                        .append("\" height=\"").append(Html.coord(cell)).append("\" fill=\"").append(colour(v))
                        .append("\"><title>query ").append(Html.coord(q * a.basesPerPosition())).append(" bp, key ")
                        .append(Html.coord(k * a.basesPerPosition())).append(" bp: ").append(Html.num(m[q][k]))
                        .append("</title></rect>\n");
            }
        }
        for (int tick = 0; tick <= 4; tick++) {
            double p = tick * t / 4.0;
            String bp = Html.coord(p * a.basesPerPosition());
            svg.append("<text class=\"tick\" x=\"").append(Html.coord(LEFT + p * cell)).append("\" y=\"")
                    .append(Html.coord(TOP + SIZE + 14)).append("\" text-anchor=\"middle\">").append(bp).append("</text>\n");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(Html.coord(TOP + p * cell + 4))
                    .append("\" text-anchor=\"end\">").append(bp).append("</text>\n");
        }
        svg.append("<text class=\"label\" x=\"").append(Html.coord(LEFT + SIZE / 2.0)).append("\" y=\"")
                .append(TOP + SIZE + 32).append("\" text-anchor=\"middle\">key position (bp)</text>\n");
        svg.append("<text class=\"legend\" x=\"").append(LEFT + SIZE + 8).append("\" y=\"").append(TOP + 12)
                .append("\">max ").append(Html.num(max)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }

    private static String colour(double v) {
        int c = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
        return String.format("#%02x%02xff", c, c);
    }
}
