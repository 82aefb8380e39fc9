package org.regulens.model;

/**
 * What a network is built from, all stored in the model file.
 *
 * @param arch           architecture name (see {@link Architecture})
 * @param firstActivation "relu" or "exp" for the first convolution
 * @param filters        first-layer filters, or 0 for the architecture's default
 * @param filterWidth    first-layer filter width, or 0 for the default
 * @param dropout        dropout rate for every dropout layer, or a negative value for the architecture's defaults
 *                       (0 turns dropout off)
 * @param batchNorm      whether batch normalisation layers are used
 * @param reverseComplement "none"; "average": predictions are averaged over both strands; or "equivariant":
 *                       convolution filters come in tied reverse-complement pairs and the head is strand-symmetric,
 *                       so the network itself scores both strands alike (see {@link org.regulens.nn.RcConvolution})
 * @param learningRate   Adam's initial learning rate
 * @param l2             L2 weight decay
 * @param seed           seed of the weight initialisation (and of training)
 */
public record ModelSettings(String arch, String firstActivation, int filters, int filterWidth, double dropout,
                            boolean batchNorm, String reverseComplement, double learningRate, double l2, long seed) {

    /** The same settings with another learning rate. */
    public ModelSettings withLearningRate(double rate) {
        return new ModelSettings(arch, firstActivation, filters, filterWidth, dropout, batchNorm, reverseComplement, rate,
                l2, seed);
    }

    public boolean exponential() {
        return "exp".equals(firstActivation);
    }

    public boolean averagesStrands() {
        return "average".equals(reverseComplement);
    }

    /** True for reverse-complement parameter sharing (tied filter pairs, an invariant network). */
    public boolean equivariant() {
        return "equivariant".equals(reverseComplement);
    }

    /** The dropout rate to use where the architecture's default is {@code fallback}. */
    double dropout(double fallback) {
        return dropout < 0 ? fallback : dropout;
    }

    int filters(int fallback) {
        return filters > 0 ? filters : fallback;
    }

    int filterWidth(int fallback) {
        return filterWidth > 0 ? filterWidth : fallback;
    }
}
