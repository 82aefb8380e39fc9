package org.regulens.motifs;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.regulens.core.Progress;

/**
 * A cheap first pass over all pairs of seqlets: each seqlet becomes a vector of canonical (strand-merged) 5-mers,
 * each occurrence weighted by the summed actual contribution of its five bases, so that two seqlets holding the
 * same motif are close whatever their shift and strand. The best {@code k} cosine similarities of each seqlet are
 * kept for the exact comparison.
 * <p>
 * A seqlet of 31 bases holds at most 27 of the 512 canonical 5-mers, so the vectors are sparse: each seqlet's row
 * of similarities is accumulated through an inverted index (for each of its 5-mers, the seqlets holding it), about
 * 27²/512 ≈ 1.4 products per pair against 512 for a dense product, and no n × 512 matrix or block of
 * similarities is held. Still one pass over all pairs (the selection of the best k reads every entry of the row).
 */
public final class CoarseNeighbours {

    static final int K = 5;
    private static final int[] CANONICAL = canonicalIndex();
    static final int DIMENSIONS = Arrays.stream(CANONICAL).max().getAsInt() + 1;

    private CoarseNeighbours() {
    }

    /** For each seqlet, up to {@code k} other seqlets with the most similar k-mer content, most similar first. */
    public static int[][] find(SeqletTracks tracks, int k) {
        int n = tracks.size();
        int keep = Math.min(k, n - 1);
        int[][] neighbours = new int[n][];
        if (keep <= 0) {
            Arrays.fill(neighbours, new int[0]);
            return neighbours;
        }
        // rows: each seqlet's non-zero dimensions and values (CSR)
        int[] rowStart = new int[n + 1];
        int[][] rowDims = new int[n][];
        float[][] rowValues = new float[n][];
        float[] dense = new float[DIMENSIONS];
        for (int s = 0; s < n; s++) {
            Arrays.fill(dense, 0);
            embed(tracks.normalisedActual(s, 0), tracks.oneHot(s, 0), dense, 0);
            int nonZero = 0;
            for (float v : dense) {
                nonZero += v != 0 ? 1 : 0;
            }
            rowDims[s] = new int[nonZero];
            rowValues[s] = new float[nonZero];
            for (int d = 0, t = 0; d < DIMENSIONS; d++) {
                if (dense[d] != 0) {
                    rowDims[s][t] = d;
                    rowValues[s][t++] = dense[d];
                }
            }
            rowStart[s + 1] = rowStart[s] + nonZero;
        }
        // columns: for each dimension, the seqlets holding it, in index order (CSC)
        int[] columnStart = new int[DIMENSIONS + 1];
        for (int s = 0; s < n; s++) {
            for (int d : rowDims[s]) {
                columnStart[d + 1]++;
            }
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            columnStart[d + 1] += columnStart[d];
        }
        int[] columnRows = new int[rowStart[n]];
        float[] columnValues = new float[rowStart[n]];
        int[] fill = Arrays.copyOf(columnStart, DIMENSIONS);
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < rowDims[s].length; t++) {
                int at = fill[rowDims[s][t]]++;
                columnRows[at] = s;
                columnValues[at] = rowValues[s][t];
            }
        }
        ThreadLocal<float[]> rows = ThreadLocal.withInitial(() -> new float[n]);
        try (Progress progress = new Progress("motifs: coarse k-mer neighbours", n, "seqlets")) {
            Object lock = new Object();
            IntStream.range(0, n).parallel().forEach(i -> {
                float[] row = rows.get();
                Arrays.fill(row, 0);
                int[] dims = rowDims[i];
                float[] values = rowValues[i];
                for (int t = 0; t < dims.length; t++) {
                    float v = values[t];
                    for (int at = columnStart[dims[t]], end = columnStart[dims[t] + 1]; at < end; at++) {
                        row[columnRows[at]] += v * columnValues[at];
                    }
                }
                neighbours[i] = top(row, 0, n, i, keep);
                if ((i & 255) == 0) {
                    synchronized (lock) {
                        progress.advance(Math.min(256, n - i));
                    }
                }
            });
        }
        return neighbours;
    }

    /** Indices of the {@code keep} largest values of row[offset..offset+n), excluding {@code self}; ties by index. */
    static int[] top(float[] values, int offset, int n, int self, int keep) {
        // a min-heap of the best so far, by (value, -index)
        int[] heap = new int[keep];
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (j == self) {
                continue;
            }
            if (size < keep) {
                heap[size++] = j;
                siftUp(heap, size - 1, values, offset);
            } else if (better(values, offset, j, heap[0])) {
                heap[0] = j;
                siftDown(heap, size, values, offset);
            }
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = heap[i];
        }
        Arrays.sort(order, (x, y) -> better(values, offset, x, y) ? -1 : better(values, offset, y, x) ? 1 : 0);
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static boolean better(float[] v, int offset, int x, int y) {
        float a = v[offset + x];
        float b = v[offset + y];
        return a > b || (a == b && x < y);
    }

    private static void siftUp(int[] heap, int i, float[] v, int offset) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (better(v, offset, heap[parent], heap[i])) {
                swap(heap, parent, i);
                i = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] heap, int size, float[] v, int offset) {
        int i = 0;
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && better(v, offset, heap[worst], heap[left])) {
                worst = left;
            }
            if (right < size && better(v, offset, heap[worst], heap[right])) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Adds the seqlet's weighted canonical 5-mers into embedding[at..], then L2-normalises them. */
    static void embed(float[] actual, float[] oneHot, float[] embedding, int at) {
        int length = actual.length / 4;
        int[] base = new int[length];
        float[] weight = new float[length];
        for (int p = 0; p < length; p++) {
            base[p] = -1;
            for (int b = 0; b < 4; b++) {
                if (oneHot[p * 4 + b] > 0) {
                    base[p] = b;
                }
                weight[p] += actual[p * 4 + b];
            }
        }
        for (int p = 0; p + K <= length; p++) {
            int code = 0;
            float w = 0;
            boolean complete = true;
            for (int i = 0; i < K; i++) {
                if (base[p + i] < 0) {
                    complete = false;
                    break;
                }
                code = code * 4 + base[p + i];
                w += weight[p + i];
            }
            if (complete) {
                embedding[at + CANONICAL[code]] += w;
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            norm += embedding[at + d] * embedding[at + d];
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < DIMENSIONS; d++) {
                embedding[at + d] *= scale;
            }
        }
    }

    /** Maps each 5-mer code to a dense index shared with its reverse complement. */
    private static int[] canonicalIndex() {
        int words = 1 << (2 * K);
        int[] index = new int[words];
        Arrays.fill(index, -1);
        int next = 0;
        for (int code = 0; code < words; code++) {
            int rc = reverseComplement(code);
            int canonical = Math.min(code, rc);
            if (index[canonical] < 0) {
                index[canonical] = next++;
            }
            index[code] = index[canonical];
        }
        return index;
    }

    static int reverseComplement(int code) {
        int rc = 0;
        for (int i = 0; i < K; i++) {
            rc = rc * 4 + (3 - (code & 3));
            code >>= 2;
        }
        return rc;
    }
}
