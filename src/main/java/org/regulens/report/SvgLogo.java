package org.regulens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sequence logos as inline SVG. A column is a vector of four signed heights (A, C, G, T): positive heights are
 * stacked upward from the axis, negative ones downward, in both cases smallest next to the axis, so the largest
 * letter is the one furthest out. PPMs become heights via information content ({@link #informationHeights});
 * CWMs and per-base contributions are drawn as they are.
 */
public final class SvgLogo {

    /** One letter of a column: base 0..3, lower edge and height in data units (bits, contribution). */
    public record Glyph(int base, double bottom, double height) {
        public double top() {
            return bottom + height;
        }
    }

    /** Options: pixels per column, plot height in pixels, and a fixed y range (null = the matrix's own range). */
    public record Style(double columnWidth, double height, Double yMin, Double yMax) {
        public static Style ppm() {
            return new Style(14, 48, 0.0, 2.0);
        }

        public static Style cwm() {
            return new Style(14, 56, null, null);
        }
    }

    private SvgLogo() {
    }

    /** Heights of a probability matrix: each probability × the column's information content (bits, uniform background). */
    public static double[][] informationHeights(double[][] ppm) {
        double[][] heights = new double[ppm.length][4];
        for (int i = 0; i < ppm.length; i++) {
            double sum = 0;
            for (double p : ppm[i]) {
                sum += Math.max(0, p);
            }
            double entropy = 0;
            for (int b = 0; b < 4; b++) {
                double p = sum > 0 ? Math.max(0, ppm[i][b]) / sum : 0.25;
                if (p > 0) {
                    entropy -= p * Math.log(p) / Math.log(2);
                }
            }
            double information = 2 - entropy;
            for (int b = 0; b < 4; b++) {
                heights[i][b] = (sum > 0 ? Math.max(0, ppm[i][b]) / sum : 0.25) * information;
            }
        }
        return heights;
    }

    /** The reverse complement of a width×4 matrix: columns reversed, A↔T and C↔G. */
    public static double[][] reverseComplement(double[][] matrix) {
        int width = matrix.length;
        double[][] out = new double[width][4];
        for (int i = 0; i < width; i++) {
            for (int b = 0; b < 4; b++) {
                out[i][b] = matrix[width - 1 - i][3 - b];
            }
        }
        return out;
    }

    /** The letters of one column, positive ones stacked up from 0 and negative ones down from 0, smallest first. */
    public static List<Glyph> column(double[] heights) {
        List<Integer> positive = new ArrayList<>();
        List<Integer> negative = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            if (heights[b] > 0) {
                positive.add(b);
            } else if (heights[b] < 0) {
                negative.add(b);
            }
        }
        // Stable sorts keep A, C, G, T order for ties, so equal inputs give equal drawings.
        positive.sort(Comparator.comparingDouble(b -> heights[b]));
        negative.sort(Comparator.comparingDouble(b -> -heights[b]));
        List<Glyph> glyphs = new ArrayList<>();
        double level = 0;
        for (int b : positive) {
            glyphs.add(new Glyph(b, level, heights[b]));
            level += heights[b];
        }
        level = 0;
        for (int b : negative) {
            level += heights[b];
            glyphs.add(new Glyph(b, level, -heights[b]));
        }
        return glyphs;
    }

    /** Renders a logo: an {@code <svg class="logo">} with one path per letter and a zero axis. */
    public static String render(double[][] heights, Style style, String label) {
        return render(heights, style, label, 0, heights.length);
    }

    /**
     * Renders a logo padded with empty columns (for aligning a matched motif under its query).
     *
     * @param padLeft  empty columns before the matrix
     * @param columns  total columns of the drawing (at least padLeft + width)
     */
    public static String render(double[][] heights, Style style, String label, int padLeft, int columns) {
        double top = style.yMax() != null ? style.yMax() : 0;
        double bottom = style.yMin() != null ? style.yMin() : 0;
        if (style.yMax() == null || style.yMin() == null) {
            for (double[] h : heights) {
                double up = 0;
                double down = 0;
                for (double v : h) {
                    if (v > 0) {
                        up += v;
                    } else {
                        down += v;
                    }
                }
                top = style.yMax() == null ? Math.max(top, up) : top;
                bottom = style.yMin() == null ? Math.min(bottom, down) : bottom;
            }
        }
        if (top - bottom <= 0) {
            top = 1; // an all-zero matrix still gets a visible frame and axis
        }
        double scale = style.height() / (top - bottom);
        double axis = top * scale;
        double width = Math.max(columns, 1) * style.columnWidth();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"logo\" width=\"").append(Html.coord(width)).append("\" height=\"")
                .append(Html.coord(style.height())).append("\" viewBox=\"0 0 ").append(Html.coord(width)).append(' ')
                .append(Html.coord(style.height())).append("\" role=\"img\"><title>").append(Html.esc(label))
                .append("</title>");
        for (int i = 0; i < heights.length; i++) {
            double x = (padLeft + i) * style.columnWidth();
            for (Glyph g : column(heights[i])) {
                double pixels = g.height() * scale;
                if (pixels < 0.25) {
                    continue; // invisible slivers only bloat the page
                }
                double y = axis - g.top() * scale;
                svg.append("<path fill=\"").append(Glyphs.COLOURS[g.base()]).append(Glyphs.FILL_RULES[g.base()])
                        .append("\" transform=\"translate(")
                        .append(Html.coord(x)).append(' ').append(Html.coord(y)).append(") scale(")
                        .append(scale(style.columnWidth() / 100)).append(' ').append(scale(pixels / 100))
                        .append(")\" d=\"").append(Glyphs.path(g.base())).append("\"/>");
            }
        }
        svg.append("<line class=\"axis\" x1=\"0\" x2=\"").append(Html.coord(width)).append("\" y1=\"")
                .append(Html.coord(axis)).append("\" y2=\"").append(Html.coord(axis)).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static String scale(double value) {
        return String.format(java.util.Locale.ROOT, "%.5f", value).replaceFirst("\\.?0+$", "");
    }
}
