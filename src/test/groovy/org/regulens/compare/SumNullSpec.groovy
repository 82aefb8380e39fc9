package org.regulens.compare

import groovy.transform.CompileStatic
import org.regulens.motif.Motif
import spock.lang.Specification

/**
 * The convolution null against brute force: every way of drawing target columns for a 5-column query from a
 * small database's pool (both strands), iid uniform, enumerated.
 */
class SumNullSpec extends Specification {

    static Motif motif(String id, List<List<Number>> counts) {
        Motif.fromCounts(id, id, counts.collect { it as double[] } as double[][])
    }

    static final Motif QUERY = motif('q', [[9, 1, 0, 0], [0, 8, 1, 1], [1, 1, 7, 1], [0, 0, 1, 9], [3, 3, 2, 2]])
    static final List<Motif> DATABASE = [
            motif('a', [[10, 0, 0, 0], [0, 5, 5, 0], [2, 2, 2, 4]]),
            motif('b', [[0, 0, 9, 1], [1, 1, 1, 7], [4, 4, 1, 1]]),
            motif('c', [[5, 0, 5, 0], [0, 10, 0, 0]])]

    /** Tail probabilities of the sum of query columns [from, to) by enumerating all pool draws. */
    @CompileStatic
    static Map<String, double[]> bruteForce(QueryProfile profile, int poolSize, int from, int to, double threshold) {
        int k = to - from
        int maxSum = k * profile.grid().bins()
        double[] binned = new double[maxSum + 2]
        double rawTail = 0
        double rawNear = 0
        double weight = Math.pow(poolSize, -k)
        int[] pick = new int[k]
        long combos = (long) Math.pow(poolSize, k)
        for (long n = 0; n < combos; n++) {
            long rest = n
            int binSum = 0
            double raw = 0
            for (int i = 0; i < k; i++) {
                pick[i] = (int) (rest % poolSize)
                rest = rest.intdiv(poolSize)
                binSum += profile.bin(from + i, pick[i])
                raw += profile.score(from + i, pick[i])
            }
            binned[binSum] += weight
            if (raw >= threshold) {
                rawTail += weight
            }
            if (Math.abs(raw - threshold) <= k * profile.grid().step()) {
                rawNear += weight
            }
        }
        double[] tail = new double[maxSum + 2]
        for (int s = maxSum; s >= 0; s--) {
            tail[s] = tail[s + 1] + binned[s]
        }
        [binned: tail, raw: [rawTail, rawNear] as double[]]
    }

    def "the DP tail equals enumeration of every draw, for every threshold and several runs of columns"() {
        given:
        def pool = new TargetColumns(DATABASE, ColumnSimilarity.PEARSON)
        def profile = new QueryProfile(QUERY, pool, ColumnSimilarity.PEARSON, 20)
        def nulls = new SumNull(profile.pmfs())

        expect:
        pool.poolSize() == 16
        [[0, 5], [1, 4], [0, 2], [3, 5], [2, 3]].every { range ->
            int from = range[0]
            int to = range[1]
            def brute = bruteForce(profile, pool.poolSize(), from, to, 0)
            (0..(to - from) * 20 + 1).every { s -> Math.abs(nulls.tail(from, to, s) - brute.binned[s]) < 1e-12 }
        }
    }

    def "against raw (unbinned) scores the DP errs by no more than the mass within k grid steps of the threshold"() {
        given: 'the observed score of query columns 0..4 against target a (3 columns) padded by c: a real alignment'
        def pool = new TargetColumns(DATABASE, ColumnSimilarity.PEARSON)
        def profile = new QueryProfile(QUERY, pool, ColumnSimilarity.PEARSON, 100)
        def nulls = new SumNull(profile.pmfs())
        int[] columns = [0, 1, 2, 3, 4]
        int[] drawn = [0, 14, 6, 7, 2]
        double raw = (0..4).sum { profile.score(columns[it], drawn[it]) } as double
        int binSum = (0..4).sum { profile.bin(columns[it], drawn[it]) } as int

        when:
        def brute = bruteForce(profile, pool.poolSize(), 0, 5, raw)
        double dp = nulls.tail(0, 5, binSum)

        then: 'binning moves each of the k sums by at most k/2 steps, so only draws that close can flip'
        Math.abs(dp - brute.raw[0]) <= brute.raw[1] + 1e-12
        brute.raw[1] < 0.2
    }

    def "reused for another query (wider, then narrower), a profile and its null tables equal fresh ones"() {
        given:
        def pool = new TargetColumns(DATABASE, ColumnSimilarity.PEARSON)
        def wide = motif('w', [[1, 2, 3, 4], [4, 3, 2, 1], [9, 0, 0, 1], [0, 9, 1, 0], [2, 2, 3, 3], [0, 0, 0, 10]])
        def reusedProfile = new QueryProfile(pool, ColumnSimilarity.PEARSON, 30)
        def reusedNull = new SumNull()

        expect:
        [wide, QUERY, DATABASE[2]].every { query ->
            reusedProfile.load(query)
            reusedNull.reset(reusedProfile.pmfs())
            def fresh = new QueryProfile(query, pool, ColumnSimilarity.PEARSON, 30)
            def freshNull = new SumNull(fresh.pmfs())
            int w = query.width()
            def cells = [(0..<w), (0..<pool.poolSize())].combinations()
            def sameCells = cells.every { i, j ->
                reusedProfile.score(i, j) == fresh.score(i, j) && reusedProfile.bin(i, j) == fresh.bin(i, j)
            }
            def sameTails = (0..<w).every { from ->
                (from + 1..w).every { to ->
                    (0..(to - from) * 30 + 1).every { s -> reusedNull.tail(from, to, s) == freshNull.tail(from, to, s) }
                }
            }
            sameCells && sameTails
        }
    }
}
