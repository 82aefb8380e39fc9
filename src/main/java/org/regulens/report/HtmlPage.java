package org.regulens.report;

import java.util.List;

/**
 * The page around the sections: XHTML-compatible markup (every element closed, attributes quoted) so a strict XML
 * parser can check it, an inline style sheet, and an inline script that checks on load that every logo was laid
 * out and drawn, recording each logo's box and the key-findings table's top for browser tests. Nothing is fetched when the page is viewed.
 */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:sans-serif;margin:1.5em 2em;color:#222;max-width:1400px}
            h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}h3{font-size:1.05em}
            nav a{margin-right:1em}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:middle}
            th{background:#f3f3f3}
            .omitted{color:#777;font-style:italic}
            .plots{display:flex;flex-wrap:wrap;gap:1em}
            svg.plot .frame{fill:none;stroke:#999}svg.plot text{font-size:11px;fill:#333}svg.plot .chance{stroke:#bbb;stroke-dasharray:4 3}
            svg.logo{display:block;margin:2px 0}svg.logo .axis{stroke:#888;stroke-width:.6}
            .aligned{display:block;margin:2px 0 6px}.match{margin-bottom:4px}.match-name{font-weight:bold}
            .consensus,.coords{font-family:monospace;color:#555}
            .wide{overflow-x:auto}
            table.key-findings td{vertical-align:top}table.key-findings svg.logo{margin-top:3px}
            .none{color:#777;font-style:italic}.note,.negatives,.rejected{font-size:.9em;color:#444}
            .flag{color:#a40;font-size:.85em;font-weight:bold}
            details.params summary{cursor:pointer;color:#333}
            """;

    // Runs after layout: a logo without size or without letters means the page did not render as intended.
    private static final String SCRIPT = """
            //<![CDATA[
            window.addEventListener('load', function () {
              var problems = [];
              var logos = document.querySelectorAll('svg.logo');
              logos.forEach(function (logo, i) {
                var box = logo.getBoundingClientRect();
                var x = Math.round(box.left + window.scrollX), y = Math.round(box.top + window.scrollY);
                logo.setAttribute('data-bbox', [x, y, Math.round(box.width), Math.round(box.height)].join(','));
                if (!(box.width > 0 && box.height > 0)) { problems.push('logo ' + i + ' has an empty box'); }
                if (!logo.querySelector('path')) { problems.push('logo ' + i + ' has no letters'); }
              });
              document.body.dataset.logos = String(logos.length);
              var findings = document.querySelector('table.key-findings');
              if (findings) { document.body.dataset.keyfindings = String(Math.round(findings.getBoundingClientRect().top + window.scrollY)); }
              document.body.dataset.selfcheck = problems.length === 0 ? 'ok' : 'fail: ' + problems.join('; ');
            });
            //]]>
            """;

    private HtmlPage() {
    }

    static String render(String title, List<String[]> navigation, List<String> sections) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(Html.esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body data-selfcheck=\"pending\">\n<h1>").append(Html.esc(title)).append("</h1>\n<nav>");
        for (String[] link : navigation) {
            out.append("<a href=\"#").append(link[0]).append("\">").append(Html.esc(link[1])).append("</a>");
        }
        out.append("</nav>\n");
        sections.forEach(out::append);
        out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }
}
