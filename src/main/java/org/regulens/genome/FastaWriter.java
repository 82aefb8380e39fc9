package org.regulens.genome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.regulens.io.AtomicOutput;

/** Writes FASTA with fixed-width lines and the matching samtools .fai index beside it. */
public final class FastaWriter {

    public static final int LINE_WIDTH = 60;

    private FastaWriter() {
    }

    /** Writes {@code fasta} and {@code fasta.fai} (both atomically). */
    public static void write(Path fasta, List<Chromosome> records) {
        StringBuilder fai = new StringBuilder();
        long offset = 0;
        try (AtomicOutput out = AtomicOutput.create(fasta)) {
            OutputStream stream = out.stream();
            for (Chromosome record : records) {
                byte[] header = (">" + record.name() + "\n").getBytes(StandardCharsets.US_ASCII);
                stream.write(header);
                offset += header.length;
                fai.append(record.name()).append('\t').append(record.length()).append('\t').append(offset)
                        .append('\t').append(LINE_WIDTH).append('\t').append(LINE_WIDTH + 1).append('\n');
                byte[] sequence = record.sequence();
                for (int i = 0; i < sequence.length; i += LINE_WIDTH) {
                    int n = Math.min(LINE_WIDTH, sequence.length - i);
                    stream.write(sequence, i, n);
                    stream.write('\n');
                    offset += n + 1;
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fasta + ": " + e.getMessage(), e);
        }
        AtomicOutput.writeString(fasta.resolveSibling(fasta.getFileName() + ".fai"), fai.toString());
    }
}
