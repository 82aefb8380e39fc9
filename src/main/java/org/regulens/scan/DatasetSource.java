package org.regulens.scan;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.regulens.data.GenomeCoordinates;
import org.regulens.data.TrainingData;
import org.regulens.seq.OneHot;

/**
 * {@code scan --data}: the rows of an encoded data set, decoded from one-hot (all-zero columns are N), named by
 * the {@code names} array and placed in the genome by {@link GenomeCoordinates} when the data set has them.
 */
final class DatasetSource implements SequenceSource {

    /** Rows read from the npz at a time. */
    private static final int BLOCK = 1024;

    private final TrainingData data;
    private final GenomeCoordinates coordinates;

    DatasetSource(Path file) {
        this.coordinates = GenomeCoordinates.available(file) ? GenomeCoordinates.read(file, "genome coordinates") : null;
        this.data = TrainingData.open(file, false);
        if (coordinates != null && coordinates.rows() != data.rows()) {
            data.close();
            throw org.regulens.core.RegulensException.atRecord(file, "chrom", coordinates.rows()
                    + " values for " + data.rows() + " rows");
        }
    }

    @Override
    public void forEach(Consumer<ScanSequence> action) {
        int length = data.length();
        for (long first = 0; first < data.rows(); first += BLOCK) {
            int count = (int) Math.min(BLOCK, data.rows() - first);
            float[] block = data.oneHot(first, count);
            for (int i = 0; i < count; i++) {
                int row = (int) (first + i);
                byte[] letters = OneHot.decode(block, i * 4 * length, length);
                action.accept(new ScanSequence(data.name(row), letters, origin(row)));
            }
        }
    }

    private Origin origin(int row) {
        if (coordinates == null) {
            return null;
        }
        return new Origin(coordinates.chrom(row), coordinates.start(row), coordinates.end(row),
                coordinates.minus(row));
    }

    @Override
    public long bases() {
        return data.rows() * data.length();
    }

    @Override
    public void close() {
        data.close();
    }
}
