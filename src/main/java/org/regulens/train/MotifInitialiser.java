package org.regulens.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.regulens.core.Log;
import org.regulens.motif.Background;
import org.regulens.motif.Motif;

/**
 * Sets first-layer filters to known motifs (log-odds in bits, pseudocount 0.5 spread by the uniform background,
 * centred in the filter and cut to its width), one motif per filter, and can hold them fixed during training.
 */
final class MotifInitialiser {

    private final INDArray weights; // [filters, 4, width] view of the first convolution's weights
    private final List<INDArray> frozen = new ArrayList<>();
    private final int count;

    /** @param convWeights the first convolution's weight array ([F, 4, 1, w] or [F, 4, w, 1]) */
    MotifInitialiser(INDArray convWeights, List<Motif> motifs, boolean freeze) {
        long filters = convWeights.size(0);
        long width = convWeights.length() / (filters * 4);
        this.weights = convWeights.reshape('c', new long[] {filters, 4, width});
        this.count = (int) Math.min(filters, motifs.size());
        if (motifs.size() > filters) {
            Log.warn("%d motifs for %d first-layer filters: the first %d are used", motifs.size(), filters, filters);
        }
        for (int f = 0; f < count; f++) {
            double[][] logOdds = motifs.get(f).logOdds(0.5, Background.uniform());
            INDArray filter = weights.get(NDArrayIndex.point(f), NDArrayIndex.all(), NDArrayIndex.all());
            filter.assign(0);
            int w = logOdds.length;
            // centre the motif in the filter (cutting its ends if it is wider)
            int offset = (int) ((width - w) / 2);
            for (int j = 0; j < w; j++) {
                int column = offset + j;
                if (column >= 0 && column < width) {
                    for (int b = 0; b < 4; b++) {
                        filter.putScalar(new long[] {b, column}, logOdds[j][b]);
                    }
                }
            }
            if (freeze) {
                frozen.add(filter.dup());
            }
        }
        Log.info("first-layer filters 1-%d set from motifs%s", count, freeze ? " and frozen" : "");
    }

    int count() {
        return count;
    }

    /** Puts frozen filters back after an update (optimisers move every parameter they see). */
    void restoreFrozen() {
        for (int f = 0; f < frozen.size(); f++) {
            weights.get(NDArrayIndex.point(f), NDArrayIndex.all(), NDArrayIndex.all()).assign(frozen.get(f));
        }
    }
}
