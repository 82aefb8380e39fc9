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
 * Motifs found by {@code motifs}, one table per labelled output folder: each pattern that passed with its CWM logo on
 * both strands, its seqlet count and its database matches from {@code compare} (matches.tsv) with q-value at most
 * the report's threshold, the matched motif drawn under the pattern's PPM in the orientation and at the offset of the
 * match. A pattern without such a match shows its best hit as not significant; a mostly uninformative pattern
 * ({@link PatternInformation}) is flagged and its hits are not shown as matches. Candidates that motifs rejected
 * (patterns.tsv rows with passed = no) are listed with their reasons, and when no pattern passed the section says so
 * with the seqlet count of summary.tsv. Folders from before the passed/reason columns and summary.tsv read as all
 * passed, counts unknown.
 */
final class MotifsSection {

    static final String ID = "motifs";
    static final int TOP_MATCHES = 3;
    /** The default of report --match-q: the usual false-discovery rate for a match. */
    static final double DEFAULT_MATCH_Q = 0.05;

    /** A row of matches.tsv (Tomtom's columns). */
    record MatchRow(String query, String target, String targetName, int offset, double pValue, double qValue,
                    boolean reverse) {
    }

    /**
     * One pattern that passed, with its matrices (width×4, A C G T; ppm null when patterns.npz has none), its
     * matches with q at most the threshold (the best {@link #TOP_MATCHES} by p-value), its best hit of any q (null
     * when compare reported none) and its information (null without a PPM).
     */
    record PatternInfo(String name, String sign, int seqlets, String consensus, double[][] cwm, double[][] ppm,
                       List<MatchRow> matches, MatchRow bestHit, PatternInformation information) {

        /** Flagged as mostly uninformative: its hits are not findings. */
        boolean lowInformation() {
            return information != null && information.mostlyUninformative();
        }

        /** The matches to present as findings: none for a low-information pattern. */
        List<MatchRow> findings() {
            return lowInformation() ? List.of() : matches;
        }
    }

    /** A candidate pattern motifs rejected, with its reason as motifs wrote it. */
    record Rejected(String name, String sign, String seqlets, String consensus, String reason) {
    }

    /**
     * A motifs output folder under its label: {@code bed} is its seqlets.bed (null when there is none),
     * {@code hasMatches} whether compare's matches.tsv is in it (it may be empty: no pattern matched), {@code summary}
     * its summary.tsv (null when there is none), {@code matchQ} the q-value threshold of a match.
     */
    record MotifSet(String label, String dir, Path bed, boolean hasMatches, List<PatternInfo> patterns,
                    List<Rejected> rejected, MotifSummary summary, double matchQ) {
        boolean hasBed() {
            return bed != null;
        }

        /** Seqlets in the patterns that passed. */
        int seqlets() {
            return patterns.stream().mapToInt(PatternInfo::seqlets).sum();
        }
    }

    /** Larger seqlet BEDs are not embedded in the page (it would grow by 4/3 of the file); their path is shown. */
    static final long EMBED_LIMIT = 2L << 20;

    private MotifsSection() {
    }

    static MotifSet read(String label, String dirText) {
        return read(label, dirText, DEFAULT_MATCH_Q);
    }

    /** Reads the folder {@code dirText} (as given on the command line) shown under {@code label}. */
    static MotifSet read(String label, String dirText, double matchQ) {
        Path dir = Path.of(dirText);
        Path tsv = dir.resolve("patterns.tsv");
        Path npzPath = dir.resolve("patterns.npz");
        TsvTable table = TsvTable.read(tsv, "pattern", "seqlets");
        Map<String, List<MatchRow>> matches = readMatches(dir.resolve("matches.tsv"));
        boolean hasMatches = Files.isRegularFile(dir.resolve("matches.tsv"));
        MotifSummary summary = MotifSummary.read(dir);
        List<TsvTable.Row> passed = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        boolean hasVerdict = table.header().contains("passed");
        for (TsvTable.Row row : table.rows()) {
            String verdict = hasVerdict ? row.get("passed").strip() : "yes";
            if (verdict.equals("yes")) {
                passed.add(row);
            } else if (verdict.equals("no")) {
                rejected.add(new Rejected(row.get("pattern"), row.get("sign"), row.get("seqlets").strip(),
                        row.get("consensus"), row.get("reason").strip()));
            } else {
                throw RegulensException.atLine(tsv, row.line(), "passed '" + verdict + "' is not yes or no");
            }
        }
        List<PatternInfo> patterns = new ArrayList<>();
        if (passed.isEmpty()) {
            // No pattern passed: patterns.npz holds nothing to read (and may be absent).
            return new MotifSet(label, dirText, bed(dir), hasMatches, patterns, rejected, summary, matchQ);
        }
        try (NpzFile npz = NpzFile.open(npzPath)) {
            for (TsvTable.Row row : passed) {
                String name = row.get("pattern");
                double[][] cwm = matrix(npz, name + ".cwm");
                double[][] ppm = npz.contains(name + ".ppm") ? matrix(npz, name + ".ppm") : null;
                List<MatchRow> all = new ArrayList<>(matches.getOrDefault(name, List.of()));
                all.sort(Comparator.comparingDouble(MatchRow::pValue)); // stable: the file's order breaks ties
                List<MatchRow> significant = all.stream().filter(m -> m.qValue() <= matchQ).limit(TOP_MATCHES).toList();
                patterns.add(new PatternInfo(name, row.get("sign"), row.integer("seqlets"), row.get("consensus"), cwm,
                        ppm, significant, all.isEmpty() ? null : all.get(0),
                        ppm == null ? null : PatternInformation.of(ppm)));
            }
        }
        return new MotifSet(label, dirText, bed(dir), hasMatches, patterns, rejected, summary, matchQ);
    }

    /**
     * compare's rows by query; none when the file is absent, empty (0 bytes: an older compare, or the pipeline's
     * stub) or only a header (no query motifs, or nothing matched).
     */
    private static Map<String, List<MatchRow>> readMatches(Path matchFile) {
        Map<String, List<MatchRow>> matches = new LinkedHashMap<>();
        if (!Files.isRegularFile(matchFile) || size(matchFile) == 0) {
            return matches;
        }
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
        return matches;
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
            if (set.summary() != null && set.summary().seqlets() >= 0) {
                out.append(" from ").append(seqletCount(set.summary()));
            }
            if (set.hasBed()) {
                out.append("; seqlets: ").append(bedLink(set));
            }
            if (!set.hasMatches()) {
                out.append("; no matches.tsv from compare in the folder");
            } else if (set.patterns().stream().allMatch(p -> p.findings().isEmpty()) && !set.patterns().isEmpty()) {
                out.append("; none of them has a match with q &#8804; ").append(Html.num(set.matchQ()));
            }
            out.append(".</p>\n");
            if (set.patterns().isEmpty()) {
                out.append("<p class=\"none\">").append(noPatternPassed(set)).append("</p>\n");
            } else {
                List<String[]> rows = new ArrayList<>();
                for (PatternInfo p : set.patterns()) {
                    String title = set.label() + " " + p.name();
                    rows.add(new String[] {
                        Html.esc(p.name()) + "<br/><span class=\"consensus\">" + Html.esc(p.consensus()) + "</span>"
                                + (p.lowInformation() ? "<br/><span class=\"flag\">low information</span>" : ""),
                        Integer.toString(p.seqlets()),
                        SvgLogo.render(p.cwm(), SvgLogo.Style.cwm(), title + " CWM"),
                        SvgLogo.render(SvgLogo.reverseComplement(p.cwm()), SvgLogo.Style.cwm(), title + " CWM reverse complement"),
                        matches(p, title, database, set.matchQ())});
                }
                out.append(Section.table("motif-table", new String[] {"pattern", "seqlets", "CWM", "CWM (reverse complement)",
                    "matches (q-value)"}, rows));
            }
            out.append(rejected(set));
            out.append("</div>\n");
        }
        if (sets.stream().anyMatch(set -> !set.patterns().isEmpty())) {
            out.append("<p class=\"note\">Matches: compare's database motifs with q-value at most ")
                    .append(Html.num(sets.get(0).matchQ())).append(" (report --match-q), the best ").append(TOP_MATCHES)
                    .append(" by p-value. Low information: more than half of the pattern's positions carry under ")
                    .append(Html.num(PatternInformation.WEAK_BITS)).append(" bits and fewer than ")
                    .append(PatternInformation.MIN_STRONG_POSITIONS).append(" carry ")
                    .append(Html.num(PatternInformation.STRONG_BITS)).append(" bit or more; its hits are not findings.</p>\n");
        }
        return out.append(Section.close()).toString();
    }

    /** "412 seqlets (300 positive, 112 negative)". */
    static String seqletCount(MotifSummary summary) {
        return summary.seqlets() + " seqlets (" + summary.seqletsPositive() + " positive, " + summary.seqletsNegative()
                + " negative)";
    }

    /** Why the set has no pattern, as far as the folder tells. */
    static String noPatternPassed(MotifSet set) {
        StringBuilder why = new StringBuilder("No pattern passed");
        MotifSummary summary = set.summary();
        if (summary != null && summary.seqlets() >= 0) {
            why.append(": motifs found ").append(seqletCount(summary));
            why.append(set.rejected().isEmpty() ? " and no group of at least --min-seqlets similar ones."
                    : "; every candidate pattern was rejected (below).");
        } else if (!set.rejected().isEmpty()) {
            why.append(": every candidate pattern was rejected (below).");
        } else {
            why.append(": motifs found no group of at least --min-seqlets similar seqlets.");
        }
        return why.toString();
    }

    /** The rejected candidates in one compact line, or nothing. */
    private static String rejected(MotifSet set) {
        if (set.rejected().isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (Rejected r : set.rejected()) {
            String item = Html.esc(r.name());
            if (!r.consensus().isBlank()) {
                item += " <span class=\"consensus\">" + Html.esc(r.consensus()) + "</span>";
            }
            if (!r.seqlets().isEmpty()) {
                item += " (" + Html.esc(r.seqlets()) + " seqlets)";
            }
            String reason = r.reason().isEmpty() || r.reason().equals("-") ? "no reason given" : r.reason();
            items.add(item + ": " + Html.esc(reason));
        }
        return "<p class=\"rejected\">Rejected candidates (" + items.size() + "): " + String.join("; ", items)
                + ".</p>\n";
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

    private static String matches(PatternInfo p, String title, MotifLookup database, double matchQ) {
        if (p.lowInformation()) {
            String text = "low-information pattern (" + p.information().describe() + "): its hits are not findings";
            if (p.bestHit() != null) {
                text += "; best hit " + hitName(p.bestHit()) + " (q = " + Html.num(p.bestHit().qValue()) + ")";
            }
            return "<span class=\"none\">" + text + "</span>";
        }
        if (p.matches().isEmpty()) {
            if (p.bestHit() == null) {
                return "<span class=\"none\">no match reported</span>";
            }
            return "<span class=\"none\">no match with q &#8804; " + Html.num(matchQ) + "; best hit, not significant: "
                    + hitName(p.bestHit()) + " (q = " + Html.num(p.bestHit().qValue()) + ")</span>";
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

    /** "MA0139.2 CTCF", escaped. */
    static String hitName(MatchRow m) {
        return Html.esc(m.target()) + (m.targetName().isBlank() ? "" : " " + Html.esc(m.targetName()));
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
