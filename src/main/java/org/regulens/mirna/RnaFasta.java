package org.regulens.mirna;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regulens.io.LineReader;

/**
 * Small FASTA files of RNA or DNA (miRNAs, 3'UTRs, transcripts), read whole and normalised like pair tables (upper
 * case, U read as T); any other letter is an error naming the file and line.
 */
final class RnaFasta {

    record Entry(String name, String sequence) {
    }

    private RnaFasta() {
    }

    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try (LineReader reader = new LineReader(file)) {
            String name = null;
            StringBuilder sequence = new StringBuilder();
            String line;
            while ((line = reader.next()) != null) {
                if (line.startsWith(">")) {
                    if (name != null) {
                        entries.add(finished(reader, name, sequence));
                    }
                    String[] words = line.substring(1).trim().split("\\s+", 2);
                    if (words[0].isEmpty()) {
                        throw reader.error("a FASTA header without a name");
                    }
                    name = words[0];
                    sequence.setLength(0);
                } else if (!line.isBlank()) {
                    if (name == null) {
                        throw reader.error("sequence before the first '>' header: not FASTA");
                    }
                    sequence.append(PairTable.sequence(reader, "sequence " + name, line));
                }
            }
            if (name != null) {
                entries.add(finished(reader, name, sequence));
            }
        }
        if (entries.isEmpty()) {
            throw org.regulens.core.RegulensException.inFile(file, "no FASTA records");
        }
        return entries;
    }

    private static Entry finished(LineReader reader, String name, StringBuilder sequence) {
        if (sequence.length() == 0) {
            throw reader.error("record " + name + " has no sequence");
        }
        return new Entry(name, sequence.toString());
    }
}
