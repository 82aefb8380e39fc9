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
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<MotifSampler> poolSamplers = pool.stream().map(MotifSampler::new).toList();
        List<List<MotifSampler>> core = tasks.stream()
                .map(t -> t.motifs().stream().map(MotifSampler::new).toList()).toList();
        BackgroundModel background = new BackgroundModel(settings.gc(), 1.0);
        int n = settings.count();
        int length = settings.length();
        List<String> names = new ArrayList<>(n);
        List<byte[]> sequences = new ArrayList<>(n);
        float[][] labels = new float[n][tasks.size()];
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
