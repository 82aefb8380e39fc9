package org.regulens.mirna;

import java.util.List;
import java.util.Locale;
import org.regulens.report.Html;

/**
 * A duplex as a standalone SVG: the target 3'→5' over the miRNA 5'→3', bonds drawn as lines (solid Watson–Crick,
 * dashed G:U), each nucleotide on a tile shaded by its importance (red raises the prediction, blue lowers it;
 * opacity ∝ |importance| / the largest |importance| of the pair), the seed (miRNA 2–8) underlined.
 */
public final class DuplexSvg {

    private static final int CELL = 14;
    private static final int LEFT = 70;
    private static final int TOP_Y = 40;
    private static final int BOTTOM_Y = 80;

    private DuplexSvg() {
    }

    public static String render(Duplex duplex, PairImportance importance, String title) {
        List<DuplexLayout.Cell> cells = DuplexLayout.of(duplex);
        double scale = maxAbs(importance.mirna(), importance.target());
        int width = LEFT + CELL * cells.size() + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"118\" "
                + "viewBox=\"0 0 %d 118\" font-family=\"monospace\" font-size=\"12\">%n", width, width));
        svg.append("<title>").append(Html.esc(title)).append("</title>\n");
        svg.append("<text x=\"4\" y=\"14\" font-family=\"sans-serif\">").append(Html.esc(title)).append("</text>\n");
        svg.append(label(TOP_Y, "target 3'")).append(label(BOTTOM_Y, "miRNA 5'"));
        for (int k = 0; k < cells.size(); k++) {
            DuplexLayout.Cell c = cells.get(k);
            int x = LEFT + k * CELL;
            nucleotide(svg, x, TOP_Y, c.gapTop() ? '-' : c.target() < 0 ? ' ' : duplex.target().charAt(c.target()),
                    c.target() < 0 ? 0 : importance.target()[c.target()], scale);
            nucleotide(svg, x, BOTTOM_Y, c.gapBottom() ? '-' : c.mirna() < 0 ? ' ' : duplex.mirna().charAt(c.mirna()),
                    c.mirna() < 0 || c.mirna() >= importance.mirna().length ? 0 : importance.mirna()[c.mirna()], scale);
            if (c.bond() != ' ') {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"%s/>%n",
                        x + CELL / 2, TOP_Y + 5, x + CELL / 2, BOTTOM_Y - 14,
                        c.bond() == ':' ? " stroke-dasharray=\"3,2\"" : ""));
            }
            if (c.mirna() >= PairImportance.SEED_FROM - 1 && c.mirna() <= PairImportance.SEED_TO - 1 && !c.gapBottom()) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2ca02c\" "
                        + "stroke-width=\"2\"/>%n", x, BOTTOM_Y + 6, x + CELL, BOTTOM_Y + 6));
            }
        }
        int end = LEFT + cells.size() * CELL + 4;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">5'</text>%n<text x=\"%d\" y=\"%d\">3'</text>%n",
                end, TOP_Y, end, BOTTOM_Y));
        svg.append("<text x=\"4\" y=\"110\" font-family=\"sans-serif\" font-size=\"10\">tiles: importance (red raises, "
                + "blue lowers the prediction); green bar: seed (miRNA 2-8); dashed: G:U</text>\n");
        return svg.append("</svg>\n").toString();
    }

    private static String label(int y, String text) {
        return String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>%n", y, text);
    }

    private static void nucleotide(StringBuilder svg, int x, int y, char base, double value, double scale) {
        if (base == ' ') {
            return;
        }
        if (value != 0 && scale > 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\" "
                    + "fill-opacity=\"%.3f\"/>%n", x, y - 12, CELL, value > 0 ? "#d62728" : "#1f77b4",
                    Math.min(1, Math.abs(value) / scale)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%c</text>%n", x + 3, y, DuplexText.rna(base)));
    }

    private static double maxAbs(float[]... arrays) {
        double max = 0;
        for (float[] a : arrays) {
            for (float v : a) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
