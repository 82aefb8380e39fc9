package org.regulens.data;

import java.nio.file.Path;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpzFile;

/**
 * Genome coordinates of a data set's rows, from the {@code chrom}, {@code start}, {@code end} (0-based,
 * half-open) and {@code strand} arrays that {@code encode} writes for windows cut from a genome. A minus-strand
 * row holds the reverse complement of its interval, so its position j is genome base end − 1 − j.
 */
public record RowCoordinates(String[] chrom, long[] start, long[] end, String[] strand) {

    private static final List<String> ARRAYS = List.of("chrom", "start", "end", "strand");

    /** Whether the data set has genome coordinates (it was encoded from peaks or a genome). */
    public static boolean present(Path data) {
        try (NpzFile npz = NpzFile.open(data)) {
            return ARRAYS.stream().allMatch(npz::contains);
        }
    }

    /** @param why what needs the coordinates, for the error when they are missing */
    public static RowCoordinates read(Path data, String why) {
        try (NpzFile npz = NpzFile.open(data)) {
            for (String name : ARRAYS) {
                if (!npz.contains(name)) {
                    throw RegulensException.atRecord(data, name, "missing: " + why
                            + " needs a data set encoded from peaks (genome coordinates)");
                }
            }
            RowCoordinates rows = new RowCoordinates(npz.read("chrom").asStrings(), npz.read("start").asLongs(),
                    npz.read("end").asLongs(), npz.read("strand").asStrings());
            if (rows.start.length != rows.chrom.length || rows.end.length != rows.chrom.length
                    || rows.strand.length != rows.chrom.length) {
                throw RegulensException.inFile(data, "chrom, start, end and strand have different lengths");
            }
            return rows;
        }
    }

    public boolean isMinus(int row) {
        return "-".equals(strand[row]);
    }
}
