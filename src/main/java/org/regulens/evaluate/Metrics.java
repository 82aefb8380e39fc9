package org.regulens.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranking metrics for one task, with tied scores handled exactly: the area under the ROC curve (the Mann–Whitney
 * statistic with mid-ranks, i.e. the trapezoid over tied groups) and average precision (the step-wise area under
 * the precision-recall curve, Σ (R_k − R_{k−1}) P_k over distinct thresholds, as scikit-learn computes it).
 * Rows whose label is NaN are left out.
 */
public final class Metrics {

    /** One point of a curve at a score threshold (predicted positive when score >= threshold). */
    public record Point(double threshold, long truePositives, long falsePositives) {
    }

    private final long positives;
    private final long negatives;
    private final List<Point> points;
    private final double auroc;
    private final double averagePrecision;

    private Metrics(long positives, long negatives, List<Point> points, double auroc, double averagePrecision) {
        this.positives = positives;
        this.negatives = negatives;
        this.points = points;
        this.auroc = auroc;
        this.averagePrecision = averagePrecision;
    }

    public static Metrics of(float[] scores, float[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!Float.isNaN(labels[i])) {
                order[kept++] = i;
            }
        }
        Integer[] rows = Arrays.copyOf(order, kept);
        Arrays.sort(rows, (a, b) -> Float.compare(scores[b], scores[a]));
        long positives = 0;
        for (int i : rows) {
            if (labels[i] > 0.5f) {
                positives++;
            }
        }
        long negatives = kept - positives;
        List<Point> points = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        double area = 0;
        double ap = 0;
        for (int k = 0; k < rows.length; ) {
            float threshold = scores[rows[k]];
            long groupTp = 0;
            long groupFp = 0;
            while (k < rows.length && scores[rows[k]] == threshold) {
                if (labels[rows[k]] > 0.5f) {
                    groupTp++;
                } else {
                    groupFp++;
                }
                k++;
            }
            // ROC: trapezoid over the tied group (counts half of the tied positive/negative pairs)
            area += groupFp * (tp + groupTp / 2.0);
            tp += groupTp;
            fp += groupFp;
            if (positives > 0 && groupTp > 0) {
                ap += (double) groupTp / positives * ((double) tp / (tp + fp));
            }
            points.add(new Point(threshold, tp, fp));
        }
        double auroc = positives == 0 || negatives == 0 ? Double.NaN : area / ((double) positives * negatives);
        double averagePrecision = positives == 0 ? Double.NaN : ap;
        return new Metrics(positives, negatives, points, auroc, averagePrecision);
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    public double auroc() {
        return auroc;
    }

    public double auprc() {
        return averagePrecision;
    }

    /** Points at every distinct score, from the highest threshold down. */
    public List<Point> points() {
        return points;
    }
}
