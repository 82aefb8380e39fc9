package org.regulens.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzFile;
import org.regulens.motif.Motif;

/**
 * Motifs found by {@code motifs}, one table per labelled output folder: each pattern's CWM logo on both strands, its
 * seqlet count and its best database matches from {@code compare} (matches.tsv), with the matched motif drawn
 * under the pattern's PPM in the orientation and at the offset of the match.
 */
final class MotifsSection {

    static final String ID = "motifs";
    static final int TOP_MATCHES = 3;

    /** A row of matches.tsv (Tomtom's columns). */
    record MatchRow(String query, String target, String targetName, int offset, double pValue, double qValue,
                    boolean reverse) {
    }

    /** One pattern with its matrices (width×4, A C G T) and its best matches. */
    record PatternInfo(String name, String sign, int seqlets, String consensus, double[][] cwm, double[][] ppm,
                       List<MatchRow> matches) {
    }

    /**
     * A motifs output folder under its label: {@code bed} is its seqlets.bed (null when there is none),
     * {@code hasMatches} whether compare's matches.tsv is in it (it may be empty: no pattern matched).
     */
    record MotifSet(String label, String dir, Path bed, boolean hasMatches, List<PatternInfo> patterns) {
        boolean hasBed() {
            return bed != null;
        }

        int seqlets() {
            return patterns.stream().mapToInt(PatternInfo::seqlets).sum();
        }
    }

    /** Larger seqlet BEDs are not embedded in the page (it would grow by 4/3 of the file); their path is shown. */
    static final long EMBED_LIMIT = 2L << 20;

    private MotifsSection() {
    }

    /** Reads the folder {@code dirText} (as given on the command line) shown under {@code label}. */
    static MotifSet read(String label, String dirText) {
        Path dir = Path.of(dirText);
        Path tsv = dir.resolve("patterns.tsv");
        Path npzPath = dir.resolve("patterns.npz");
        TsvTable table = TsvTable.read(tsv, "pattern", "seqlets");
        Map<String, List<MatchRow>> matches = new LinkedHashMap<>();
        Path matchFile = dir.resolve("matches.tsv");
        boolean hasMatches = Files.isRegularFile(matchFile);
        // compare writes an empty file (not even a header) when patterns.meme has no motif: nothing matched.
        if (hasMatches && size(matchFile) > 0) {
            TsvTable m = TsvTable.read(matchFile, "Query_ID", "Target_ID", "Optimal_offset", "p-value", "q-value", "Orientation");
            for (TsvTable.Row row : m.rows()) {
                String orientation = row.get("Orientation").strip();
                if (!orientation.equals("+") && !orientation.equals("-")) {
                    throw RegulensException.atLine(matchFile, row.line(), "Orientation '" + orientation + "' is not + or -");
                }
                matches.computeIfAbsent(row.get("Query_ID"), q -> new ArrayList<>()).add(new MatchRow(row.get("Query_ID"),
                        row.get("Target_ID"), row.get("Target_name"), row.integer("Optimal_offset"), row.number("p-value"),
                        row.number("q-value"), orientation.equals("-")));
            }
        }
        List<PatternInfo> patterns = new ArrayList<>();
        if (table.rows().isEmpty()) {
            // No pattern passed (motifs wrote header-only tables): patterns.npz holds nothing to read.
            return new MotifSet(label, dirText, bed(dir), hasMatches, patterns);
        }
        try (NpzFile npz = NpzFile.open(npzPath)) {
            for (TsvTable.Row row : table.rows()) {
                String name = row.get("pattern");
                double[][] cwm = matrix(npz, name + ".cwm");
                double[][] ppm = npz.contains(name + ".ppm") ? matrix(npz, name + ".ppm") : null;
                List<MatchRow> best = new ArrayList<>(matches.getOrDefault(name, List.of()));
                best.sort(Comparator.comparingDouble(MatchRow::pValue)); // stable: the file's order breaks ties
                patterns.add(new PatternInfo(name, row.get("sign"), row.integer("seqlets"), row.get("consensus"), cwm,
                        ppm, best.subList(0, Math.min(TOP_MATCHES, best.size()))));
            }
        }
        return new MotifSet(label, dirText, bed(dir), hasMatches, patterns);
    }

    private static Path bed(Path dir) {
        Path bed = dir.resolve("seqlets.bed");
        return Files.isRegularFile(bed) ? bed : null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double[][] matrix(NpzFile npz, String name) {
        if (!npz.contains(name)) {
            throw RegulensException.atRecord(npz.path(), name, "missing (patterns.tsv lists the pattern)");
        }
        NpyArray array = npz.read(name);
        long[] shape = array.shape();
        if (shape.length != 2 || shape[1] != 4) {
            throw RegulensException.atRecord(npz.path(), name, "shape " + java.util.Arrays.toString(shape) + " is not width x 4");
        }
        double[] flat = array.asDoubles();
        double[][] m = new double[(int) shape[0]][4];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(flat, 4 * i, m[i], 0, 4);
        }
        return m;
    }

    /**
     * @param database   the motif collection matches were made against (null: draw no target logos)
     */
    static String render(List<MotifSet> sets, MotifLookup database) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Discovered motifs"));
        int setIndex = 0;
        for (MotifSet set : sets) {
            out.append("<div class=\"motif-set\" id=\"motifs-").append(setIndex++).append("\"><h3>")
                    .append(Html.esc(set.label())).append("</h3>\n<p>").append(set.patterns().size()).append(" pattern(s) in ")
                    .append("<code>").append(Html.esc(set.dir())).append("</code>");
            if (set.hasBed()) {
                out.append("; seqlets: ").append(bedLink(set));
            }
            if (!set.hasMatches()) {
                out.append("; no matches.tsv from compare in the folder");
            } else if (set.patterns().stream().allMatch(p -> p.matches().isEmpty()) && !set.patterns().isEmpty()) {
                out.append("; compare matched none of them");
            }
            out.append(".</p>\n");
            if (set.patterns().isEmpty()) {
                out.append("<p class=\"none\">No pattern passed: motifs found no group of at least --min-seqlets "
                        + "similar seqlets.</p>\n</div>\n");
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            for (PatternInfo p : set.patterns()) {
                String title = set.label() + " " + p.name();
                rows.add(new String[] {
                    Html.esc(p.name()) + "<br/><span class=\"consensus\">" + Html.esc(p.consensus()) + "</span>",
                    Integer.toString(p.seqlets()),
                    SvgLogo.render(p.cwm(), SvgLogo.Style.cwm(), title + " CWM"),
                    SvgLogo.render(SvgLogo.reverseComplement(p.cwm()), SvgLogo.Style.cwm(), title + " CWM reverse complement"),
                    matches(p, title, database)});
            }
            out.append(Section.table("motif-table", new String[] {"pattern", "seqlets", "CWM", "CWM (reverse complement)",
                "top matches (q-value)"}, rows));
            out.append("</div>\n");
        }
        return out.append(Section.close()).toString();
    }

    /**
     * The seqlet BED as a download embedded in the page (a data: URI), so the link works wherever the report is
     * copied: a relative link would point at a staging folder that is not published beside the report. A BED over
     * {@link #EMBED_LIMIT} is named by its path instead, without a link.
     */
    static String bedLink(MotifSet set) {
        long size = size(set.bed());
        if (size > EMBED_LIMIT) {
            return "<code>" + Html.esc(set.bed().toString()) + "</code> (" + size / 1024 + " KiB, too large to embed)";
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(set.bed());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + set.bed() + ": " + e.getMessage(), e);
        }
        String name = set.label().replaceAll("[^A-Za-z0-9._-]+", "_") + "_seqlets.bed";
        long lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().count();
        return "<a class=\"bed\" download=\"" + Html.esc(name) + "\" href=\"data:text/plain;charset=utf-8;base64,"
                + java.util.Base64.getEncoder().encodeToString(bytes) + "\">seqlets.bed</a> (" + lines
                + " lines, embedded)";
    }

    private static String matches(PatternInfo p, String title, MotifLookup database) {
        if (p.matches().isEmpty()) {
            return "<span class=\"none\">no match reported</span>";
        }
        StringBuilder out = new StringBuilder();
        for (MatchRow m : p.matches()) {
            out.append("<div class=\"match\"><span class=\"match-name\">").append(Html.esc(m.target()));
            if (!m.targetName().isBlank()) {
                out.append(' ').append(Html.esc(m.targetName()));
            }
            out.append("</span> q = ").append(Html.num(m.qValue())).append(" (").append(m.reverse() ? "-" : "+").append(")");
            Motif target = database == null ? null : database.find(m.target());
            if (target != null && p.ppm() != null) {
                out.append(aligned(p.ppm(), target, m, title));
            }
            out.append("</div>");
        }
        return out.toString();
    }

    /**
     * The pattern's PPM over the matched motif, in one frame: query column i faces target column i + offset of the
     * target as oriented by the match, so the two logos line up column for column.
     */
    static String aligned(double[][] queryPpm, Motif target, MatchRow m, String title) {
        double[][] targetPpm = (m.reverse() ? target.reverseComplement() : target).probabilities();
        int low = Math.min(0, m.offset());
        int high = Math.max(targetPpm.length, m.offset() + queryPpm.length);
        SvgLogo.Style small = new SvgLogo.Style(8, 28, 0.0, 2.0);
        return "<div class=\"aligned\">"
                + SvgLogo.render(SvgLogo.informationHeights(queryPpm), small, title + " PPM", m.offset() - low, high - low)
                + SvgLogo.render(SvgLogo.informationHeights(targetPpm), small, m.target() + (m.reverse() ? " (reverse complement)" : ""),
                        -low, high - low)
                + "</div>";
    }
}
