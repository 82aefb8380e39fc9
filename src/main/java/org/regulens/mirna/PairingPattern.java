package org.regulens.mirna;

/**
 * What a duplex pairs, in the terms of miRNA targeting (positions 1-based from the miRNA's 5' end):
 * <ul>
 * <li>{@code seedMatch}: "2-8" when positions 2–8 form one unbroken run of Watson–Crick pairs (a 7mer-m8 site),
 *     else "2-7" or "3-8" (6mers), else "none". Unbroken: consecutive miRNA positions facing consecutive target
 *     positions, no bulge, no G:U.</li>
 * <li>{@code seedPairs}: positions 2–8 paired at all (Watson–Crick or G:U).</li>
 * <li>{@code threePrimePairs}: the longest unbroken run of pairs (G:U allowed) within positions 12–20, where
 *     3'-supplementary pairing lies (Grimson et al. 2007: centred on 13–16).</li>
 * </ul>
 * Class: a seed match with ≥ {@value #THREE_PRIME_RUN} 3' pairs is seed+3'; a seed match alone is seed; no seed
 * match but ≥ {@value #THREE_PRIME_RUN} 3' pairs is 3'-compensatory; anything else is other.
 */
public record PairingPattern(String seedMatch, int seedPairs, int threePrimePairs, InteractionClass kind) {

    /** Unbroken 3' pairs that count as 3' pairing. */
    public static final int THREE_PRIME_RUN = 4;
    static final int THREE_PRIME_FROM = 12;
    static final int THREE_PRIME_TO = 20;

    public static PairingPattern of(Duplex duplex) {
        int[] partner = duplex.partners();
        char[] bonds = duplex.bonds();
        String seed = unbrokenWatsonCrick(partner, bonds, 2, 8) ? "2-8"
                : unbrokenWatsonCrick(partner, bonds, 2, 7) ? "2-7"
                : unbrokenWatsonCrick(partner, bonds, 3, 8) ? "3-8" : "none";
        int seedPairs = 0;
        for (int p = 2; p <= Math.min(8, partner.length); p++) {
            if (partner[p - 1] >= 0) {
                seedPairs++;
            }
        }
        int longest = 0;
        int run = 0;
        for (int p = THREE_PRIME_FROM; p <= Math.min(THREE_PRIME_TO, partner.length); p++) {
            boolean paired = partner[p - 1] >= 0;
            boolean continues = run > 0 && paired && partner[p - 2] >= 0 && partner[p - 1] == partner[p - 2] - 1;
            run = !paired ? 0 : continues ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        boolean hasSeed = !seed.equals("none");
        boolean hasThreePrime = longest >= THREE_PRIME_RUN;
        InteractionClass kind = hasSeed && hasThreePrime ? InteractionClass.SEED_AND_THREE_PRIME
                : hasSeed ? InteractionClass.SEED
                : hasThreePrime ? InteractionClass.THREE_PRIME_COMPENSATORY : InteractionClass.OTHER;
        return new PairingPattern(seed, seedPairs, longest, kind);
    }

    /** Positions from..to (1-based) all Watson–Crick, each facing the target position just 5' of the previous one's. */
    private static boolean unbrokenWatsonCrick(int[] partner, char[] bonds, int from, int to) {
        if (partner.length < to) {
            return false;
        }
        for (int p = from; p <= to; p++) {
            if (bonds[p - 1] != '|' || (p > from && partner[p - 1] != partner[p - 2] - 1)) {
                return false;
            }
        }
        return true;
    }
}
