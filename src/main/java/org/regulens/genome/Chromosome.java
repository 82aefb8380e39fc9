package org.regulens.genome;

/** A whole chromosome in memory, its letters exactly as in the FASTA (soft-masking kept). */
public record Chromosome(String name, byte[] sequence) {

    public int length() {
        return sequence.length;
    }
}
