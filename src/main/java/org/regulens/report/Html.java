package org.regulens.report;

import java.util.Locale;

/** Escaping and number formatting for the report's markup; every string that comes from an input goes through {@link #esc}. */
public final class Html {

    private Html() {
    }

    /** Escapes text for element content and double-quoted attributes (also valid XML). */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; they carry no meaning in a report.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A number with a few significant digits (no exponent for ordinary values); "NA" for NaN. */
    public static String num(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return String.format(Locale.ROOT, "%.4g", value).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    /** A number with fixed decimals, for coordinates inside SVG. */
    public static String coord(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.replaceFirst("\\.?0+$", "");
        return s.equals("-0") ? "0" : s;
    }

    /** A table cell. */
    public static String td(String escapedContent) {
        return "<td>" + escapedContent + "</td>";
    }
}
