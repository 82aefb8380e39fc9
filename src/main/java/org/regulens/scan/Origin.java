package org.regulens.scan;

/**
 * Where a scanned sequence lies in a genome: the interval {@code [start, end)} (0-based, half-open) of
 * {@code chrom}; a {@code minus} sequence is the reverse complement of that interval (as {@code encode} writes
 * minus-strand rows), so its position j is genome base end − 1 − j.
 */
record Origin(String chrom, long start, long end, boolean minus) {

    /** A site at sequence positions [from, to) on {@code strand} of the sequence, in genome coordinates. */
    Site toGenome(int from, int to, char strand) {
        if (!minus) {
            return new Site(chrom, start + from, start + to, strand);
        }
        return new Site(chrom, end - to, end - from, strand == '+' ? '-' : '+');
    }

    /** A BED-style interval with a strand. */
    record Site(String chrom, long start, long end, char strand) {
    }
}
