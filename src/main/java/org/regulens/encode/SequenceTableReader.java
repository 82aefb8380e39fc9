package org.regulens.encode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.io.LineReader;
import org.regulens.io.TextInput;
import org.regulens.seq.Dna;

/**
 * Reads labelled sequences from a table or a FASTA file.
 * <ul>
 * <li>Table (TSV, or CSV when the header has commas and no tabs): a header row with a {@code sequence} (or
 * {@code seq}) column, optional {@code name} and {@code split} columns; every other column is a task whose
 * values are 0 or 1, with empty, NA or NaN meaning unknown (masked); anything else is refused.</li>
 * <li>FASTA: each header is {@code >NAME TASK=VALUE ...}, or {@code >NAME VALUE} for a single task named after
 * the file.</li>
 * </ul>
 * Positive-only sets (DeepBind's ENCODE files, SELEX rounds) carry no labels at all: a table with no label column,
 * or a FASTA whose headers are bare names. When the caller allows it (it makes negatives), such a file is one task
 * named after the file, every sequence positive; otherwise it is refused with a hint.
 * U is read as T and lower case as upper case; other IUPAC letters become N; anything else is an error.
 */
final class SequenceTableReader {

    private final Path file;
    private final List<String> tasks = new ArrayList<>();
    private final List<LabelledSequence> records = new ArrayList<>();
    private final boolean allowUnlabelled;
    private Boolean unlabelled;

    private SequenceTableReader(Path file, boolean allowUnlabelled) {
        this.file = file;
        this.allowUnlabelled = allowUnlabelled;
    }

    static SequenceTableReader read(Path file) {
        return read(file, false);
    }

    /** @param allowUnlabelled read a file without labels as one task of positives (negatives are made elsewhere) */
    static SequenceTableReader read(Path file, boolean allowUnlabelled) {
        SequenceTableReader reader = new SequenceTableReader(file, allowUnlabelled);
        String first;
        try (LineReader lines = new LineReader(file)) {
            first = lines.next();
            while (first != null && first.isBlank()) {
                first = lines.next();
            }
        }
        if (first == null) {
            throw RegulensException.inFile(file, "empty file");
        }
        if (first.startsWith(">")) {
            reader.readFasta();
        } else {
            reader.readTable();
        }
        if (reader.records.isEmpty()) {
            throw RegulensException.inFile(file, "no sequences");
        }
        return reader;
    }

    List<String> tasks() {
        return tasks;
    }

    /** Whether the file carried no labels (every sequence a positive of the one task named after the file). */
    boolean unlabelled() {
        return Boolean.TRUE.equals(unlabelled);
    }

    List<LabelledSequence> records() {
        return records;
    }

    private void readTable() {
        try (LineReader lines = new LineReader(file)) {
            String header = lines.next();
            while (header.isBlank()) {
                header = lines.next();
            }
            boolean csv = org.regulens.io.Delimited.isCsv(header);
            List<String> columns = lines.fields(header, csv);
            int sequenceColumn = -1;
            int nameColumn = -1;
            int splitColumn = -1;
            List<Integer> taskColumns = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c).trim();
                switch (column.toLowerCase(Locale.ROOT)) {
                    case "sequence", "seq" -> sequenceColumn = c;
                    case "name", "id" -> nameColumn = c;
                    case "split" -> splitColumn = c;
                    default -> {
                        if (column.isEmpty()) {
                            throw lines.error("empty column name in the header (column " + (c + 1) + ")");
                        }
                        if (tasks.contains(column)) {
                            throw lines.error("duplicate column '" + column + "'");
                        }
                        taskColumns.add(c);
                        tasks.add(column);
                    }
                }
            }
            if (sequenceColumn < 0) {
                throw lines.error("the header has no 'sequence' column (found: " + String.join(", ", columns) + ")");
            }
            if (tasks.isEmpty()) {
                if (!allowUnlabelled) {
                    throw lines.error("the header has no label columns besides sequence/name/split" + UNLABELLED_HINT);
                }
                unlabelled = true;
                tasks.add(TextInput.stem(file));
            }
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = lines.fields(line, csv);
                if (fields.size() != columns.size()) {
                    throw lines.error("expected " + columns.size() + " columns, found " + fields.size());
                }
                String name = nameColumn >= 0 ? fields.get(nameColumn).trim() : "row" + (records.size() + 1);
                byte[] sequence = sequence(fields.get(sequenceColumn), lines.lineNumber());
                float[] labels = new float[tasks.size()];
                if (unlabelled()) {
                    labels[0] = 1f;
                }
                for (int t = 0; t < taskColumns.size(); t++) {
                    labels[t] = label(fields.get(taskColumns.get(t)), tasks.get(t), lines.lineNumber());
                }
                Split split = null;
                if (splitColumn >= 0) {
                    split = Split.parse(fields.get(splitColumn));
                    if (split == null) {
                        throw lines.error("split '" + fields.get(splitColumn) + "' is not train, valid or test");
                    }
                }
                records.add(new LabelledSequence(name, sequence, labels, split, lines.lineNumber()));
            }
        }
    }

    private void readFasta() {
        try (LineReader lines = new LineReader(file)) {
            String name = null;
            float[] labels = null;
            long headerLine = 0;
            StringBuilder sequence = new StringBuilder();
            String line;
            while ((line = lines.next()) != null) {
                if (line.startsWith(">")) {
                    if (name != null) {
                        finishFasta(name, sequence, labels, headerLine);
                    }
                    headerLine = lines.lineNumber();
                    String[] tokens = line.substring(1).trim().split("\\s+");
                    if (tokens[0].isEmpty()) {
                        throw lines.error("FASTA header without a name");
                    }
                    name = tokens[0];
                    labels = fastaLabels(tokens, lines);
                    sequence.setLength(0);
                } else if (!line.isBlank()) {
                    if (name == null) {
                        throw lines.error("sequence before the first '>' header");
                    }
                    sequence.append(line.trim());
                }
            }
            if (name != null) {
                finishFasta(name, sequence, labels, headerLine);
            }
        }
    }

    private void finishFasta(String name, StringBuilder sequence, float[] labels, long line) {
        if (sequence.length() == 0) {
            throw RegulensException.atLine(file, line, "sequence " + name + " is empty");
        }
        records.add(new LabelledSequence(name, sequence(sequence.toString(), line), labels, null, line));
    }

    private float[] fastaLabels(String[] tokens, LineReader lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                values.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
            } else if (tokens.length == 2) {
                values.put(TextInput.stem(file), tokens[i]);
            } else {
                throw lines.error("expected labels as TASK=VALUE after the name, found '" + tokens[i] + "'");
            }
        }
        boolean bare = values.isEmpty();
        if (unlabelled == null) {
            if (bare && !allowUnlabelled) {
                throw lines.error("no label in the header; write '>NAME TASK=1' or '>NAME 1'" + UNLABELLED_HINT);
            }
            unlabelled = bare;
            if (bare) {
                tasks.add(TextInput.stem(file));
            }
        } else if (bare != unlabelled) {
            throw lines.error(bare ? "no label in the header, unlike the first record's " + tasks
                    : "labels in the header, but the first record has none (a positive-only file has bare names)");
        }
        if (bare) {
            return new float[] {1f};
        }
        if (tasks.isEmpty()) {
            tasks.addAll(values.keySet());
        } else if (!tasks.equals(new ArrayList<>(values.keySet()))) {
            throw lines.error("labels " + values.keySet() + " differ from the first record's " + tasks);
        }
        float[] labels = new float[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            labels[t] = label(values.get(tasks.get(t)), tasks.get(t), lines.lineNumber());
        }
        return labels;
    }

    private static final String UNLABELLED_HINT = "; for positive-only sequences give --negatives shuffle or "
            + "--background FASTA, and every sequence becomes a positive of one task named after the file";

    private byte[] sequence(String text, long line) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw RegulensException.atLine(file, line, "empty sequence");
        }
        byte[] bytes = trimmed.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (!Dna.isIupac(b) || b < 0) {
                throw RegulensException.atLine(file, line, "unexpected character '" + trimmed.charAt(i)
                        + "' at position " + (i + 1) + " of the sequence");
            }
        }
        Dna.normalise(bytes, 0, bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (!Dna.isAcgt(bytes[i])) {
                bytes[i] = 'N';
            }
        }
        return bytes;
    }

    private float label(String text, String task, long line) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("na") || value.equalsIgnoreCase("nan")) {
            return Float.NaN;
        }
        float parsed;
        try {
            parsed = Float.parseFloat(value);
        } catch (NumberFormatException e) {
            parsed = Float.NaN;
        }
        // Java also parses "Infinity", "1d" and hex floats; a label is a plain finite decimal.
        if (Float.isNaN(parsed) || Float.isInfinite(parsed) || !value.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
            throw RegulensException.atLine(file, line, "label '" + value + "' for task " + task + " is not a number");
        }
        // Models here are binary classifiers: any other number is a typo or a regression target, never a label.
        if (parsed != 0f && parsed != 1f) {
            throw RegulensException.atLine(file, line, "label '" + value + "' for task " + task
                    + " is not 0, 1 or missing (empty, NA, NaN)");
        }
        return parsed;
    }
}
