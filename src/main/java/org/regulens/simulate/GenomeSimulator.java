package org.regulens.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.regulens.genome.Chromosome;
import org.regulens.motif.Motif;

/**
 * Simulates a small genome with ChIP-seq-like peaks. The background varies in GC along each chromosome in
 * isochore-like segments, has CpG depletion, one assembly gap of N's per chromosome and soft-masked (lower-case)
 * stretches. Each task's peaks have MACS2-like widths and summits; most carry instances of the task's primary
 * motif sampled from its matrix near the summit on either strand, some also a partner motif nearby; peaks with
 * more instances get stronger signal. An optional decoy motif is planted genome-wide, independent of peaks.
 */
public final class GenomeSimulator {

    /** Room kept free at chromosome ends and around gaps, so that windows up to 2 kb fit around every summit. */
    static final int MARGIN = 1000;

    public record Settings(int chromosomes, int chromosomeLength, int peaksPerTask, double gcMean,
                           double motifFraction, double partnerRate, int decoyCount, long seed) {
    }

    public record Result(List<Chromosome> genome, Map<String, List<SimulatedPeak>> peaks, List<PlantedSite> sites) {
    }

    private final Settings settings;
    private final SplittableRandom random;
    private final List<Chromosome> genome = new ArrayList<>();
    private final List<boolean[]> occupied = new ArrayList<>();
    private final List<int[]> gaps = new ArrayList<>();
    private final List<PlantedSite> sites = new ArrayList<>();

    public GenomeSimulator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    public Result run(List<TaskSpec> tasks, Motif decoy) {
        for (int c = 1; c <= settings.chromosomes(); c++) {
            buildChromosome("chr" + c);
        }
        Map<String, List<SimulatedPeak>> peaks = new LinkedHashMap<>();
        for (TaskSpec task : tasks) {
            peaks.put(task.name(), placePeaks(task));
        }
        if (decoy != null) {
            plantDecoys(decoy);
        }
        for (Chromosome chromosome : genome) {
            softMask(chromosome.sequence());
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        genome.forEach(ch -> order.put(ch.name(), order.size()));
        sites.sort(Comparator.<PlantedSite>comparingInt(s -> order.get(s.sequence())).thenComparingInt(PlantedSite::start));
        return new Result(genome, peaks, sites);
    }

    private void buildChromosome(String name) {
        // Several chromosomes differ in length, as real ones do; a single one has exactly the length asked for.
        double scale = settings.chromosomes() > 1 ? 0.7 + 0.6 * random.nextDouble() : 1.0;
        int length = (int) Math.round(settings.chromosomeLength() * scale);
        length = Math.max(length, 4 * MARGIN + 2000);
        byte[] sequence = new byte[length];
        int position = 0;
        while (position < length) {
            int segment = (int) Math.max(2000, -20_000 * Math.log(1 - random.nextDouble()));
            double gc = Math.min(0.7, Math.max(0.25, settings.gcMean() + 0.05 * random.nextGaussian()));
            int end = Math.min(length, position + segment);
            new BackgroundModel(gc, BackgroundModel.CPG_DEPLETION).fill(sequence, position, end, random);
            position = end;
        }
        int gapLength = 200 + random.nextInt(801);
        int gapStart = (int) (length * (0.2 + 0.6 * random.nextDouble()));
        gapStart = Math.min(gapStart, length - MARGIN - gapLength);
        java.util.Arrays.fill(sequence, gapStart, gapStart + gapLength, (byte) 'N');
        boolean[] used = new boolean[length];
        java.util.Arrays.fill(used, gapStart, gapStart + gapLength, true);
        genome.add(new Chromosome(name, sequence));
        occupied.add(used);
        gaps.add(new int[] {gapStart, gapStart + gapLength});
    }

    private List<SimulatedPeak> placePeaks(TaskSpec task) {
        long total = genome.stream().mapToLong(Chromosome::length).sum();
        List<SimulatedPeak> peaks = new ArrayList<>();
        MotifSampler primary = new MotifSampler(task.primary());
        List<MotifSampler> partners = task.partners().stream().map(MotifSampler::new).toList();
        int placed = 0;
        for (int c = 0; c < genome.size(); c++) {
            Chromosome chromosome = genome.get(c);
            int quota = c == genome.size() - 1
                    ? settings.peaksPerTask() - placed
                    : (int) Math.round((double) settings.peaksPerTask() * chromosome.length() / total);
            java.util.BitSet taken = new java.util.BitSet(chromosome.length());
            for (int k = 0; k < quota; k++) {
                SimulatedPeak peak = placePeak(task, c, taken, primary, partners, peaks.size() + 1);
                if (peak != null) {
                    peaks.add(peak);
                    // Peaks of one task keep 200 bases apart, as MACS2 merges closer ones.
                    taken.set(Math.max(0, peak.start() - 200), Math.min(chromosome.length(), peak.end() + 200));
                }
            }
            placed += quota;
        }
        if (peaks.size() < settings.peaksPerTask()) {
            org.regulens.core.Log.warn("task %s: only %,d of %,d peaks fit on the genome (peaks keep 200 bp apart and "
                    + "away from ends and gaps); use more or longer chromosomes", task.name(), peaks.size(),
                    settings.peaksPerTask());
        }
        peaks.sort(Comparator.comparingInt((SimulatedPeak p) -> chromosomeIndex(p.chrom()))
                .thenComparingInt(SimulatedPeak::start));
        return peaks;
    }

    private SimulatedPeak placePeak(TaskSpec task, int c, java.util.BitSet taken, MotifSampler primary,
                                    List<MotifSampler> partners, int number) {
        Chromosome chromosome = genome.get(c);
        int[] gap = gaps.get(c);
        for (int attempt = 0; attempt < 200; attempt++) {
            int summit = MARGIN + random.nextInt(chromosome.length() - 2 * MARGIN);
            if (summit > gap[0] - MARGIN && summit < gap[1] + MARGIN) {
                continue;
            }
            // MACS2 peak widths are roughly log-normal around a few hundred bases.
            int width = (int) Math.max(150, Math.min(1500, Math.exp(Math.log(300) + 0.35 * random.nextGaussian())));
            int start = summit - (int) Math.round(width * (0.35 + 0.3 * random.nextDouble()));
            int end = start + width;
            int next = taken.nextSetBit(start);
            if (next >= 0 && next < end) {
                continue;
            }
            String name = task.name() + "_peak_" + number;
            int instances = 0;
            if (random.nextDouble() < settings.motifFraction()) {
                int wanted = random.nextDouble() < 0.25 ? 2 : 1;
                for (int i = 0; i < wanted; i++) {
                    int centre = summit + (int) Math.round(15 * random.nextGaussian());
                    PlantedSite site = plantNear(c, centre, primary, start, end, task.name(), "core", name);
                    if (site != null) {
                        instances++;
                        for (MotifSampler partner : partners) {
                            if (random.nextDouble() < settings.partnerRate()) {
                                int gapBases = 10 + random.nextInt(41);
                                int partnerCentre = random.nextBoolean()
                                        ? site.end() + gapBases + partner.width() / 2
                                        : site.start() - gapBases - partner.width() / 2;
                                if (plantNear(c, partnerCentre, partner, start, end, task.name(), "partner", name)
                                        != null) {
                                    instances++;
                                }
                            }
                        }
                    }
                }
            }
            double signal = 5 + 8 * instances + Math.abs(3 * random.nextGaussian());
            double pValue = 2.5 * signal + Math.abs(random.nextGaussian());
            double qValue = Math.max(0, pValue - 1.5 - Math.abs(random.nextGaussian()));
            return new SimulatedPeak(task.name(), chromosome.name(), start, end, summit, name, round(signal),
                    round(pValue), round(qValue), instances);
        }
        return null;
    }

    /** Plants an instance centred near {@code centre}, inside {@code [lo, hi)}, on free bases; null if impossible. */
    private PlantedSite plantNear(int c, int centre, MotifSampler sampler, int lo, int hi, String task, String role,
                                  String peak) {
        int width = sampler.width();
        for (int attempt = 0; attempt < 20; attempt++) {
            int at = centre - width / 2 + (attempt == 0 ? 0 : (int) Math.round(10 * random.nextGaussian()));
            at = Math.max(lo, Math.min(hi - width, at));
            if (at >= lo && at + width <= hi && isFree(c, at, at + width)) {
                return plant(c, at, sampler, task, role, peak);
            }
        }
        return null;
    }

    private void plantDecoys(Motif decoy) {
        MotifSampler sampler = new MotifSampler(decoy);
        long total = genome.stream().mapToLong(Chromosome::length).sum();
        int planted = 0;
        for (int attempt = 0; planted < settings.decoyCount() && attempt < 100 * settings.decoyCount(); attempt++) {
            long position = (long) (random.nextDouble() * total);
            int c = 0;
            while (position >= genome.get(c).length()) {
                position -= genome.get(c).length();
                c++;
            }
            int at = (int) position;
            if (at + sampler.width() <= genome.get(c).length() && isFree(c, at, at + sampler.width())) {
                plant(c, at, sampler, "decoy", "decoy", ".");
                planted++;
            }
        }
    }

    private boolean isFree(int c, int from, int to) {
        boolean[] used = occupied.get(c);
        if (from < 0 || to > used.length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    private PlantedSite plant(int c, int at, MotifSampler sampler, String task, String role, String peak) {
        boolean minus = random.nextBoolean();
        sampler.plant(genome.get(c).sequence(), at, minus, random);
        java.util.Arrays.fill(occupied.get(c), at, at + sampler.width(), true);
        PlantedSite site = new PlantedSite(genome.get(c).name(), at, at + sampler.width(), sampler.motif(),
                minus ? '-' : '+', task, role, peak);
        sites.add(site);
        return site;
    }

    /** Lower-cases about 5% of each chromosome in runs of 100-500 bases, like RepeatMasker's soft-masking. */
    private void softMask(byte[] sequence) {
        int runs = (int) (sequence.length * 0.05 / 300);
        for (int r = 0; r < runs; r++) {
            int length = 100 + random.nextInt(401);
            int start = random.nextInt(Math.max(1, sequence.length - length));
            for (int i = start; i < start + length && i < sequence.length; i++) {
                if (sequence[i] != 'N') {
                    sequence[i] = (byte) Character.toLowerCase(sequence[i]);
                }
            }
        }
    }

    private int chromosomeIndex(String name) {
        for (int i = 0; i < genome.size(); i++) {
            if (genome.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name);
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }
}
