package org.regulens.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.regulens.core.Log;
import org.regulens.core.Progress;
import org.regulens.core.RegulensException;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.genome.GenomeIndex;
import org.regulens.genome.IntervalSet;
import org.regulens.genome.Peak;
import org.regulens.seq.Dna;
import org.regulens.seq.DinucleotideShuffle;

/**
 * Turns peak files and a genome into a training set. Each peak gives a window of {@code width} bases centred
 * on its summit (or midpoint); windows with the same start are merged. A window is positive for every task
 * with a peak over its centre base (Basset-style); a task whose peak overlaps the window elsewhere is treated
 * per {@link EncodeSettings.Ambiguous}. Negatives are GC-matched background windows outside all peaks and the
 * blacklist, drawn from the same chromosome as the positives they match, or dinucleotide shuffles of the
 * positives. The genome is streamed: one chromosome in memory at a time.
 */
final class PeakEncoder {

    private final EncodeSettings settings;
    private final List<TaskPeaks> tasks;
    private final GenomeIndex genome;
    private final IntervalSet excluded;
    private final Counts counts = new Counts();

    /** Tallies reported in the log and stored in the metadata. */
    static final class Counts {
        long peaks;
        long peaksOffGenome;
        long mergedWindows;
        long droppedN;
        long droppedEdge;
        long shiftedEdge;
        long droppedAmbiguous;
        long negativesWanted;
        long negativesDrawn;
    }

    PeakEncoder(EncodeSettings settings, List<TaskPeaks> tasks, GenomeIndex genome, IntervalSet blacklist) {
        this.settings = settings;
        this.tasks = tasks;
        this.genome = genome;
        IntervalSet.Builder all = IntervalSet.builder().addAll(blacklist);
        tasks.forEach(t -> all.addAll(t.intervals()));
        this.excluded = all.build();
    }

    void encode(Path out) {
        Map<String, List<long[]>> anchors = collectAnchors();
        Map<String, Integer> windowsPerChrom = new HashMap<>();
        anchors.forEach((chrom, list) -> windowsPerChrom.put(chrom, list.size()));
        SplitAssigner splits;
        try {
            splits = SplitAssigner.create(genome.fasta(), genome.lengths().keySet(), windowsPerChrom,
                    settings.validChroms(), settings.testChroms(), settings.validFrac(), settings.testFrac(),
                    settings.seed());
        } catch (IllegalArgumentException e) {
            throw new RegulensException(e.getMessage());
        }
        splits.log();
        List<String> taskNames = tasks.stream().map(TaskPeaks::name).toList();
        long totalBases = genome.lengths().values().stream().mapToLong(Long::longValue).sum();
        try (DatasetWriter writer = new DatasetWriter(out, taskNames, settings.width(), true);
             FastaStream fasta = genome.stream();
             Progress progress = new Progress("encode", totalBases, "bp")) {
            Chromosome chromosome;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while ((chromosome = fasta.next()) != null) {
                genome.check(chromosome);
                seen.add(chromosome.name());
                List<long[]> chromAnchors = anchors.get(chromosome.name());
                if (chromAnchors != null) {
                    encodeChromosome(chromosome, chromAnchors, splits, writer);
                }
                progress.advance(chromosome.length());
            }
            for (String chrom : anchors.keySet()) {
                if (!seen.contains(chrom)) {
                    throw RegulensException.atRecord(genome.fasta(), chrom, "listed in the .fai but missing from the "
                            + "FASTA; the .fai is stale: delete it and run again");
                }
            }
            report(writer);
            if (writer.rows() == 0) {
                throw new RegulensException("no windows left to write: every peak's window was dropped (see the counts "
                        + "above; --width " + settings.width() + " may exceed the chromosomes, or --max-n is too strict)");
            }
            writer.commit(metadata(writer, splits));
        }
    }

    /**
     * Window anchors per chromosome as {summit or midpoint, 1 for minus strand else 0}, sorted, after checking
     * the peaks against the genome.
     */
    private Map<String, List<long[]>> collectAnchors() {
        Map<String, List<long[]>> anchors = new LinkedHashMap<>();
        Peak firstMissing = null;
        TaskPeaks firstMissingTask = null;
        for (TaskPeaks task : tasks) {
            long taskPeaks = 0;
            long taskOff = 0;
            Peak taskFirstMissing = null;
            for (Peak peak : task.peaks()) {
                counts.peaks++;
                taskPeaks++;
                Long length = genome.lengths().get(peak.chrom());
                if (length == null) {
                    counts.peaksOffGenome++;
                    taskOff++;
                    if (taskFirstMissing == null) {
                        taskFirstMissing = peak;
                    }
                    if (firstMissing == null) {
                        firstMissing = peak;
                        firstMissingTask = task;
                    }
                    continue;
                }
                if (peak.end() > length) {
                    throw RegulensException.atLine(task.file(), peak.line(), "peak end " + peak.end()
                            + " lies beyond the end of " + peak.chrom() + " (" + length + " bp) in " + genome.fasta());
                }
                anchors.computeIfAbsent(peak.chrom(), c -> new ArrayList<>())
                        .add(new long[] {peak.anchor(), peak.isMinus() ? 1 : 0});
            }
            // Peaks on chromosomes a primary assembly lacks (chrM, EBV, unplaced contigs) are skipped; a task none
            // of whose peaks is on the genome means a naming mismatch (chr1 vs 1), which is an error.
            if (taskPeaks > 0 && taskOff == taskPeaks) {
                throw RegulensException.atLine(task.file(), taskFirstMissing.line(), "chromosome '"
                        + taskFirstMissing.chrom() + "' is not in " + genome.fasta() + ", and neither is any other "
                        + "peak's of task " + task.name() + " (genome has " + String.join(", ",
                        genome.lengths().keySet().stream().limit(5).toList())
                        + (genome.lengths().size() > 5 ? ", ..." : "") + ")");
            }
        }
        if (counts.peaksOffGenome > 0) {
            Log.warn("%,d of %,d peaks lie on chromosomes missing from %s and are skipped (first: %s:%d, %s)",
                    counts.peaksOffGenome, counts.peaks, genome.fasta(), firstMissingTask.file(), firstMissing.line(),
                    firstMissing.chrom());
        }
        anchors.values().forEach(list -> list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1])));
        return anchors;
    }

    private void encodeChromosome(Chromosome chromosome, List<long[]> anchors, SplitAssigner splits,
                                  DatasetWriter writer) {
        String chrom = chromosome.name();
        byte[] sequence = chromosome.sequence();
        int width = settings.width();
        int half = width / 2;
        int length = sequence.length;
        // Per-chromosome randomness: adding or removing a chromosome does not change the others' negatives.
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + chrom.hashCode());
        List<int[]> windows = new ArrayList<>(); // {start, minus}
        long previous = Long.MIN_VALUE;
        long previousStrand = -1;
        for (long[] anchorAndStrand : anchors) {
            long start = anchorAndStrand[0] - half;
            if (start < 0 || start + width > length) {
                if (settings.edge() == EncodeSettings.Edge.drop || length < width) {
                    counts.droppedEdge++;
                    continue;
                }
                start = Math.max(0, Math.min(length - width, start));
                counts.shiftedEdge++;
            }
            if (start == previous && anchorAndStrand[1] == previousStrand) {
                counts.mergedWindows++;
                continue;
            }
            previous = start;
            previousStrand = anchorAndStrand[1];
            windows.add(new int[] {(int) start, (int) anchorAndStrand[1], (int) anchorAndStrand[0]});
        }
        List<Double> positiveGc = new ArrayList<>();
        List<Integer> positiveStarts = new ArrayList<>();
        float[] labels = new float[tasks.size()];
        IntervalSet.Builder taken = IntervalSet.builder();
        for (int[] window : windows) {
            int start = window[0];
            boolean minus = window[1] == 1;
            // The base a window is labelled by: its centre, which is the peak's summit unless the window had to
            // be shifted inside a chromosome end; then the summit, which the shifted window still contains.
            int centre = window[2];
            boolean any = false;
            boolean exclude = false;
            for (int t = 0; t < tasks.size(); t++) {
                IntervalSet peaks = tasks.get(t).intervals();
                if (peaks.contains(chrom, centre)) {
                    labels[t] = 1;
                    any = true;
                } else if (peaks.overlaps(chrom, start, start + width)) {
                    switch (settings.ambiguous()) {
                        case negative -> labels[t] = 0;
                        case mask -> labels[t] = Float.NaN;
                        case exclude -> exclude = true;
                    }
                } else {
                    labels[t] = 0;
                }
            }
            if (exclude) {
                counts.droppedAmbiguous++;
                continue;
            }
            if (Dna.countNonAcgt(sequence, start, start + width) > settings.maxNonAcgt()) {
                counts.droppedN++;
                continue;
            }
            Dna.normalise(sequence, start, start + width);
            if (minus) {
                // Stranded peaks (e.g. TSS- or CLIP-centred) are read on their own strand.
                writer.add(Dna.reverseComplement(sequence, start, start + width), 0, labels,
                        splits.splitOf(chrom, start), name(chrom, start, '-'), Source.PEAK, chrom, start, '-');
            } else {
                writer.add(sequence, start, labels, splits.splitOf(chrom, start), name(chrom, start, '+'),
                        Source.PEAK, chrom, start, '+');
            }
            positiveGc.add(Dna.gcFraction(sequence, start, start + width));
            positiveStarts.add(start);
            taken.add(chrom, start, start + width);
        }
        switch (settings.negatives()) {
            case gc -> addBackground(chromosome, positiveGc, taken, splits, writer, random);
            case shuffle -> addShuffled(chromosome, positiveStarts, splits, writer, random);
            case none, background -> { }  // background (a FASTA of negatives) is for --sequences only
        }
    }

    private void addBackground(Chromosome chromosome, List<Double> positiveGc, IntervalSet.Builder positiveWindows,
                               SplitAssigner splits, DatasetWriter writer, SplittableRandom random) {
        double[] targets = negativeTargets(positiveGc, random);
        counts.negativesWanted += targets.length;
        // Negatives keep clear of every peak, the blacklist and the positive windows themselves.
        IntervalSet avoid = positiveWindows.addAll(excluded).build();
        List<Integer> starts = GcMatchedBackground.sample(chromosome.name(), chromosome.sequence(), settings.width(),
                targets, avoid, settings.maxNonAcgt(), random);
        counts.negativesDrawn += starts.size();
        starts.sort(Integer::compare);
        float[] zeros = new float[tasks.size()];
        byte[] sequence = chromosome.sequence();
        for (int start : starts) {
            Dna.normalise(sequence, start, start + settings.width());
            writer.add(sequence, start, zeros, splits.splitOf(chromosome.name(), start),
                    name(chromosome.name(), start, '+'), Source.BACKGROUND, chromosome.name(), start, '+');
        }
    }

    private void addShuffled(Chromosome chromosome, List<Integer> positiveStarts, SplitAssigner splits,
                             DatasetWriter writer, SplittableRandom random) {
        float[] zeros = new float[tasks.size()];
        for (int start : positiveStarts) {
            int copies = settings.negativesPerPositive(random);
            byte[] window = java.util.Arrays.copyOfRange(chromosome.sequence(), start, start + settings.width());
            for (int k = 0; k < copies; k++) {
                counts.negativesWanted++;
                counts.negativesDrawn++;
                byte[] shuffled = DinucleotideShuffle.shuffle(window, random);
                // A shuffle keeps its source's split, so no test sequence has a training twin.
                writer.add(shuffled, 0, zeros, splits.splitOf(chromosome.name(), start),
                        name(chromosome.name(), start, '+') + "_shuffle" + (k + 1), Source.SHUFFLED,
                        chromosome.name(), start, '+');
            }
        }
    }

    /** The GC each negative should have: every positive's GC, repeated per the (possibly fractional) ratio. */
    private double[] negativeTargets(List<Double> positiveGc, SplittableRandom random) {
        List<Double> targets = new ArrayList<>();
        for (double gc : positiveGc) {
            int copies = settings.negativesPerPositive(random);
            for (int k = 0; k < copies; k++) {
                targets.add(gc);
            }
        }
        return targets.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code chrom:start-end(strand)}, 0-based half-open like BED. */
    private String name(String chrom, long start, char strand) {
        return chrom + ":" + start + "-" + (start + settings.width()) + "(" + strand + ")";
    }

    private void report(DatasetWriter writer) {
        long[] perSplit = writer.rowsPerSplit();
        Log.info("%,d windows of %d bp: train %,d, valid %,d, test %,d", writer.rows(), settings.width(),
                perSplit[0], perSplit[1], perSplit[2]);
        String[] splitNames = {"train", "valid", "test"};
        for (int k = 0; k < 3; k++) {
            if (perSplit[k] == 0) {
                Log.warn("the %s split is empty", splitNames[k]);
            }
        }
        long[] positives = writer.positivesPerTask();
        for (int t = 0; t < tasks.size(); t++) {
            Log.info("task %s: %,d peaks, %,d positive windows", tasks.get(t).name(), tasks.get(t).peaks().size(),
                    positives[t]);
            if (positives[t] == 0) {
                Log.warn("task %s has no positive window; a model cannot learn it", tasks.get(t).name());
            }
        }
        if (counts.mergedWindows > 0) {
            Log.info("%,d peaks shared a window with another peak and were merged", counts.mergedWindows);
        }
        if (counts.droppedN > 0) {
            Log.info("%,d windows dropped for more than %d non-ACGT bases (--max-n %.3f)", counts.droppedN,
                    settings.maxNonAcgt(), settings.maxN());
        }
        if (counts.droppedEdge > 0 || counts.shiftedEdge > 0) {
            Log.info("windows at chromosome ends (--edge %s): %,d shifted inside, %,d dropped", settings.edge(),
                    counts.shiftedEdge, counts.droppedEdge);
        }
        if (counts.droppedAmbiguous > 0) {
            Log.info("%,d windows dropped as ambiguous (a peak overlaps them away from the centre)",
                    counts.droppedAmbiguous);
        }
        if (counts.negativesDrawn < counts.negativesWanted) {
            Log.warn("only %,d of %,d negatives could be drawn clear of peaks, positive windows, the blacklist and "
                    + "one another", counts.negativesDrawn,
                    counts.negativesWanted);
        }
        writer.gcHistogram().log();
    }

    private Map<String, Object> metadata(DatasetWriter writer, SplitAssigner splits) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("regulens_version", org.regulens.core.Version.get());
        meta.put("kind", "genome-windows");
        meta.put("genome", genome.fasta().toString());
        Map<String, Object> inputs = new LinkedHashMap<>();
        tasks.forEach(t -> inputs.put(t.name(), t.file().toString()));
        meta.put("peaks", inputs);
        meta.put("width", settings.width());
        meta.put("negatives", settings.negatives().name());
        meta.put("neg_ratio", settings.negRatio());
        meta.put("max_n", settings.maxN());
        meta.put("edge", settings.edge().name());
        meta.put("ambiguous", settings.ambiguous().name());
        meta.put("seed", settings.seed());
        meta.put("blacklist", settings.blacklist() == null ? null : settings.blacklist().toString());
        meta.put("split_mode", splits.mode());
        meta.put("valid_chroms", settings.validChroms());
        meta.put("test_chroms", settings.testChroms());
        meta.put("valid_frac", settings.validFrac());
        meta.put("test_frac", settings.testFrac());
        Map<String, Object> heldOut = new LinkedHashMap<>();
        splits.heldOutChromosomes().forEach((c, s) -> heldOut.put(c, s.name().toLowerCase(java.util.Locale.ROOT)));
        meta.put("held_out_chromosomes", heldOut);
        meta.put("rows", writer.rows());
        meta.put("rows_per_split", writer.rowsPerSplit());
        meta.put("positives_per_task", writer.positivesPerTask());
        Map<String, Object> tallies = new LinkedHashMap<>();
        tallies.put("peaks", counts.peaks);
        tallies.put("peaks_off_genome", counts.peaksOffGenome);
        tallies.put("merged_windows", counts.mergedWindows);
        tallies.put("dropped_n", counts.droppedN);
        tallies.put("dropped_edge", counts.droppedEdge);
        tallies.put("shifted_edge", counts.shiftedEdge);
        tallies.put("dropped_ambiguous", counts.droppedAmbiguous);
        tallies.put("negatives_wanted", counts.negativesWanted);
        tallies.put("negatives_drawn", counts.negativesDrawn);
        meta.put("counts", tallies);
        meta.put("gc_histogram", writer.gcHistogram().toMap());
        return meta;
    }
}
