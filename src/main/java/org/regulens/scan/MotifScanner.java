package org.regulens.scan;

import java.util.ArrayList;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.motif.Motif;
import org.regulens.seq.Dna;

/**
 * Scans sequences with a set of motifs on one or both strands and keeps the windows whose p-value is at most a
 * threshold. A window with a base other than A, C, G, T is not scored and is not a test. When asked, it also
 * counts every tested window's integer score, per motif and strand, for q-values.
 */
final class MotifScanner {

    /** One motif's matrices: plus reads the sequence as given, minus (null with --norc) its reverse complement. */
    static final class Target {
        final Motif motif;
        final ScoreMatrix plus;
        final ScoreMatrix minus;
        final int plusThreshold;
        final int minusThreshold;
        final long[] plusCounts;
        final long[] minusCounts;

        Target(Motif motif, ScoreMatrix plus, ScoreMatrix minus, double pThreshold, boolean countScores) {
            this.motif = motif;
            this.plus = plus;
            this.minus = minus;
            this.plusThreshold = plus.thresholdScore(pThreshold);
            this.minusThreshold = minus == null ? 0 : minus.thresholdScore(pThreshold);
            this.plusCounts = countScores ? new long[plus.maxScore() - plus.minScore() + 1] : null;
            this.minusCounts = countScores && minus != null ? new long[minus.maxScore() - minus.minScore() + 1] : null;
        }

        /** Windows scored so far on both strands: the number of tests for q-values. */
        long tests() {
            long n = 0;
            for (long[] counts : new long[][] {plusCounts, minusCounts}) {
                if (counts != null) {
                    for (long c : counts) {
                        n += c;
                    }
                }
            }
            return n;
        }
    }

    private final List<Target> targets = new ArrayList<>();

    /**
     * @param motifFile   names the motif file in errors
     * @param background  order-0 null model (A, C, G, T), already symmetric when both strands are scanned
     * @param pseudocount total pseudocount spread by background ({@link Motif#logOdds(double, double[])})
     */
    MotifScanner(List<Motif> motifs, java.nio.file.Path motifFile, double[] background, double pseudocount,
                 double pThreshold, boolean bothStrands, boolean countScores) {
        for (Motif motif : motifs) {
            ScoreMatrix plus;
            try {
                plus = ScoreMatrix.of(motif.logOdds(pseudocount, background), background);
            } catch (IllegalArgumentException e) {
                throw RegulensException.atRecord(motifFile, motif.id(), "a base has probability 0 (" + e.getMessage()
                        + "); use a positive --pseudocount");
            }
            ScoreMatrix minus = bothStrands ? plus.reverseComplement(background) : null;
            targets.add(new Target(motif, plus, minus, pThreshold, countScores));
        }
    }

    List<Target> targets() {
        return targets;
    }

    /** The hits of one sequence, in {@link Hit#ORDER}. */
    List<Hit> scan(byte[] letters) {
        byte[] indices = new byte[letters.length];
        for (int i = 0; i < letters.length; i++) {
            indices[i] = (byte) Dna.index(letters[i]);
        }
        List<Hit> hits = new ArrayList<>();
        for (int m = 0; m < targets.size(); m++) {
            scan(m, targets.get(m), indices, hits);
        }
        hits.sort(Hit.ORDER);
        return hits;
    }

    private static void scan(int m, Target t, byte[] indices, List<Hit> hits) {
        int w = t.plus.width();
        int lastBad = -1;
        for (int end = 0; end < indices.length; end++) {
            if (indices[end] < 0) {
                lastBad = end;
            }
            int start = end - w + 1;
            if (start < 0 || lastBad >= start) {
                continue;
            }
            test(m, t.plus, t.plusThreshold, t.plusCounts, '+', indices, start, hits);
            if (t.minus != null) {
                test(m, t.minus, t.minusThreshold, t.minusCounts, '-', indices, start, hits);
            }
        }
    }

    private static void test(int m, ScoreMatrix matrix, int threshold, long[] counts, char strand, byte[] indices,
                             int start, List<Hit> hits) {
        int score = matrix.score(indices, start);
        if (counts != null) {
            counts[score - matrix.minScore()]++;
        }
        if (score >= threshold) {
            hits.add(new Hit(m, start, matrix.width(), strand, score, matrix.realScore(indices, start),
                    matrix.pValue(score), matched(indices, start, matrix.width(), strand == '-')));
        }
    }

    /** The window's letters as read on the hit's strand (reverse complement for minus), as FIMO shows them. */
    private static String matched(byte[] indices, int start, int width, boolean minus) {
        char[] text = new char[width];
        for (int i = 0; i < width; i++) {
            int b = minus ? 3 - indices[start + width - 1 - i] : indices[start + i];
            text[i] = Dna.ALPHABET.charAt(b);
        }
        return new String(text);
    }
}
