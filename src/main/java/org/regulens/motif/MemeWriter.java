package org.regulens.motif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.regulens.io.AtomicOutput;

/**
 * Writes motifs in MEME minimal text format, version 4: the format MEME-suite tools (FIMO, Tomtom, SEA) and
 * Biopython read. Probabilities are the count rows normalised ({@link Motif#probabilities()}), with 6 decimals;
 * {@code nsites=} is the motif's site count rounded to a whole number, as MEME writes it. Whitespace in a name
 * becomes '_', since the MOTIF line is split on whitespace.
 */
public final class MemeWriter {

    private MemeWriter() {
    }

    /** Writes {@code motifs} to {@code out} atomically (gzip-compressed if the name ends in ".gz"). */
    public static void write(Path out, List<Motif> motifs, double[] background) {
        String text = toMeme(motifs, background);
        try (AtomicOutput output = AtomicOutput.create(out)) {
            Writer writer = output.writer();
            writer.write(text);
            writer.flush();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The MEME text for {@code motifs}; ids must be unique (a reader could not tell them apart). */
    public static String toMeme(List<Motif> motifs, double[] background) {
        Background.require(background);
        StringBuilder text = new StringBuilder(256 + motifs.size() * 512);
        text.append("MEME version 4\n\n");
        text.append("ALPHABET= ACGT\n\n");
        text.append("strands: + -\n\n");
        text.append("Background letter frequencies\n");
        text.append(String.format(Locale.ROOT, "A %.6f C %.6f G %.6f T %.6f\n\n",
                background[0], background[1], background[2], background[3]));
        Set<String> ids = new HashSet<>();
        for (Motif motif : motifs) {
            if (!ids.add(motif.id())) {
                throw new IllegalArgumentException("duplicate motif id " + motif.id());
            }
            appendMotif(text, motif);
        }
        return text.toString();
    }

    private static void appendMotif(StringBuilder text, Motif motif) {
        text.append("MOTIF ").append(motif.id());
        String name = motif.name().strip().replaceAll("\\s+", "_");
        if (!name.isEmpty()) {
            text.append(' ').append(name);
        }
        long nsites = Math.max(1, Math.round(motif.nsites()));
        text.append("\nletter-probability matrix: alength= 4 w= ").append(motif.width())
                .append(" nsites= ").append(nsites).append(" E= 0\n");
        for (double[] row : motif.probabilities()) {
            text.append(String.format(Locale.ROOT, "  %.6f  %.6f  %.6f  %.6f\n", row[0], row[1], row[2], row[3]));
        }
        text.append('\n');
    }
}
