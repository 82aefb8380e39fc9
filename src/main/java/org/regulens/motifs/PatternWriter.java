package org.regulens.motifs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regulens.data.GenomeCoordinates;
import org.regulens.io.AtomicOutput;
import org.regulens.io.OutputDirectory;
import org.regulens.io.npz.NpyArray;
import org.regulens.io.npz.NpzWriter;
import org.regulens.motif.Background;
import org.regulens.motif.MemeWriter;
import org.regulens.motif.Motif;

/**
 * Writes what {@code regulens motifs} found into its output folder: patterns.meme (PPMs), patterns_cwm.meme (CWMs
 * as letter probabilities), patterns.npz (cwm, hcwm, ppm per pattern), seqlets.tsv (each pattern's seqlets) and,
 * when genome coordinates are known, seqlets.bed, all of the patterns that passed; patterns.tsv (one line per
 * candidate pattern, passed or not, with the reason) and summary.tsv (seqlet and pattern counts).
 */
public final class PatternWriter {

    private PatternWriter() {
    }

    public static void write(OutputDirectory out, ContributionScores scores, MotifDiscovery.Result result,
                             GenomeCoordinates genome) {
        List<MotifDiscovery.NamedPattern> patterns = result.patterns();
        MemeWriter.write(out.resolve("patterns.meme"), patterns.stream().map(PatternWriter::ppm).toList(),
                Background.uniform());
        MemeWriter.write(out.resolve("patterns_cwm.meme"), patterns.stream().map(PatternWriter::cwmMotif).toList(),
                Background.uniform());
        writeArrays(out.resolve("patterns.npz"), patterns);
        writeTable(out.resolve("patterns.tsv"), patterns, result.rejected());
        writeSummary(out.resolve("summary.tsv"), result);
        writeSeqlets(out.resolve("seqlets.tsv"), scores, patterns);
        if (genome != null) {
            writeBed(out.resolve("seqlets.bed"), scores, patterns, genome);
        }
    }

    /** The position probability matrix: base counts over the aligned seqlets. */
    public static Motif ppm(MotifDiscovery.NamedPattern p) {
        return Motif.fromCounts(p.name(), p.name(), p.pattern().counts());
    }

    /**
     * The CWM as letter probabilities, for MEME tools and {@code compare}: per position, the contributions of the
     * pattern's sign (positive part of sign × CWM) normalised to sum 1; a position without any becomes uniform.
     */
    public static Motif cwmMotif(MotifDiscovery.NamedPattern p) {
        double[][] cwm = p.pattern().cwm();
        double[][] probabilities = new double[cwm.length][4];
        for (int i = 0; i < cwm.length; i++) {
            double sum = 0;
            for (int b = 0; b < 4; b++) {
                probabilities[i][b] = Math.max(0, p.pattern().sign() * cwm[i][b]);
                sum += probabilities[i][b];
            }
            for (int b = 0; b < 4; b++) {
                probabilities[i][b] = sum > 0 ? probabilities[i][b] / sum : 0.25;
            }
        }
        return Motif.fromProbabilities(p.name(), p.name(), probabilities, p.pattern().size());
    }

    private static void writeArrays(Path file, List<MotifDiscovery.NamedPattern> patterns) {
        try (NpzWriter npz = NpzWriter.create(file)) {
            for (MotifDiscovery.NamedPattern p : patterns) {
                npz.write(p.name() + ".cwm", matrix(p.pattern().cwm()));
                npz.write(p.name() + ".hcwm", matrix(p.pattern().hypothetical()));
                npz.write(p.name() + ".ppm", matrix(ppm(p).probabilities()));
            }
            npz.commit();
        }
    }

    private static NpyArray matrix(double[][] m) {
        double[] flat = new double[m.length * 4];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * 4, 4);
        }
        return NpyArray.ofDoubles(flat, m.length, 4);
    }

    /**
     * One line per candidate pattern: those that passed (named as in the other files), then those that did not
     * (pos_rejected_0, ...; in no other file), with whether it passed and why not.
     */
    private static void writeTable(Path file, List<MotifDiscovery.NamedPattern> patterns,
                                   List<MotifDiscovery.RejectedPattern> rejected) {
        StringBuilder text = new StringBuilder("pattern\tsign\tseqlets\twidth\tconsensus\tcwm_consensus\tcontribution"
                + "\tinformation_bits\tpassed\treason\n");
        for (MotifDiscovery.NamedPattern p : patterns) {
            text.append(row(p)).append("\tyes\t-\n");
        }
        for (MotifDiscovery.RejectedPattern r : rejected) {
            text.append(row(new MotifDiscovery.NamedPattern(r.name(), r.pattern()))).append("\tno\t").append(r.reason())
                    .append('\n');
        }
        AtomicOutput.writeString(file, text.toString());
    }

    private static String row(MotifDiscovery.NamedPattern p) {
        double total = 0;
        for (double[] row : p.pattern().cwm()) {
            total += row[0] + row[1] + row[2] + row[3];
        }
        Motif ppm = ppm(p);
        return String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%s\t%s\t%.6g\t%.4f", p.name(),
                p.pattern().sign() > 0 ? "+" : "-", p.pattern().size(), p.pattern().width(), ppm.consensus(),
                cwmMotif(p).consensus(), total, ppm.totalInformation(Background.uniform()));
    }

    /** summary.tsv: seqlets called per sign and candidate patterns passed and rejected (key, value). */
    private static void writeSummary(Path file, MotifDiscovery.Result result) {
        String text = "key\tvalue\n"
                + "seqlets_positive\t" + result.seqlets(1) + "\n"
                + "seqlets_negative\t" + result.seqlets(-1) + "\n"
                + "patterns_passed\t" + result.patterns().size() + "\n"
                + "patterns_rejected\t" + result.rejected().size() + "\n";
        AtomicOutput.writeString(file, text);
    }

    private static void writeSeqlets(Path file, ContributionScores scores, List<MotifDiscovery.NamedPattern> patterns) {
        try (AtomicOutput output = AtomicOutput.create(file); Writer w = output.writer()) {
            w.write("pattern\texample\tdata_row\tstart\tend\tstrand\tseqlet_start\tseqlet_end\tscore\tsimilarity\n");
            for (MotifDiscovery.NamedPattern p : patterns) {
                List<Pattern.Member> members = new ArrayList<>(p.pattern().members());
                members.sort(Comparator.comparingInt((Pattern.Member m) -> m.seqlet().example())
                        .thenComparingInt(Pattern.Member::start));
                for (Pattern.Member m : members) {
                    Seqlet s = m.seqlet();
                    w.write(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\t%.6g\t%.4f%n", p.name(),
                            s.example(), scores.dataRow(s.example()), Math.max(0, m.start()),
                            Math.min(scores.length(), m.end()), m.minus() ? "-" : "+", s.start(), s.start() + s.width(),
                            s.score(), m.similarity()));
                }
            }
            w.close();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** BED6 of each pattern's core in each seqlet, in genome coordinates, sorted by chromosome and start. */
    private static void writeBed(Path file, ContributionScores scores, List<MotifDiscovery.NamedPattern> patterns,
                                 GenomeCoordinates genome) {
        record Line(String chrom, long start, long end, String name, int score, char strand) {
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> chromOrder = new HashMap<>();
        for (MotifDiscovery.NamedPattern p : patterns) {
            for (Pattern.Member m : p.pattern().members()) {
                int row = Math.toIntExact(scores.dataRow(m.seqlet().example()));
                int from = Math.max(0, m.start());
                int to = Math.min(scores.length(), m.end());
                GenomeCoordinates.Interval at = genome.interval(row, from, to - from);
                boolean minus = m.minus() != at.minus();
                chromOrder.putIfAbsent(at.chrom(), chromOrder.size());
                int score = (int) Math.round(Math.max(0, Math.min(1, m.similarity())) * 1000);
                lines.add(new Line(at.chrom(), at.start(), at.end(), p.name(), score, minus ? '-' : '+'));
            }
        }
        lines.sort(Comparator.<Line>comparingInt(l -> chromOrder.get(l.chrom())).thenComparingLong(Line::start)
                .thenComparing(Line::name));
        StringBuilder text = new StringBuilder();
        for (Line l : lines) {
            text.append(l.chrom()).append('\t').append(l.start()).append('\t').append(l.end()).append('\t')
                    .append(l.name()).append('\t').append(l.score()).append('\t').append(l.strand()).append('\n');
        }
        AtomicOutput.writeString(file, text.toString());
    }
}
