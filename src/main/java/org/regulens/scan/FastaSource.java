package org.regulens.scan;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.seq.Dna;

/** {@code scan --fasta}: each record of a FASTA file (plain or gzip), named by the first word of its header. */
final class FastaSource implements SequenceSource {

    private final Path file;

    FastaSource(Path file) {
        this.file = file;
    }

    @Override
    public void forEach(Consumer<ScanSequence> action) {
        try (FastaStream stream = new FastaStream(file, Map.of())) {
            Chromosome record;
            while ((record = stream.next()) != null) {
                byte[] letters = record.sequence();
                Dna.normalise(letters, 0, letters.length);
                action.accept(new ScanSequence(record.name(), letters, null));
            }
        }
    }

    @Override
    public long bases() {
        return -1;
    }
}
