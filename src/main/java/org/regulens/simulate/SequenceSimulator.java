package org.regulens.simulate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.regulens.core.Shuffle;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifSimilarity;

/**
 * Simulates fixed-length sequences with multi-task labels for model and attribution benchmarks, after the
 * synthetic tasks of Koo &amp; Ploenzke: every task is positive in a sequence with probability
 * {@code positiveRate}; a sequence positive for some tasks carries {@code minInstances..maxInstances} motif
 * instances drawn from those tasks' core motifs (at least one per positive task); a sequence negative for all
 * tasks carries as many instances drawn from a larger pool of distractor motifs. Instances never overlap.
 * The ground truth marks the bases of core instances.
 * Cooperative-pair tasks ({@link PairSpec}) add label columns after the ordinary tasks: a positive carries the
 * pair at its gap and orientation; a negative carries, one of four at random, neither motif, the first alone,
 * the second alone, or both at another gap (uniform in 0..{@link PairSpec#maxNegativeGap}, at least 3 bases off the true
 * gap), so only the spacing tells them apart. A decoy motif is planted in every sequence with probability 1/2
 * regardless of its labels.
 */
public final class SequenceSimulator {

    public record Settings(int count, int length, int minInstances, int maxInstances, double positiveRate,
                           double gc, long seed) {
    }

    /** Sequences, labels[sequence][task], truth[sequence][base] (1 on core instances) and all planted sites. */
    public record Result(List<String> names, List<byte[]> sequences, float[][] labels, byte[][] truth,
                         List<PlantedSite> sites) {
    }

    private final Settings settings;

    public SequenceSimulator(Settings settings) {
        if (settings.minInstances() < 1 || settings.maxInstances() < settings.minInstances()) {
            throw new IllegalArgumentException("instances per sequence must satisfy 1 <= min <= max");
        }
        this.settings = settings;
    }

    public Result run(List<TaskSpec> tasks, List<Motif> pool) {
        return run(tasks, List.of(), pool, null);
    }

    /** As {@link #run(List, List)} with cooperative-pair tasks (label columns after {@code tasks}) and a decoy. */
    public Result run(List<TaskSpec> tasks, List<PairSpec> pairs, List<Motif> pool, Motif decoy) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<MotifSampler> poolSamplers = pool.stream().map(MotifSampler::new).toList();
        List<List<MotifSampler>> core = tasks.stream()
                .map(t -> t.motifs().stream().map(MotifSampler::new).toList()).toList();
        BackgroundModel background = new BackgroundModel(settings.gc(), 1.0);
        int n = settings.count();
        int length = settings.length();
        List<String> names = new ArrayList<>(n);
        List<byte[]> sequences = new ArrayList<>(n);
        float[][] labels = new float[n][tasks.size() + pairs.size()];
        MotifSampler decoySampler = decoy == null ? null : new MotifSampler(decoy);
        byte[][] truth = new byte[n][length];
        List<PlantedSite> sites = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            String name = "seq_" + s;
            byte[] sequence = new byte[length];
            background.fill(sequence, 0, length, random);
            boolean[] used = new boolean[length];
            List<Integer> positive = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                if (random.nextDouble() < settings.positiveRate()) {
                    positive.add(t);
                    labels[s][t] = 1;
                }
            }
            boolean[] pairPositive = new boolean[pairs.size()];
            for (int p = 0; p < pairs.size(); p++) {
                if (random.nextDouble() < settings.positiveRate()) {
                    pairPositive[p] = true;
                    labels[s][tasks.size() + p] = 1;
                }
            }
            for (int p = 0; p < pairs.size(); p++) {
                plantPair(pairs.get(p), pairPositive[p], name, sequence, used, truth[s], sites, random);
            }
            if (decoySampler != null && random.nextBoolean()) {
                int at = freeSlot(used, decoySampler.width(), random);
                if (at >= 0) {
                    boolean minus = random.nextBoolean();
                    decoySampler.plant(sequence, at, minus, random);
                    java.util.Arrays.fill(used, at, at + decoySampler.width(), true);
                    sites.add(new PlantedSite(name, at, at + decoySampler.width(), decoy, minus ? '-' : '+',
                            "decoy", "decoy", "."));
                }
            }
            int instances = settings.minInstances()
                    + random.nextInt(settings.maxInstances() - settings.minInstances() + 1);
            // Which motif each instance is: one per positive task first, the rest from their pooled core sets.
            List<int[]> plan = new ArrayList<>(); // {task or -1, motif index}
            if (positive.isEmpty()) {
                for (int i = 0; i < instances; i++) {
                    plan.add(new int[] {-1, random.nextInt(poolSamplers.size())});
                }
            } else {
                for (int t : positive) {
                    plan.add(new int[] {t, random.nextInt(core.get(t).size())});
                }
                while (plan.size() < instances) {
                    int t = positive.get(random.nextInt(positive.size()));
                    plan.add(new int[] {t, random.nextInt(core.get(t).size())});
                }
            }
            for (int[] item : plan) {
                MotifSampler sampler = item[0] < 0 ? poolSamplers.get(item[1]) : core.get(item[0]).get(item[1]);
                int at = freeSlot(used, sampler.width(), random);
                if (at < 0) {
                    continue;
                }
                boolean minus = random.nextBoolean();
                sampler.plant(sequence, at, minus, random);
                java.util.Arrays.fill(used, at, at + sampler.width(), true);
                boolean isCore = item[0] >= 0;
                if (isCore) {
                    java.util.Arrays.fill(truth[s], at, at + sampler.width(), (byte) 1);
                }
                sites.add(new PlantedSite(name, at, at + sampler.width(), sampler.motif(), minus ? '-' : '+',
                        isCore ? tasks.get(item[0]).name() : ".", isCore ? "core" : "pool", "."));
            }
            names.add(name);
            sequences.add(sequence);
        }
        return new Result(names, sequences, labels, truth, sites);
    }

    /**
     * Plants a pair task's arrangement: the pair at its gap (positive), else nothing, the first alone, the second
     * alone or both at another gap. The whole span is reserved so nothing else lands between the two motifs.
     */
    private static void plantPair(PairSpec pair, boolean positive, String name, byte[] sequence, boolean[] used,
                                  byte[] truth, List<PlantedSite> sites, SplittableRandom random) {
        int kind = positive ? 3 : random.nextInt(4) - 1; // -1 neither, 0 first alone, 1 second alone, 2 both elsewhere
        if (kind < 0) {
            return;
        }
        int gap = pair.gap();
        if (kind == 2) {
            do {
                gap = random.nextInt(pair.maxNegativeGap() + 1);
            } while (Math.abs(gap - pair.gap()) < 3);
        }
        MotifSampler first = new MotifSampler(pair.first());
        MotifSampler second = new MotifSampler(pair.second());
        int span = kind == 0 ? first.width() : kind == 1 ? second.width() : pair.span(gap);
        int at = freeSlot(used, span, random);
        if (at < 0) {
            return;
        }
        java.util.Arrays.fill(used, at, at + span, true);
        String role = positive ? "pair" : "unpaired";
        String task = pair.name();
        if (kind != 1) {
            plantOne(first, pair.orientation().charAt(0), at, positive, name, sequence, truth, sites, task, role, random);
        }
        if (kind != 0) {
            int secondAt = kind == 1 ? at : at + first.width() + gap;
            plantOne(second, pair.orientation().charAt(1), secondAt, positive, name, sequence, truth, sites, task,
                    role, random);
        }
    }

    private static void plantOne(MotifSampler sampler, char strand, int at, boolean core, String name,
                                 byte[] sequence, byte[] truth, List<PlantedSite> sites, String task, String role,
                                 SplittableRandom random) {
        sampler.plant(sequence, at, strand == '-', random);
        if (core) {
            java.util.Arrays.fill(truth, at, at + sampler.width(), (byte) 1);
        }
        sites.add(new PlantedSite(name, at, at + sampler.width(), sampler.motif(), strand, task, role, "."));
    }

    /** A random start where {@code width} free bases fit, or -1 when 100 tries find none. */
    private static int freeSlot(boolean[] used, int width, SplittableRandom random) {
        if (width > used.length) {
            return -1;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int at = random.nextInt(used.length - width + 1);
            boolean free = true;
            for (int i = at; i < at + width && free; i++) {
                free = !used[i];
            }
            if (free) {
                return at;
            }
        }
        return -1;
    }

    /** Distractors this similar to a core motif would blur the labels (best mean column correlation). */
    static final double MAX_POOL_SIMILARITY = 0.75;

    /**
     * The distractor pool: {@code size} motifs of the database, chosen with the seed, that no task uses and
     * that do not resemble any task's motif (so negatives do not carry look-alikes of the positives' motifs).
     */
    public static List<Motif> choosePool(List<Motif> database, List<TaskSpec> tasks, int size, long seed) {
        Set<String> core = new LinkedHashSet<>();
        List<Motif> coreMotifs = new ArrayList<>();
        tasks.forEach(t -> t.motifs().forEach(m -> {
            core.add(m.id());
            coreMotifs.add(m);
        }));
        List<Motif> candidates = new ArrayList<>(database.stream().filter(m -> !core.contains(m.id())).toList());
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        Shuffle.list(candidates, random);
        List<Motif> pool = new ArrayList<>();
        for (Motif candidate : candidates) {
            if (pool.size() == size) {
                break;
            }
            boolean lookAlike = coreMotifs.stream()
                    .anyMatch(m -> MotifSimilarity.best(m, candidate, 6) >= MAX_POOL_SIMILARITY);
            if (!lookAlike) {
                pool.add(candidate);
            }
        }
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("the motif file has no motifs unlike the tasks' own to form the pool");
        }
        return List.copyOf(pool);
    }
}
