package org.regulens.mirna;

import java.util.List;

/**
 * A duplex as five text lines: marks over important target nucleotides, the target 3'→5', the bonds
 * ('|' Watson–Crick, ':' G:U), the miRNA 5'→3', marks under important miRNA nucleotides. RNA letters (U).
 * A nucleotide is marked '*' when its importance is at least half the molecule's largest positive importance.
 */
public final class DuplexText {

    static final double MARK_FRACTION = 0.5;

    private DuplexText() {
    }

    public static String render(Duplex duplex, PairImportance importance) {
        List<DuplexLayout.Cell> cells = DuplexLayout.of(duplex);
        StringBuilder marksTop = new StringBuilder("          ");
        StringBuilder top = new StringBuilder("target 3' ");
        StringBuilder bonds = new StringBuilder("          ");
        StringBuilder bottom = new StringBuilder("miRNA  5' ");
        StringBuilder marksBottom = new StringBuilder("          ");
        for (DuplexLayout.Cell c : cells) {
            top.append(c.gapTop() ? '-' : c.target() < 0 ? ' ' : rna(duplex.target().charAt(c.target())));
            bottom.append(c.gapBottom() ? '-' : c.mirna() < 0 ? ' ' : rna(duplex.mirna().charAt(c.mirna())));
            bonds.append(c.bond());
            marksTop.append(marked(importance == null ? null : importance.target(), c.target()) ? '*' : ' ');
            marksBottom.append(marked(importance == null ? null : importance.mirna(), c.mirna()) ? '*' : ' ');
        }
        top.append(" 5'");
        bottom.append(" 3'");
        return String.join("\n", strip(marksTop), top, strip(bonds), bottom, strip(marksBottom)) + "\n";
    }

    static boolean marked(float[] importance, int index) {
        if (importance == null || index < 0 || index >= importance.length) {
            return false;
        }
        int best = PairImportance.argmax(importance);
        return best >= 0 && importance[index] >= MARK_FRACTION * importance[best];
    }

    static char rna(char base) {
        return base == 'T' ? 'U' : base;
    }

    private static String strip(StringBuilder line) {
        return line.toString().stripTrailing();
    }
}
