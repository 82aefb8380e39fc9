package org.regulens.mirna;

/**
 * The pairing classes of Helwak et al. (2013), decided from a {@link Duplex} by explicit rules (see
 * {@link PairingPattern}): a seed match with or without 3' pairing, 3' pairing without a seed match, or neither.
 */
public enum InteractionClass {
    SEED("seed"),
    SEED_AND_THREE_PRIME("seed+3'"),
    THREE_PRIME_COMPENSATORY("3'-compensatory"),
    OTHER("other");

    private final String label;

    InteractionClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
