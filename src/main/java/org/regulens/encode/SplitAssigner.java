package org.regulens.encode;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;

/**
 * Decides the split of every genomic window by where it lies, so that no test window shares sequence with a
 * training window. In order of preference:
 * <ol>
 * <li>{@code chromosomes}: the chromosomes given by --valid-chroms / --test-chroms, or by default chr7 for
 * validation and chr8, chr9 for test (the DeepSEA convention); names match with or without a "chr" prefix.</li>
 * <li>{@code chromosome-fraction}: when the default chromosomes carry no peaks (yeast, simulated or other
 * genomes) and at least three chromosomes do, whole chromosomes are drawn at random (seeded) until about
 * --test-frac and --valid-frac of the windows are held out, none overshooting its share by more than half.</li>
 * <li>{@code blocks}: otherwise (fewer chromosomes, or sizes that cannot meet the shares), each chromosome is cut
 * into blocks of {@value #BLOCK_SIZE} bases drawn at random with those fractions; a window straddling two blocks
 * can share up to width - 1 bases with a window of another split.</li>
 * </ol>
 */
public final class SplitAssigner {

    public static final List<String> DEFAULT_VALID = List.of("chr7");
    public static final List<String> DEFAULT_TEST = List.of("chr8", "chr9");
    static final int BLOCK_SIZE = 100_000;

    private final String mode;
    private final Map<String, Split> byChromosome;
    private final long seed;
    private final double validFrac;
    private final double testFrac;

    private SplitAssigner(String mode, Map<String, Split> byChromosome, long seed, double validFrac, double testFrac) {
        this.mode = mode;
        this.byChromosome = byChromosome;
        this.seed = seed;
        this.validFrac = validFrac;
        this.testFrac = testFrac;
    }

    /**
     * @param genome the genome's chromosome names (to resolve user-given names)
     * @param windows number of positive windows per chromosome
     * @param valid user-given validation chromosomes, or null for the defaults
     * @param test user-given test chromosomes, or null for the defaults
     */
    public static SplitAssigner create(Path genomeFile, Collection<String> genome, Map<String, Integer> windows,
                                       List<String> valid, List<String> test, double validFrac, double testFrac,
                                       long seed) {
        boolean explicit = valid != null || test != null;
        Set<String> validSet = resolve(genomeFile, genome, valid != null ? valid : DEFAULT_VALID, valid != null,
                "--valid-chroms");
        Set<String> testSet = resolve(genomeFile, genome, test != null ? test : DEFAULT_TEST, test != null,
                "--test-chroms");
        if (valid != null && test == null) {
            testSet.removeAll(validSet); // a default never overrides what the user asked for
        } else if (test != null && valid == null) {
            validSet.removeAll(testSet);
        }
        for (String chrom : validSet) {
            if (testSet.contains(chrom)) {
                throw new IllegalArgumentException("chromosome " + chrom + " is in both --valid-chroms and --test-chroms");
            }
        }
        boolean holdsWindows = validSet.stream().anyMatch(c -> windows.getOrDefault(c, 0) > 0)
                && testSet.stream().anyMatch(c -> windows.getOrDefault(c, 0) > 0);
        if (explicit || holdsWindows) {
            Map<String, Split> map = new HashMap<>();
            validSet.forEach(c -> map.put(c, Split.VALID));
            testSet.forEach(c -> map.put(c, Split.TEST));
            return new SplitAssigner("chromosomes", map, seed, validFrac, testFrac);
        }
        List<String> carrying = genome.stream().filter(c -> windows.getOrDefault(c, 0) > 0).toList();
        if (carrying.size() >= 3) {
            Map<String, Split> drawn = drawChromosomes(carrying, windows, validFrac, testFrac, seed);
            boolean bothHeldOut = drawn.containsValue(Split.TEST) && (validFrac == 0 || drawn.containsValue(Split.VALID));
            if (bothHeldOut) {
                return new SplitAssigner("chromosome-fraction", drawn, seed, validFrac, testFrac);
            }
        }
        // Few chromosomes, or one that dominates (a bacterial chromosome and its plasmids): blocks.
        return new SplitAssigner("blocks", Map.of(), seed, validFrac, testFrac);
    }

    private static Map<String, Split> drawChromosomes(List<String> chromosomes, Map<String, Integer> windows,
                                                      double validFrac, double testFrac, long seed) {
        List<String> order = new ArrayList<>(chromosomes);
        SplittableRandom random = new SplittableRandom(seed);
        org.regulens.core.Shuffle.list(order, random);
        long total = order.stream().mapToLong(windows::get).sum();
        Map<String, Split> map = new HashMap<>();
        long test = 0;
        long valid = 0;
        // A chromosome joins a held-out split only while that split stays within 1.5 times its share, so that one
        // large chromosome cannot swallow the test set; the last one always trains.
        for (int i = 0; i < order.size() - 1; i++) {
            String chrom = order.get(i);
            long n = windows.get(chrom);
            if (test < testFrac * total && test + n <= 1.5 * testFrac * total) {
                map.put(chrom, Split.TEST);
                test += n;
            } else if (valid < validFrac * total && valid + n <= 1.5 * validFrac * total) {
                map.put(chrom, Split.VALID);
                valid += n;
            }
        }
        return map;
    }

    private static Set<String> resolve(Path genomeFile, Collection<String> genome, List<String> names,
                                       boolean strict, String option) {
        Map<String, String> normalised = new HashMap<>();
        for (String chrom : genome) {
            normalised.put(normalise(chrom), chrom);
        }
        Set<String> resolved = new LinkedHashSet<>();
        for (String name : names) {
            String chrom = genome.contains(name) ? name : normalised.get(normalise(name));
            if (chrom != null) {
                resolved.add(chrom);
            } else if (strict) {
                throw RegulensException.inFile(genomeFile, "has no chromosome '" + name + "' (from " + option + ")");
            }
        }
        return resolved;
    }

    /** "chr7", "Chr7" and "7" name the same chromosome. */
    private static String normalise(String chrom) {
        String lower = chrom.toLowerCase(Locale.ROOT);
        return lower.startsWith("chr") ? lower.substring(3) : lower;
    }

    public String mode() {
        return mode;
    }

    /** The chromosomes held out, for the log and the metadata. */
    public Map<String, Split> heldOutChromosomes() {
        return byChromosome;
    }

    public Split splitOf(String chrom, long start) {
        if (!mode.equals("blocks")) {
            return byChromosome.getOrDefault(chrom, Split.TRAIN);
        }
        long block = start / BLOCK_SIZE;
        long mixed = seed * 0x9E3779B97F4A7C15L + chrom.hashCode() * 0xC2B2AE3D27D4EB4FL + block * 0x165667B19E3779F9L;
        double u = new SplittableRandom(mixed).nextDouble();
        return u < testFrac ? Split.TEST : u < testFrac + validFrac ? Split.VALID : Split.TRAIN;
    }

    public void log() {
        if (mode.equals("blocks")) {
            Log.info("splits: %d kb blocks drawn at random (valid %.2f, test %.2f)", BLOCK_SIZE / 1000, validFrac,
                    testFrac);
        } else {
            List<String> valid = byChromosome.entrySet().stream().filter(e -> e.getValue() == Split.VALID)
                    .map(Map.Entry::getKey).sorted().toList();
            List<String> test = byChromosome.entrySet().stream().filter(e -> e.getValue() == Split.TEST)
                    .map(Map.Entry::getKey).sorted().toList();
            Log.info("splits by %s: valid %s, test %s, every other chromosome train", mode, valid, test);
        }
    }
}
