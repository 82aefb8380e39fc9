package org.regulens.attribute;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A step whose output at a position depends on a bounded window of input positions (convolution, pooling,
 * activation). Fast in-silico mutagenesis uses this to recompute only the outputs a change can reach: a change
 * over {@code changedWidth} input positions reaches at most {@link #outWidth} outputs, computed from an input
 * slice of {@link #inWidth} positions starting at {@link #inStart} (positions outside the sequence read as 0).
 */
interface LocalStep extends Step {

    /** Number of output positions for an input of {@code inLength} positions. */
    int outLength(int inLength);

    /** Width of the output window a change of {@code changedWidth} inputs can reach (≤ outLength). */
    int outWidth(int changedWidth, int outLength);

    /** First output position of that window for a change starting at {@code changedStart}, kept inside [0, outLength). */
    int outStart(int changedStart, int width, int outLength);

    /** First input position (may be negative, i.e. padding) feeding output {@code outStart}. */
    int inStart(int outStart);

    /** Input positions feeding {@code outWidth} consecutive outputs. */
    int inWidth(int outWidth);

    /** The outputs for input slices [k, channels, inWidth(w)] → [k, outChannels, w]. */
    INDArray forwardSlices(INDArray slices);

    static int clamp(int start, int width, int length) {
        return Math.max(0, Math.min(start, length - width));
    }
}
