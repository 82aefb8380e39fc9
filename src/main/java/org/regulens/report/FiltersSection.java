package org.regulens.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifReader;

/**
 * First-layer filters from {@code filters}: each filter's motif (from FILTERS.meme) with its windows, influence and
 * best database match (from FILTERS.tsv beside it), most influential first.
 */
final class FiltersSection {

    static final String ID = "filters";

    /** A row of FILTERS.tsv with the filter's motif (null when it had no activating windows). */
    record FilterInfo(String filter, int sites, double influence, String bestMatch, String bestMatchName,
                      double bestMatchQ, Motif motif) {
    }

    private FiltersSection() {
    }

    static List<FilterInfo> read(Path meme) {
        Path tsv = meme.resolveSibling(meme.getFileName().toString().replaceFirst("\\.meme$", "") + ".tsv");
        if (!Files.isRegularFile(tsv)) {
            throw RegulensException.inFile(meme, "no table " + tsv.getFileName() + " beside it (written by regulens filters)");
        }
        Map<String, Motif> motifs = new HashMap<>();
        // a model none of whose filters activates gives filters a header-only MEME file: an empty section
        for (Motif m : MotifReader.readFileAllowingNoMotifs(meme).motifs()) {
            motifs.put(m.id(), m);
        }
        TsvTable table = TsvTable.read(tsv, "filter", "sites", "influence", "best_match", "best_match_q");
        List<FilterInfo> filters = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            String q = row.get("best_match_q").strip();
            filters.add(new FilterInfo(row.get("filter"), row.integer("sites"), row.number("influence"),
                    row.get("best_match"), row.get("best_match_name"), q.isEmpty() ? Double.NaN : row.number("best_match_q"),
                    motifs.get(row.get("filter"))));
        }
        // Most influential first; the filter name keeps the order stable for equal influence.
        filters.sort(Comparator.comparingDouble((FilterInfo f) -> Double.isNaN(f.influence()) ? Double.NEGATIVE_INFINITY
                : f.influence()).reversed());
        return filters;
    }

    static String render(List<FilterInfo> filters, MotifLookup database) {
        StringBuilder out = new StringBuilder(Section.open(ID, "First-layer filters"));
        List<FilterInfo> shown = filters.stream().filter(f -> f.sites() > 0 && f.motif() != null).toList();
        out.append("<p>").append(shown.size()).append(" of ").append(filters.size())
                .append(" filters have activating windows; most influential first (influence: mean change of the"
                        + " predictions when the filter is knocked out).</p>\n");
        List<String[]> rows = new ArrayList<>();
        for (FilterInfo f : shown) {
            String logo = SvgLogo.render(SvgLogo.informationHeights(f.motif().probabilities()), SvgLogo.Style.ppm(), f.filter());
            String match = "";
            if (!f.bestMatch().isBlank()) {
                match = Html.esc(f.bestMatch()) + (f.bestMatchName().isBlank() ? "" : " " + Html.esc(f.bestMatchName()));
                Motif target = database == null ? null : database.find(f.bestMatch());
                if (target != null) {
                    match += "<br/>" + SvgLogo.render(SvgLogo.informationHeights(target.probabilities()),
                            new SvgLogo.Style(8, 28, 0.0, 2.0), f.bestMatch());
                }
            }
            rows.add(new String[] {Html.esc(f.filter()), logo, Integer.toString(f.sites()), Html.num(f.influence()), match,
                Html.num(f.bestMatchQ())});
        }
        out.append(Section.table("filter-table", new String[] {"filter", "motif", "sites", "influence", "best match", "q-value"}, rows));
        return out.append(Section.close()).toString();
    }
}
