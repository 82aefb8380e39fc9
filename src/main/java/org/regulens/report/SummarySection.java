package org.regulens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regulens.core.Version;

/**
 * The run summary: regulens version, the inputs the report was made from, and the run parameters (--params) folded
 * in a closed {@code <details>}, only those of the branch that ran ({@link RunParameters}).
 */
final class SummarySection {

    static final String ID = "summary";

    private SummarySection() {
    }

    /**
     * @param inputs option and value pairs as given on the command line
     * @param params the run parameters, or null when --params was not given
     */
    static String render(List<String[]> inputs, Map<String, Object> params, List<String> omitted) {
        StringBuilder out = new StringBuilder(Section.open(ID, "Run summary"));
        out.append("<p>Made by regulens ").append(Html.esc(Version.get())).append(".</p>\n");
        List<String[]> rows = new ArrayList<>();
        for (String[] input : inputs) {
            rows.add(new String[] {"<code>" + Html.esc(input[0]) + "</code>", "<code>" + Html.esc(input[1]) + "</code>"});
        }
        out.append("<h3>Inputs</h3>\n").append(Section.table("inputs", new String[] {"option", "value"}, rows));
        if (!omitted.isEmpty()) {
            out.append("<p class=\"omitted\">Sections without input: ").append(Html.esc(String.join(", ", omitted))).append(".</p>\n");
        }
        if (params == null) {
            out.append("<p class=\"omitted\">No run parameters (--params) given.</p>\n");
        } else {
            // Folded: the answer is in the key findings above; the parameters are there to check how it was made.
            RunParameters.Selection selection = RunParameters.select(params);
            List<String[]> paramRows = new ArrayList<>();
            selection.shown().forEach((k, v) -> paramRows.add(new String[] {Html.esc(k), Html.esc(v)}));
            out.append("<details class=\"params\"><summary>Parameters: ").append(selection.shown().size()).append(" shown");
            if (selection.entry() != null) {
                out.append(" (the <code>--").append(Html.esc(selection.entry())).append("</code> entry ran)");
            }
            if (selection.hidden() > 0) {
                out.append("; ").append(selection.hidden()).append(" not set or of another entry left out");
            }
            out.append("</summary>\n");
            if (paramRows.isEmpty()) {
                out.append("<p class=\"omitted\">No parameter was set.</p>\n");
            } else {
                out.append(Section.table("params", new String[] {"parameter", "value"}, paramRows));
            }
            out.append("</details>\n");
        }
        return out.append(Section.close()).toString();
    }
}
