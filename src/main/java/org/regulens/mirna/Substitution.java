package org.regulens.mirna;

/**
 * One single-nucleotide substitution of a pair: in the target site or the miRNA, at a 0-based position read 5'→3',
 * from {@code ref} to {@code alt} (ACGT, T standing for U).
 */
public record Substitution(int pair, Molecule molecule, int position, char ref, char alt) {

    /** Which strand of the pair is mutated. */
    public enum Molecule {
        TARGET("target"), MIRNA("mirna");

        private final String label;

        Molecule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Molecule of(String label) {
            for (Molecule m : values()) {
                if (m.label.equalsIgnoreCase(label.trim())) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The key measured effects are matched on. */
    String key() {
        return pair + "\t" + molecule.label + "\t" + position + "\t" + alt;
    }

    /** This substitution's pair from {@code table} with the substitution applied: {miRNA, target}. */
    String[] apply(PairTable table) {
        String mirna = table.mirna(pair);
        String target = table.target(pair);
        if (molecule == Molecule.TARGET) {
            return new String[] {mirna, replace(target)};
        }
        return new String[] {replace(mirna), target};
    }

    private String replace(String s) {
        return s.substring(0, position) + alt + s.substring(position + 1);
    }
}
