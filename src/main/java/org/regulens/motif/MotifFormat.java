package org.regulens.motif;

/** The motif file formats {@link MotifReader} understands. */
public enum MotifFormat {
    /** MEME text (minimal or full MEME output): letter-probability matrices. */
    MEME,
    /** JASPAR count matrices: bracketed ({@code A [ 1 2 ]}) or plain rows, with or without a {@code >id name} header. */
    JASPAR,
    /** TRANSFAC matrix records: AC, ID, a P0/PO count matrix, terminated by {@code //}. */
    TRANSFAC
}
