package org.regulens.gia;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regulens.core.RegulensException;
import org.regulens.core.Shuffle;
import org.regulens.data.TrainingData;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.seq.DinucleotideShuffle;
import org.regulens.seq.Dna;
import org.regulens.seq.OneHot;

/**
 * The background sequences GIA embeds into: {@code samples} rows of a data set taken in a seeded random order
 * (as they are, or each dinucleotide-shuffled), or {@code samples} records of a FASTA file cut to their central
 * L bases. When {@code samples} exceeds the rows (records) available, the order is repeated from its start (each
 * repeat shuffled anew).
 */
public final class BackgroundSampler {

    private BackgroundSampler() {
    }

    public static List<byte[]> fromData(TrainingData data, int samples, boolean shuffle, SplittableRandom random) {
        int rows = (int) data.rows();
        if (rows == 0) {
            throw RegulensException.inFile(data.file(), "no rows to draw backgrounds from");
        }
        int[] order = Shuffle.permutation(rows, random);
        List<byte[]> result = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            byte[] sequence = OneHot.decode(data.oneHot(order[i % rows], 1), 0, data.length());
            result.add(shuffle ? DinucleotideShuffle.shuffle(sequence, random) : sequence);
        }
        return result;
    }

    public static List<byte[]> fromFasta(Path fasta, int length, int samples, SplittableRandom random) {
        List<byte[]> records = new ArrayList<>();
        try (FastaStream stream = new FastaStream(fasta, java.util.Map.of())) {
            Chromosome record;
            while ((record = stream.next()) != null) {
                byte[] sequence = record.sequence();
                if (sequence.length < length) {
                    throw RegulensException.atRecord(fasta, record.name(), sequence.length
                            + " bases, fewer than the model's input length " + length);
                }
                int from = (sequence.length - length) / 2;
                byte[] window = java.util.Arrays.copyOfRange(sequence, from, from + length);
                Dna.normalise(window, 0, length);
                records.add(window);
            }
        }
        int[] order = Shuffle.permutation(records.size(), random);
        List<byte[]> result = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            result.add(records.get(order[i % records.size()]));
        }
        return result;
    }
}
