package org.regulens.motifs;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns the seqlets of one cluster and aggregates them into a pattern. The seed is the seqlet with the most
 * affinity to the rest of the cluster; every seqlet is aligned to it (shift and strand), the tracks are summed in a
 * frame wide enough for every shift, and then each seqlet is aligned again to the aggregate (twice), which
 * corrects members that matched the seed poorly. The result is trimmed by {@link PatternTrimmer}: the core of high
 * contribution and the flanks that carry information.
 */
public final class PatternBuilder {

    private static final int REALIGNMENTS = 2;

    private final SeqletTracks tracks;
    private final DiscoverySettings settings;
    private final int sign;

    public PatternBuilder(SeqletTracks tracks, DiscoverySettings settings, int sign) {
        this.tracks = tracks;
        this.settings = settings;
        this.sign = sign;
    }

    /** A pattern from seqlets {@code members} (indices into the tracks), aligned to {@code seed}. */
    public Pattern build(List<Integer> members, int seed) {
        int shift = settings.maxShift();
        int length = tracks.length();
        int frame = length + 2 * shift;
        // first pass: align to the seed, whose position q sits at frame position q + shift
        List<Placement> placements = new ArrayList<>();
        for (int s : members) {
            TrackAlignment.Alignment a = align(tracks.normalisedActual(seed, 0), tracks.normalisedHypothetical(seed, 0),
                    s, -shift, shift);
            placements.add(new Placement(s, a.shift() + shift, a.strand(), a.similarity()));
        }
        Aggregate aggregate = aggregate(placements, frame);
        for (int round = 0; round < REALIGNMENTS; round++) {
            float[] actual = SeqletTracks.l1Normalised(aggregate.flat(aggregate.actual));
            float[] hyp = SeqletTracks.l1Normalised(aggregate.flat(aggregate.hypothetical));
            List<Placement> next = new ArrayList<>();
            for (Placement p : placements) {
                TrackAlignment.Alignment a = align(actual, hyp, p.seqlet, 0, frame - length);
                next.add(new Placement(p.seqlet, a.shift(), a.strand(), a.similarity()));
            }
            placements = next;
            aggregate = aggregate(placements, frame);
        }
        return trimmed(aggregate, placements);
    }

    private TrackAlignment.Alignment align(float[] actual, float[] hyp, int s, int minShift, int maxShift) {
        return TrackAlignment.best(actual, hyp,
                new float[][] {tracks.normalisedActual(s, 0), tracks.normalisedActual(s, 1)},
                new float[][] {tracks.normalisedHypothetical(s, 0), tracks.normalisedHypothetical(s, 1)},
                minShift, maxShift);
    }

    private Aggregate aggregate(List<Placement> placements, int frame) {
        Aggregate sum = new Aggregate(frame);
        for (Placement p : placements) {
            float[] a = tracks.actual(p.seqlet, p.strand);
            float[] h = tracks.hypothetical(p.seqlet, p.strand);
            float[] x = tracks.oneHot(p.seqlet, p.strand);
            for (int q = 0; q < tracks.length(); q++) {
                int f = q + p.offset;
                for (int b = 0; b < 4; b++) {
                    sum.actual[f][b] += a[q * 4 + b];
                    sum.hypothetical[f][b] += h[q * 4 + b];
                    sum.counts[f][b] += x[q * 4 + b];
                }
            }
        }
        int n = placements.size();
        for (int f = 0; f < frame; f++) {
            for (int b = 0; b < 4; b++) {
                sum.actual[f][b] /= n;
                sum.hypothetical[f][b] /= n;
            }
        }
        return sum;
    }

    private Pattern trimmed(Aggregate aggregate, List<Placement> placements) {
        int[] span = PatternTrimmer.span(aggregate.actual, aggregate.counts, settings.trimThreshold());
        int from = span[0];
        int to = span[1];
        List<Pattern.Member> members = new ArrayList<>();
        for (Placement p : placements) {
            members.add(member(p, from, to));
        }
        return new Pattern(sign, signed(slice(aggregate.actual, from, to)), signed(slice(aggregate.hypothetical, from, to)),
                slice(aggregate.counts, from, to), members);
    }

    /** Where frame positions [from, to) fall in the seqlet's example. */
    private Pattern.Member member(Placement p, int from, int to) {
        Seqlet seqlet = tracks.seqlet(p.seqlet);
        int first = from - p.offset; // seqlet track positions [first, last) in the aligned orientation
        int last = to - p.offset;
        int origin = seqlet.start() - settings.flank(); // example position of track position 0 (forward)
        int length = tracks.length();
        int start = p.strand == 0 ? origin + first : origin + length - last;
        int end = p.strand == 0 ? origin + last : origin + length - first;
        return new Pattern.Member(seqlet, start, end, p.strand == 1, p.similarity);
    }

    private double[][] signed(double[][] m) {
        for (double[] row : m) {
            for (int b = 0; b < 4; b++) {
                row[b] *= sign;
            }
        }
        return m;
    }

    private static double[][] slice(double[][] m, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = m[i].clone();
        }
        return out;
    }

    /** A seqlet placed in the frame: its position q is frame position q + offset. */
    private record Placement(int seqlet, int offset, int strand, double similarity) {
    }

    private static final class Aggregate {
        final double[][] actual;
        final double[][] hypothetical;
        final double[][] counts;

        Aggregate(int frame) {
            actual = new double[frame][4];
            hypothetical = new double[frame][4];
            counts = new double[frame][4];
        }

        float[] flat(double[][] m) {
            float[] out = new float[m.length * 4];
            for (int f = 0; f < m.length; f++) {
                for (int b = 0; b < 4; b++) {
                    out[f * 4 + b] = (float) m[f][b];
                }
            }
            return out;
        }
    }
}
