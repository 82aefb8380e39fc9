package org.regulens.mirna;

import java.util.Arrays;
import java.util.List;

/**
 * A miRNA:target duplex: the aligned columns of a miRNA (5'→3') against its target site read 3'→5', each a miRNA
 * position facing a target position, or one of them bulged out (-1 for the other). Positions are 0-based on each
 * molecule read 5'→3'; sequences are upper-case ACGT (T standing for U).
 */
public record Duplex(String mirna, String target, List<Column> columns, int score) {

    /** One aligned column; {@code mirna} or {@code target} is -1 where the other nucleotide is unpaired (a bulge). */
    public record Column(int mirna, int target) {
    }

    public Duplex {
        columns = List.copyOf(columns);
    }

    /** '|' Watson–Crick, ':' G:U wobble, ' ' mismatch or bulge. */
    public char bond(Column c) {
        return c.mirna() < 0 || c.target() < 0 ? ' ' : bond(mirna.charAt(c.mirna()), target.charAt(c.target()));
    }

    static char bond(char m, char t) {
        return switch (m) {
            case 'A' -> t == 'T' ? '|' : ' ';
            case 'C' -> t == 'G' ? '|' : ' ';
            case 'G' -> t == 'C' ? '|' : t == 'T' ? ':' : ' ';
            case 'T' -> t == 'A' ? '|' : t == 'G' ? ':' : ' ';
            default -> ' ';
        };
    }

    /** For each miRNA position, the target position it pairs with (Watson–Crick or G:U), or -1. */
    public int[] partners() {
        int[] partner = new int[mirna.length()];
        Arrays.fill(partner, -1);
        for (Column c : columns) {
            if (bond(c) != ' ') {
                partner[c.mirna()] = c.target();
            }
        }
        return partner;
    }

    /** For each miRNA position, its bond ('|', ':' or ' '). */
    public char[] bonds() {
        char[] bonds = new char[mirna.length()];
        Arrays.fill(bonds, ' ');
        for (Column c : columns) {
            if (c.mirna() >= 0) {
                bonds[c.mirna()] = bond(c);
            }
        }
        return bonds;
    }

    /** The target span the duplex covers, [first, last] 0-based 5'→3', or null for an empty duplex. */
    public int[] targetSpan() {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (Column c : columns) {
            if (c.target() >= 0) {
                lo = Math.min(lo, c.target());
                hi = Math.max(hi, c.target());
            }
        }
        return hi < 0 ? null : new int[] {lo, hi};
    }
}
