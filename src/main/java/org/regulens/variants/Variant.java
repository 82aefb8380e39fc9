package org.regulens.variants;

/**
 * One alternative allele of a VCF record (a multi-allelic record gives one per ALT).
 *
 * @param line  1-based line of the record in the VCF, for error messages
 * @param chrom chromosome as the VCF names it
 * @param pos   1-based position of the first REF base
 * @param id    the ID column ("." when absent)
 * @param ref   REF bases, upper case
 * @param alt   this ALT's bases, upper case
 */
public record Variant(long line, String chrom, int pos, String id, String ref, String alt) {

    /** 0-based start of REF on the chromosome. */
    public int start() {
        return pos - 1;
    }

    /** CHROM:POS:REF:ALT, how messages and the attribution file name a variant. */
    public String label() {
        return chrom + ":" + pos + ":" + ref + ":" + alt;
    }
}
