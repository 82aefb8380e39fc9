package org.regulens.gia;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;
import org.regulens.seq.Dna;

/**
 * What GIA embeds: a motif's position probabilities (from a motif file or the bundled JASPAR) or a literal
 * k-mer in IUPAC letters (each column uniform over the bases its letter allows). An instance is either the
 * most probable base of every column (ties: first in A, C, G, T order) or a draw from the columns.
 */
public final class EmbedPattern {

    private static final String IUPAC = "ACGTRYSWKMBDHVN";
    private static final String[] IUPAC_BASES = {"A", "C", "G", "T", "AG", "CT", "CG", "AT", "GT", "AC", "CGT",
        "AGT", "ACT", "ACG", "ACGT"};

    private final String label;
    private final double[][] probabilities;

    EmbedPattern(String label, double[][] probabilities) {
        this.label = label;
        this.probabilities = probabilities;
    }

    /**
     * A spec of IUPAC letters only (upper case, e.g. {@code GATAAG}, {@code CASCTG}) is a literal; anything else
     * is a motif id or name looked up in {@code motifs} (described as {@code source} in errors).
     */
    public static EmbedPattern parse(String spec, List<Motif> motifs, String source) {
        String text = spec.strip();
        if (isLiteral(text)) {
            return literal(text);
        }
        Motif motif = MotifDatabase.byId(motifs, text, source);
        return new EmbedPattern(motif.id().equals(motif.name()) ? motif.id() : motif.id() + "_" + motif.name(),
                motif.probabilities());
    }

    static boolean isLiteral(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> IUPAC.indexOf(c) >= 0);
    }

    static EmbedPattern literal(String text) {
        double[][] p = new double[text.length()][4];
        for (int i = 0; i < text.length(); i++) {
            String bases = IUPAC_BASES[IUPAC.indexOf(text.charAt(i))];
            for (char b : bases.toCharArray()) {
                p[i][Dna.index((byte) b)] = 1.0 / bases.length();
            }
        }
        return new EmbedPattern(text.toUpperCase(Locale.ROOT), p);
    }

    public String label() {
        return label;
    }

    public int width() {
        return probabilities.length;
    }

    public byte[] consensus() {
        byte[] instance = new byte[width()];
        for (int i = 0; i < instance.length; i++) {
            int best = 0;
            for (int b = 1; b < 4; b++) {
                if (probabilities[i][b] > probabilities[i][best]) {
                    best = b;
                }
            }
            instance[i] = Dna.letter(best);
        }
        return instance;
    }

    public byte[] sample(SplittableRandom random) {
        byte[] instance = new byte[width()];
        for (int i = 0; i < instance.length; i++) {
            double[] p = probabilities[i];
            double u = random.nextDouble() * (p[0] + p[1] + p[2] + p[3]);
            int b = 0;
            double cumulative = p[0];
            while (b < 3 && u >= cumulative) {
                b++;
                cumulative += p[b];
            }
            instance[i] = Dna.letter(b);
        }
        return instance;
    }
}
