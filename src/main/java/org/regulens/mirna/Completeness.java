package org.regulens.mirna;

import org.regulens.model.RegulensModel;

/**
 * How far one pair's integrated-gradients attribution accounts for its logit: the baselines' mean logit and mean
 * score (probability), and the gap Σ attribution − (logit − mean baseline logit), which is 0 for exact integrals and
 * shrinks with more steps.
 */
record Completeness(double attributionSum, double baselineLogit, double baselineScore, double logitMinusBaseline,
                    double gap) {

    /**
     * @param attribution the pair's attribution is {@code cells} floats from {@code offset}
     * @param baseLogits  the pair's {@code k} baseline logits are from {@code from}
     */
    static Completeness of(float[] attribution, int offset, int cells, double logit, float[] baseLogits, int from,
                           int k) {
        double sum = 0;
        for (int c = 0; c < cells; c++) {
            sum += attribution[offset + c];
        }
        double baseLogit = 0;
        double baseScore = 0;
        for (int r = 0; r < k; r++) {
            baseLogit += baseLogits[from + r] / k;
            baseScore += RegulensModel.sigmoid(baseLogits[from + r]) / k;
        }
        double delta = logit - baseLogit;
        return new Completeness(sum, baseLogit, baseScore, delta, sum - delta);
    }
}
