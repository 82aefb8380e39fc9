package org.regulens.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.regulens.io.LineReader;

/**
 * A samplesheet CSV with a header naming the columns {@code task} and {@code peaks} (others are ignored);
 * relative peak paths are resolved against the samplesheet's folder.
 */
final class Samplesheet {

    record Entry(String task, Path peaks, long line) {
    }

    private Samplesheet() {
    }

    private static List<String> fields(String line, LineReader lines) {
        return lines.fields(line, true).stream().map(String::trim).toList();
    }

    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try (LineReader lines = new LineReader(file)) {
            String header = lines.next();
            if (header == null) {
                throw org.regulens.core.RegulensException.inFile(file, "empty samplesheet");
            }
            List<String> columns = fields(header, lines);
            int task = columns.indexOf("task");
            int peaks = columns.indexOf("peaks");
            if (task < 0 || peaks < 0) {
                throw lines.error("the header must name the columns 'task' and 'peaks', found '" + header + "'");
            }
            Set<String> seen = new HashSet<>();
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line, lines);
                if (fields.size() != columns.size()) {
                    throw lines.error("expected " + columns.size() + " comma-separated fields, found " + fields.size());
                }
                String name = fields.get(task);
                if (name.isEmpty() || fields.get(peaks).isEmpty()) {
                    throw lines.error("empty task or peaks field");
                }
                if (!seen.add(name)) {
                    throw lines.error("task '" + name + "' appears twice");
                }
                Path path = Path.of(fields.get(peaks));
                if (!path.isAbsolute() && file.toAbsolutePath().getParent() != null) {
                    path = file.toAbsolutePath().getParent().resolve(path);
                }
                if (!java.nio.file.Files.isRegularFile(path)) {
                    throw lines.error("peak file " + path + " does not exist");
                }
                entries.add(new Entry(name, path, lines.lineNumber()));
            }
        }
        if (entries.isEmpty()) {
            throw org.regulens.core.RegulensException.inFile(file, "no tasks in the samplesheet");
        }
        return entries;
    }
}
