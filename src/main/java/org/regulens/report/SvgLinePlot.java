package org.regulens.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart as inline SVG: axes with a few ticks, one polyline per series, and a legend. Non-finite
 * points are skipped (a training log may hold NaN for an epoch without a validation split).
 */
public final class SvgLinePlot {

    /** A named series of points, drawn in the given colour. */
    public record Series(String name, double[] x, double[] y, String colour) {
    }

    private static final double WIDTH = 360;
    private static final double HEIGHT = 240;
    private static final double LEFT = 48;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 56;

    /** Series colours in order, readable on white. */
    public static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private final String id;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Double xMin;
    private Double xMax;
    private Double yMin;
    private Double yMax;
    private boolean diagonal;

    public SvgLinePlot(String id, String xLabel, String yLabel) {
        this.id = id;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public SvgLinePlot add(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, PALETTE[series.size() % PALETTE.length]));
        return this;
    }

    /** Fixes both axes to [0, 1] (ROC and PR curves). */
    public SvgLinePlot unitSquare() {
        xMin = 0.0;
        xMax = 1.0;
        yMin = 0.0;
        yMax = 1.0;
        return this;
    }

    /** Fixes the x axis (e.g. GC fraction from 0 to 1). */
    public SvgLinePlot xRange(double from, double to) {
        xMin = from;
        xMax = to;
        return this;
    }

    /** Draws the chance diagonal of a ROC plot. */
    public SvgLinePlot withDiagonal() {
        diagonal = true;
        return this;
    }

    public String render() {
        double[] xr = range(true);
        double[] yr = range(false);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" id=\"").append(Html.esc(id)).append("\" width=\"").append(Html.coord(WIDTH))
                .append("\" height=\"").append(Html.coord(HEIGHT)).append("\" viewBox=\"0 0 ").append(Html.coord(WIDTH))
                .append(' ').append(Html.coord(HEIGHT)).append("\" role=\"img\">");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        svg.append("<rect class=\"frame\" x=\"").append(Html.coord(LEFT)).append("\" y=\"").append(Html.coord(TOP))
                .append("\" width=\"").append(Html.coord(plotW)).append("\" height=\"").append(Html.coord(plotH)).append("\"/>");
        for (int i = 0; i <= 4; i++) {
            double xv = xr[0] + (xr[1] - xr[0]) * i / 4;
            double yv = yr[0] + (yr[1] - yr[0]) * i / 4;
            double px = LEFT + plotW * i / 4;
            double py = TOP + plotH - plotH * i / 4;
            svg.append("<text class=\"tick\" x=\"").append(Html.coord(px)).append("\" y=\"").append(Html.coord(TOP + plotH + 14))
                    .append("\" text-anchor=\"middle\">").append(Html.esc(Html.num(round(xv)))).append("</text>");
            svg.append("<text class=\"tick\" x=\"").append(Html.coord(LEFT - 4)).append("\" y=\"").append(Html.coord(py + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(Html.num(round(yv)))).append("</text>");
        }
        svg.append("<text class=\"label\" x=\"").append(Html.coord(LEFT + plotW / 2)).append("\" y=\"")
                .append(Html.coord(TOP + plotH + 30)).append("\" text-anchor=\"middle\">").append(Html.esc(xLabel)).append("</text>");
        svg.append("<text class=\"label\" transform=\"translate(12 ").append(Html.coord(TOP + plotH / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.esc(yLabel)).append("</text>");
        if (diagonal) {
            svg.append("<line class=\"chance\" x1=\"").append(Html.coord(LEFT)).append("\" y1=\"").append(Html.coord(TOP + plotH))
                    .append("\" x2=\"").append(Html.coord(LEFT + plotW)).append("\" y2=\"").append(Html.coord(TOP)).append("\"/>");
        }
        double legendX = LEFT;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
                    continue;
                }
                double px = LEFT + plotW * (s.x()[i] - xr[0]) / (xr[1] - xr[0]);
                double py = TOP + plotH - plotH * (s.y()[i] - yr[0]) / (yr[1] - yr[0]);
                points.append(points.isEmpty() ? "" : " ").append(Html.coord(px)).append(',').append(Html.coord(py));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"1.6\" points=\"")
                    .append(points).append("\"><title>").append(Html.esc(s.name())).append("</title></polyline>");
            svg.append("<rect x=\"").append(Html.coord(legendX)).append("\" y=\"").append(Html.coord(HEIGHT - 14))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(s.colour()).append("\"/>");
            svg.append("<text class=\"legend\" x=\"").append(Html.coord(legendX + 13)).append("\" y=\"").append(Html.coord(HEIGHT - 5))
                    .append("\">").append(Html.esc(s.name())).append("</text>");
            legendX += 20 + 6.5 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static double round(double v) {
        return Math.abs(v) < 1e-12 ? 0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }

    private double[] range(boolean forX) {
        Double fixedMin = forX ? xMin : yMin;
        Double fixedMax = forX ? xMax : yMax;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : forX ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (fixedMin != null) {
            lo = fixedMin;
        }
        if (fixedMax != null) {
            hi = fixedMax;
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }
}
