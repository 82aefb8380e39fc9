package org.regulens.data;

import java.nio.file.Path;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.io.npz.NpzFile;

/**
 * Genome coordinates of a data set's rows, from the arrays {@code encode} writes for peak input (chrom, start,
 * end, strand). A row on the minus strand holds the reverse complement of [start, end): its position j is genome
 * base end − 1 − j.
 */
public final class GenomeCoordinates {

    private static final List<String> ARRAYS = List.of("chrom", "start", "end", "strand");

    private final String[] chrom;
    private final long[] start;
    private final long[] end;
    private final boolean[] minus;

    private GenomeCoordinates(String[] chrom, long[] start, long[] end, String[] strand) {
        this.chrom = chrom;
        this.start = start;
        this.end = end;
        this.minus = new boolean[strand.length];
        for (int i = 0; i < strand.length; i++) {
            minus[i] = "-".equals(strand[i]);
        }
    }

    /** True when {@code data} was encoded from peaks and so has coordinates. */
    public static boolean available(Path data) {
        try (NpzFile npz = NpzFile.open(data)) {
            return ARRAYS.stream().allMatch(npz::contains);
        }
    }

    /**
     * Reads the coordinates of {@code data}; {@code why} completes the error when they are missing (e.g.
     * "--bedgraph needs a data set encoded from peaks").
     */
    public static GenomeCoordinates read(Path data, String why) {
        try (NpzFile npz = NpzFile.open(data)) {
            for (String name : ARRAYS) {
                if (!npz.contains(name)) {
                    throw RegulensException.atRecord(data, name, "missing: " + why);
                }
            }
            String[] chrom = npz.read("chrom").asStrings();
            long[] start = npz.read("start").asLongs();
            long[] end = npz.read("end").asLongs();
            String[] strand = npz.read("strand").asStrings();
            if (start.length != chrom.length || end.length != chrom.length || strand.length != chrom.length) {
                throw RegulensException.inFile(data, "chrom, start, end and strand have different lengths");
            }
            return new GenomeCoordinates(chrom, start, end, strand);
        }
    }

    public int rows() {
        return chrom.length;
    }

    public String chrom(int row) {
        return chrom[row];
    }

    public long start(int row) {
        return start[row];
    }

    public long end(int row) {
        return end[row];
    }

    public boolean minus(int row) {
        return minus[row];
    }

    /**
     * The genome interval [from, to) covered by row positions [first, first + length), and whether it reads on the
     * minus strand (a motif on the row's + strand is then on the genome's − strand).
     */
    public Interval interval(int row, int first, int length) {
        long from = minus[row] ? end[row] - first - length : start[row] + first;
        return new Interval(chrom[row], from, from + length, minus[row]);
    }

    /** A stretch of the genome; {@code minus} when the row's sequence reads it as its reverse complement. */
    public record Interval(String chrom, long start, long end, boolean minus) {
    }
}
