package org.regulens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.core.Version;

/** The run summary: regulens version, the inputs the report was made from, and the run parameters (--params). */
final class SummarySection {

    static final String ID = "summary";

    private SummarySection() {
    }

    /** Reads PARAMS.json (an object, flat or nested) into display rows. */
    static Map<String, String> readParams(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw RegulensException.inFile(file, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Object value;
        try {
            value = org.regulens.io.Json.read(text);
        } catch (IllegalArgumentException e) {
            throw RegulensException.inFile(file, "not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof Map)) {
            throw RegulensException.inFile(file, "expected a JSON object of parameters");
        }
        return org.regulens.io.Json.flatten(value);
    }

    /**
     * @param inputs option and value pairs as given on the command line
     * @param params flattened parameters, or null when --params was not given
     */
    static String render(List<String[]> inputs, Map<String, String> params, List<String> omitted) {
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
            List<String[]> paramRows = new ArrayList<>();
            params.forEach((k, v) -> paramRows.add(new String[] {Html.esc(k), Html.esc(v)}));
            out.append("<h3>Parameters</h3>\n").append(Section.table("params", new String[] {"parameter", "value"}, paramRows));
        }
        return out.append(Section.close()).toString();
    }
}
