package org.regulens.attribute;

/** One attribution method for one task of a model. */
public interface AttributionMethod {

    /**
     * Attributions for the first {@code n} one-hot rows of {@code x} (n × 4 × L floats); {@code rows} are their
     * indices in the data set, which seed every random draw, so results do not depend on batching or sharding.
     */
    Attribution attribute(float[] x, int n, long[] rows);

    /** Rows per batch the method handles without its working set exceeding a few hundred MB. */
    default int preferredBatch() {
        return 64;
    }
}
