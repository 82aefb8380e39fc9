package org.regulens.encode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;
import org.regulens.genome.Chromosome;
import org.regulens.seq.DinucleotideShuffle;

/**
 * Turns a sequence table (or labelled FASTA) into a data set. All sequences must have one length, or, with
 * {@code --width}, at least that length (longer ones are cut to their central {@code width} bases). Splits come
 * from a {@code split} column or else from a seeded random permutation with the given fractions.
 */
final class SequenceEncoder {

    private final EncodeSettings settings;
    private final Integer width;
    private final Path background;

    /** @param background FASTA of negatives (with {@code --negatives background}), else null */
    SequenceEncoder(EncodeSettings settings, Integer width, Path background) {
        this.settings = settings;
        this.width = width;
        this.background = background;
    }

    void encode(Path input, Path out) {
        boolean makesNegatives = settings.negatives() == EncodeSettings.Negatives.shuffle
                || settings.negatives() == EncodeSettings.Negatives.background;
        SequenceTableReader table = SequenceTableReader.read(input, makesNegatives);
        List<LabelledSequence> records = table.records();
        if (table.unlabelled()) {
            Log.info("%s carries no labels: %,d positives of task '%s', negatives by --negatives %s", input,
                    records.size(), table.tasks().get(0), settings.negatives());
        }
        int length = width != null ? width : records.get(0).sequence().length;
        long cropped = 0;
        for (LabelledSequence record : records) {
            int n = record.sequence().length;
            if (n < length || (width == null && n != length)) {
                throw RegulensException.atLine(input, record.line(), "sequence " + record.name() + " has " + n
                        + " bases, but " + (width == null ? "the first sequence has " + length
                        + " (give --width to cut longer ones to their centre)" : "--width is " + length));
            }
            if (n > length) {
                cropped++;
            }
        }
        if (cropped > 0) {
            Log.info("%,d sequences longer than %d bases were cut to their central %d", cropped, length, length);
        }
        Split[] splits = splits(records);
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        List<Chromosome> negatives = background == null ? List.of()
                : BackgroundSequences.draw(background, length, countPositives(records), settings);
        long shuffled = 0;
        try (DatasetWriter writer = new DatasetWriter(out, table.tasks(), length, false)) {
            float[] zeros = new float[table.tasks().size()];
            for (int i = 0; i < records.size(); i++) {
                LabelledSequence record = records.get(i);
                int from = (record.sequence().length - length) / 2;
                writer.add(record.sequence(), from, record.labels(), splits[i], record.name(), Source.TABLE, null, 0, '.');
                if (settings.negatives() == EncodeSettings.Negatives.shuffle && isPositive(record)) {
                    int copies = settings.negativesPerPositive(random);
                    byte[] window = java.util.Arrays.copyOfRange(record.sequence(), from, from + length);
                    for (int k = 0; k < copies; k++) {
                        writer.add(DinucleotideShuffle.shuffle(window, random), 0, zeros, splits[i],
                                record.name() + "_shuffle" + (k + 1), Source.SHUFFLED, null, 0, '.');
                        shuffled++;
                    }
                }
            }
            Split[] backgroundSplits = randomSplits(negatives.size(), settings.seed() ^ 0xBAC6L);
            for (int i = 0; i < negatives.size(); i++) {
                Chromosome negative = negatives.get(i);  // already cut to its central `length` bases
                writer.add(negative.sequence(), 0, zeros, backgroundSplits[i],
                        negative.name(), Source.BACKGROUND, null, 0, '.');
            }
            long[] perSplit = writer.rowsPerSplit();
            Log.info("%,d sequences of %d bp (%,d shuffled negatives, %,d background negatives): train %,d, "
                    + "valid %,d, test %,d", writer.rows(), length, shuffled, negatives.size(), perSplit[0],
                    perSplit[1], perSplit[2]);
            writer.gcHistogram().log();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("regulens_version", org.regulens.core.Version.get());
            meta.put("kind", "sequences");
            meta.put("sequences", input.toString());
            meta.put("width", length);
            meta.put("negatives", settings.negatives().name());
            if (background != null) {
                meta.put("background", background.toString());
                meta.put("background_rows", negatives.size());
            }
            meta.put("unlabelled_input", table.unlabelled());
            meta.put("neg_ratio", settings.negRatio());
            meta.put("seed", settings.seed());
            meta.put("split_mode", records.get(0).split() != null ? "column" : "random");
            meta.put("valid_frac", settings.validFrac());
            meta.put("test_frac", settings.testFrac());
            meta.put("rows", writer.rows());
            meta.put("rows_per_split", perSplit);
            meta.put("positives_per_task", writer.positivesPerTask());
            meta.put("gc_histogram", writer.gcHistogram().toMap());
            writer.commit(meta);
        }
    }

    private static long countPositives(List<LabelledSequence> records) {
        return records.stream().filter(SequenceEncoder::isPositive).count();
    }

    private static boolean isPositive(LabelledSequence record) {
        for (float label : record.labels()) {
            if (label > 0) {
                return true;
            }
        }
        return false;
    }

    /** The split column when every row has one; else a seeded permutation cut by the fractions. */
    private Split[] splits(List<LabelledSequence> records) {
        int n = records.size();
        Split[] splits = new Split[n];
        boolean fromColumn = records.get(0).split() != null;
        if (fromColumn) {
            for (int i = 0; i < n; i++) {
                splits[i] = records.get(i).split();
            }
            return splits;
        }
        return randomSplits(n, settings.seed());
    }

    /** A seeded permutation of n rows cut by --test-frac then --valid-frac. */
    private Split[] randomSplits(int n, long seed) {
        Split[] splits = new Split[n];
        int[] order = org.regulens.core.Shuffle.permutation(n, new SplittableRandom(seed));
        long test = Math.round(settings.testFrac() * n);
        long valid = Math.round(settings.validFrac() * n);
        for (int k = 0; k < n; k++) {
            splits[order[k]] = k < test ? Split.TEST : k < test + valid ? Split.VALID : Split.TRAIN;
        }
        return splits;
    }
}
