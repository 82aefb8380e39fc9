package org.regulens.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.regulens.core.RegulensException;
import org.regulens.genome.Chromosome;
import org.regulens.genome.FastaStream;
import org.regulens.genome.GenomeIndex;
import org.regulens.genome.Peak;
import org.regulens.genome.PeakReader;
import org.regulens.seq.Dna;

/**
 * {@code scan --bed --genome}: the intervals of a BED file cut from a genome FASTA, which is streamed one
 * chromosome at a time. Intervals come out grouped by chromosome in genome order, in BED order within one. An
 * interval on the minus strand (column 6) is read as its reverse complement, as {@code encode} reads stranded
 * peaks. The name column is the sequence name when present, else {@code chrom:start-end}.
 */
final class BedSource implements SequenceSource {

    private final Path genome;
    private final GenomeIndex index;
    private final Map<String, List<Peak>> byChromosome = new LinkedHashMap<>();
    private final long bases;

    BedSource(Path bed, Path genome) {
        this.genome = genome;
        List<Peak> peaks = PeakReader.read(bed);
        this.index = GenomeIndex.of(genome);
        for (Peak peak : peaks) {
            Long length = index.lengths().get(peak.chrom());
            if (length == null) {
                throw RegulensException.atLine(bed, peak.line(), "chromosome '" + peak.chrom() + "' is not in "
                        + genome);
            }
            if (peak.end() > length) {
                throw RegulensException.atLine(bed, peak.line(), "end " + peak.end() + " is past the end of "
                        + peak.chrom() + " (" + length + " bp)");
            }
            byChromosome.computeIfAbsent(peak.chrom(), c -> new ArrayList<>()).add(peak);
        }
        this.bases = peaks.stream().mapToLong(Peak::length).sum();
    }

    @Override
    public void forEach(Consumer<ScanSequence> action) {
        int left = byChromosome.size();
        try (FastaStream stream = index.stream()) {
            Chromosome chromosome;
            while (left > 0 && (chromosome = stream.next()) != null) {
                List<Peak> peaks = byChromosome.get(chromosome.name());
                if (peaks == null) {
                    continue;
                }
                index.check(chromosome);
                left--;
                for (Peak peak : peaks) {
                    action.accept(sequence(chromosome, peak));
                }
            }
        }
        if (left > 0) {
            throw RegulensException.inFile(genome, "ended before all chromosomes of the BED file were read");
        }
    }

    private static ScanSequence sequence(Chromosome chromosome, Peak peak) {
        int from = (int) peak.start();
        int to = (int) peak.end();
        byte[] letters = peak.isMinus() ? Dna.reverseComplement(chromosome.sequence(), from, to)
                : java.util.Arrays.copyOfRange(chromosome.sequence(), from, to);
        Dna.normalise(letters, 0, letters.length);
        String name = peak.name().isEmpty() || peak.name().equals(".")
                ? peak.chrom() + ":" + peak.start() + "-" + peak.end() : peak.name();
        return new ScanSequence(name, letters, new Origin(peak.chrom(), peak.start(), peak.end(), peak.isMinus()));
    }

    @Override
    public long bases() {
        return bases;
    }
}
