package org.regulens.report;

/** Markup shared by the report's sections: the section frame and the one-line note for a section without input. */
final class Section {

    private Section() {
    }

    static String open(String id, String heading) {
        return "<section id=\"" + id + "\"><h2>" + Html.esc(heading) + "</h2>\n";
    }

    static String close() {
        return "</section>\n";
    }

    /** The whole section when its input was not given. */
    static String omitted(String id, String heading, String why) {
        return open(id, heading) + "<p class=\"omitted\">Omitted: " + Html.esc(why) + "</p>\n" + close();
    }

    static String table(String cssClass, String[] header, java.util.List<String[]> escapedRows) {
        StringBuilder out = new StringBuilder("<table class=\"").append(cssClass).append("\"><thead><tr>");
        for (String h : header) {
            out.append("<th>").append(Html.esc(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (String[] row : escapedRows) {
            out.append("<tr>");
            for (String cell : row) {
                out.append("<td>").append(cell).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}
