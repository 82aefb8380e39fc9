package org.regulens.report;

/**
 * The letters A, C, G and T as SVG path outlines in a 100×100 box (y down), so logos need no font. Drawn here from
 * polygons and elliptical arcs; each letter is one path, holes cut with the even-odd rule.
 */
public final class Glyphs {

    /** Fill colours per base (A, C, G, T): the usual green, blue, orange, red. */
    static final String[] COLOURS = {"#109648", "#255c99", "#f7a21b", "#d62839"};

    /** Fill rules per base, as attribute text: A's counter is cut out by even-odd; the others rely on non-zero. */
    static final String[] FILL_RULES = {"\" fill-rule=\"evenodd", "", "", ""};

    private static final String[] PATHS = {letterA(), letterC(), letterG(), letterT()};

    private Glyphs() {
    }

    /** The outline of a base (0 A, 1 C, 2 G, 3 T) in the 100×100 box. */
    public static String path(int base) {
        return PATHS[base];
    }

    private static String letterA() {
        // An outer trapezoid legs-apart shape with a triangular counter; the crossbar is the gap between legs.
        return "M0 100L38 0H62L100 100H78L69 76H31L22 100Z M38 58H62L50 24Z";
    }

    private static String letterT() {
        return "M0 0H100V20H61V100H39V20H0Z";
    }

    private static String letterC() {
        return ring(50, 50, 50, 50, 29, 31, 42, 318);
    }

    private static String letterG() {
        // The C's ring with a shorter opening, plus the bar and spur that make it a G.
        // Same winding as the ring (counter-clockwise on screen), so the overlap fills under the non-zero rule.
        return ring(50, 50, 50, 50, 29, 31, 42, 360) + " M52 48V66H100V48Z";
    }

    /**
     * An elliptical ring (outer radii rx, ry; inner radii irx, iry) from angle {@code from} to {@code to} degrees,
     * measured from the positive x axis turning upward (counter-clockwise on screen), as one closed outline drawn
     * with SVG arc commands: out along the outer arc, back along the inner one.
     */
    private static String ring(double cx, double cy, double rx, double ry, double irx, double iry, double from,
                               double to) {
        String large = to - from > 180 ? "1" : "0";
        return "M" + point(cx, cy, rx, ry, from) + "A" + Html.coord(rx) + " " + Html.coord(ry) + " 0 " + large + " 0 "
                + point(cx, cy, rx, ry, to) + "L" + point(cx, cy, irx, iry, to) + "A" + Html.coord(irx) + " "
                + Html.coord(iry) + " 0 " + large + " 1 " + point(cx, cy, irx, iry, from) + "Z";
    }

    private static String point(double cx, double cy, double rx, double ry, double degrees) {
        double angle = Math.toRadians(degrees);
        return Html.coord(cx + rx * Math.cos(angle)) + " " + Html.coord(cy - ry * Math.sin(angle));
    }
}
