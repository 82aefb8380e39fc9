package org.regulens.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.regulens.io.AtomicOutput;
import org.regulens.motif.Motif;

/**
 * Writes {@code scan}'s hits: FIMO's TSV columns and, optionally, a BED6 beside it. Hits stream to a spool file
 * while sequences are scanned (q-values need every test's score first), then {@link #commit} writes both
 * outputs atomically; closing without committing leaves no output and no spool.
 */
final class HitTable implements AutoCloseable {

    static final String HEADER = "motif_id\tmotif_alt_id\tsequence_name\tstart\tstop\tstrand\tscore\tp-value"
            + "\tq-value\tmatched_sequence";

    private final Path out;
    private final Path bedOut;
    private final List<Motif> motifs;
    private final AtomicOutput spool;
    private final Writer spoolWriter;
    private long hits;

    HitTable(Path out, Path bedOut, List<Motif> motifs) {
        this.out = out;
        this.bedOut = bedOut;
        this.motifs = motifs;
        this.spool = AtomicOutput.create(out.resolveSibling(out.getFileName() + ".spool"));
        this.spoolWriter = spool.writer();
    }

    /** Spools a sequence's hits: motif, strand index, integer score, then the TSV and BED fields but q. */
    void add(ScanSequence sequence, List<Hit> sequenceHits) {
        String name = sequence.name().replace('\t', ' ');
        try {
            for (Hit hit : sequenceHits) {
                Motif motif = motifs.get(hit.motif());
                Origin origin = sequence.origin() != null ? sequence.origin()
                        : new Origin(name, 0, sequence.letters().length, false);
                Origin.Site site = origin.toGenome(hit.start(), hit.end(), hit.strand());
                spoolWriter.write(hit.motif() + "\t" + (hit.strand() == '+' ? 0 : 1) + "\t" + hit.score() + "\t"
                        + motif.id() + "\t" + motif.name() + "\t" + name + "\t" + (hit.start() + 1) + "\t"
                        + hit.end() + "\t" + hit.strand() + "\t" + String.format(Locale.ROOT, "%.4f", hit.realScore())
                        + "\t" + String.format(Locale.ROOT, "%.3g", hit.pValue()) + "\t" + hit.matched()
                        + "\t" + site.chrom() + "\t" + site.start() + "\t" + site.end() + "\t" + site.strand()
                        + "\t" + bedScore(hit.pValue()) + "\n");
                hits++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + spool.temp() + ": " + e.getMessage(), e);
        }
    }

    long hits() {
        return hits;
    }

    /**
     * Writes the outputs from the spool.
     *
     * @param qValues per motif, or null to leave the q-value column empty
     */
    void commit(List<QValues> qValues) {
        try {
            spoolWriter.close();
            try (AtomicOutput tsv = AtomicOutput.create(out);
                 AtomicOutput bed = bedOut == null ? null : AtomicOutput.create(bedOut)) {
                try (BufferedReader reader = Files.newBufferedReader(spool.temp(), StandardCharsets.UTF_8);
                     Writer tsvWriter = tsv.writer();
                     Writer bedWriter = bed == null ? Writer.nullWriter() : bed.writer()) {
                    tsvWriter.write(HEADER + "\n");
                    String line;
                    while ((line = reader.readLine()) != null) {
                        String[] f = line.split("\t", -1);
                        int motif = Integer.parseInt(f[0]);
                        String q = qValues == null ? ""
                                : String.format(Locale.ROOT, "%.3g", qValues.get(motif).of(Integer.parseInt(f[1]),
                                        Integer.parseInt(f[2])));
                        tsvWriter.write(String.join("\t", List.of(f).subList(3, 11)) + "\t" + q + "\t" + f[11] + "\n");
                        bedWriter.write(f[12] + "\t" + f[13] + "\t" + f[14] + "\t" + f[3] + "\t" + f[16] + "\t"
                                + f[15] + "\n");
                    }
                }
                tsv.commit();
                if (bed != null) {
                    bed.commit();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** BED score 0..1000: −10·log10(p), capped (p = 1e-4 gives 40). */
    static int bedScore(double p) {
        return p <= 0 ? 1000 : (int) Math.min(1000, Math.round(-10 * Math.log10(p)));
    }

    @Override
    public void close() {
        try {
            spoolWriter.close();
        } catch (IOException ignored) {
            // the spool is deleted below anyway
        }
        spool.close();
    }
}
