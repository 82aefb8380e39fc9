package org.regulens.genome;

import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.util.IOUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regulens.core.Log;
import org.regulens.core.RegulensException;

/**
 * Chromosome names and lengths of a genome FASTA, in file order. Read from the samtools .fai beside the FASTA;
 * when there is none it is built with htsjdk and written beside the FASTA (and the log says so), or, where that
 * is impossible (a read-only folder, plain gzip that no index can address), measured by one pass over the file.
 */
public final class GenomeIndex {

    private final Path fasta;
    private final Map<String, Long> lengths;

    private GenomeIndex(Path fasta, Map<String, Long> lengths) {
        this.fasta = fasta;
        this.lengths = Collections.unmodifiableMap(lengths);
    }

    public static GenomeIndex of(Path fasta) {
        if (!Files.isRegularFile(fasta)) {
            throw RegulensException.inFile(fasta, "no such file");
        }
        Path fai = fasta.resolveSibling(fasta.getFileName() + ".fai");
        if (Files.isRegularFile(fai)) {
            return fromFai(fasta, fai);
        }
        boolean gzip = org.regulens.io.TextInput.isGzip(fasta);
        boolean bgzip = gzip && isBgzip(fasta);
        if ((!gzip || bgzip) && Files.isWritable(fasta.toAbsolutePath().getParent())) {
            // Read the whole FASTA with our validating reader first: htsjdk would index a malformed file (an
            // empty record, a stray character) and leave a wrong .fai beside the user's genome.
            GenomeIndex measured = measured(fasta);
            try {
                FastaSequenceIndex index = FastaSequenceIndexCreator.buildFromFasta(fasta);
                Path temp = org.regulens.io.TempNames.beside(fai, ".part");
                try {
                    index.write(temp);
                    Files.move(temp, fai, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
                Log.info("built the missing FASTA index %s", fai);
                return fromFai(fasta, fai);
            } catch (RuntimeException | IOException e) {
                Log.warn("could not write %s (%s); using chromosome lengths measured from the FASTA", fai,
                        indexProblem(e));
                return measured;
            }
        } else {
            Log.info("no %s; measuring chromosome lengths by reading the FASTA", fai);
        }
        return measured(fasta);
    }

    /**
     * Why htsjdk could not index the FASTA, in words. Its messages for ragged records keep their "{}" placeholders
     * unfilled (it formats them with String.format), so those are replaced by what they mean.
     */
    static String indexProblem(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("{}")) {
            return "a record has sequence lines of unequal length before its last line, which a .fai index cannot "
                    + "describe";
        }
        return message;
    }

    private static boolean isBgzip(Path fasta) {
        try {
            return IOUtil.isBlockCompressed(fasta);
        } catch (IOException e) {
            throw RegulensException.inFile(fasta, "cannot read: " + e.getMessage());
        }
    }

    private static GenomeIndex fromFai(Path fasta, Path fai) {
        Map<String, Long> lengths = new LinkedHashMap<>();
        try {
            FastaSequenceIndex index = new FastaSequenceIndex(fai);
            for (FastaSequenceIndexEntry entry : index) {
                lengths.put(entry.getContig(), entry.getSize());
            }
        } catch (RuntimeException e) {
            throw RegulensException.inFile(fai, "not a valid FASTA index: " + e.getMessage());
        }
        if (lengths.isEmpty()) {
            throw RegulensException.inFile(fai, "empty FASTA index");
        }
        return new GenomeIndex(fasta, lengths);
    }

    private static GenomeIndex measured(Path fasta) {
        Map<String, Long> lengths = new LinkedHashMap<>();
        try (FastaStream stream = new FastaStream(fasta, Map.of())) {
            Chromosome chromosome;
            while ((chromosome = stream.next()) != null) {
                lengths.put(chromosome.name(), (long) chromosome.length());
            }
        }
        return new GenomeIndex(fasta, lengths);
    }

    public Path fasta() {
        return fasta;
    }

    /** Names to lengths, in FASTA order. */
    public Map<String, Long> lengths() {
        return lengths;
    }

    public boolean contains(String chrom) {
        return lengths.containsKey(chrom);
    }

    /** Streams the chromosomes in file order, checking each against the index. */
    public FastaStream stream() {
        return new FastaStream(fasta, lengths);
    }

    /** Fails when a streamed record disagrees with the index (a stale .fai). */
    public void check(Chromosome chromosome) {
        Long expected = lengths.get(chromosome.name());
        if (expected == null || expected != chromosome.length()) {
            throw RegulensException.atRecord(fasta, chromosome.name(), "the FASTA index says "
                    + (expected == null ? "there is no such sequence" : expected + " bases") + " but the FASTA has "
                    + chromosome.length() + "; the .fai is stale: delete it and run again");
        }
    }
}
