package org.regulens.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.core.Shuffle;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.seq.Dna;

/**
 * Negatives from a user's background FASTA (e.g. peaks of other factors, accessible regions): round(--neg-ratio ×
 * positives) records drawn at random without replacement, seeded, kept in file order; all of them when the file
 * has fewer. Each must be at least the data set's width (its centre is used) and within --max-n.
 */
final class BackgroundSequences {

    private BackgroundSequences() {
    }

    static List<Chromosome> draw(Path fasta, int width, long positives, EncodeSettings settings) {
        List<Chromosome> all = new ArrayList<>();
        int maxNonAcgt = settings.maxNonAcgt(width);
        long tooManyN = 0;
        try (FastaStream stream = new FastaStream(fasta, Map.of())) {
            Chromosome record;
            while ((record = stream.next()) != null) {
                byte[] sequence = record.sequence();
                if (sequence.length < width) {
                    throw RegulensException.atRecord(fasta, record.name(), sequence.length
                            + " bases, fewer than the data set's width " + width);
                }
                int from = (sequence.length - width) / 2;
                Dna.normalise(sequence, from, from + width);
                if (Dna.countNonAcgt(sequence, from, from + width) > maxNonAcgt) {
                    tooManyN++;
                    continue;
                }
                all.add(new Chromosome(record.name(), Arrays.copyOfRange(sequence, from, from + width)));
            }
        }
        if (all.isEmpty()) {
            throw RegulensException.inFile(fasta, "no background sequence of at least " + width + " bases"
                    + (tooManyN > 0 ? " within --max-n (" + tooManyN + " had too many N)" : ""));
        }
        long wanted = Math.round(settings.negRatio() * positives);
        if (tooManyN > 0) {
            Log.info("%,d background sequences skipped: more than --max-n non-ACGT bases", tooManyN);
        }
        if (wanted >= all.size()) {
            if (wanted > all.size()) {
                Log.warn("%s: %,d background sequences for %,d wanted (--neg-ratio %s × %,d positives): all used",
                        fasta, all.size(), wanted, settings.negRatio(), positives);
            }
            return all;
        }
        int[] order = Shuffle.permutation(all.size(), new SplittableRandom(settings.seed() ^ 0x6B67L));
        int[] chosen = Arrays.copyOf(order, (int) wanted);
        Arrays.sort(chosen);
        List<Chromosome> drawn = new ArrayList<>(chosen.length);
        for (int index : chosen) {
            drawn.add(all.get(index));
        }
        return drawn;
    }
}
