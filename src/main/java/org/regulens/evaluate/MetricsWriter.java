package org.regulens.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.regulens.io.AtomicOutput;

/**
 * Writes ranking metrics as {@code evaluate} does, for every command that scores labelled rows: METRICS.tsv
 * ({@code task auroc auprc n_pos n_neg split}, one row per task) and, beside it, METRICS.roc.tsv
 * ({@code task threshold fpr tpr}, starting at the point {@code inf 0 0}) and METRICS.pr.tsv
 * ({@code task threshold recall precision}), one point per distinct score. The report's performance section reads
 * these three files. All three are written atomically: a failure leaves none of them.
 */
public final class MetricsWriter {

    private MetricsWriter() {
    }

    /** The ROC curve file beside a metrics table: METRICS.roc.tsv for METRICS.tsv. */
    public static Path rocFile(Path metrics) {
        return metrics.resolveSibling(stem(metrics) + ".roc.tsv");
    }

    /** The precision-recall curve file beside a metrics table: METRICS.pr.tsv for METRICS.tsv. */
    public static Path prFile(Path metrics) {
        return metrics.resolveSibling(stem(metrics) + ".pr.tsv");
    }

    private static String stem(Path metrics) {
        return metrics.getFileName().toString().replaceFirst("\\.tsv$", "");
    }

    /**
     * @param out     the metrics table; the curves go beside it
     * @param split   the value of the {@code split} column: which rows were scored
     * @param tasks   task names, one per metrics entry
     * @param metrics each task's metrics
     */
    public static void write(Path out, String split, List<String> tasks, List<Metrics> metrics) {
        if (tasks.size() != metrics.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks but " + metrics.size() + " metrics");
        }
        try (AtomicOutput table = AtomicOutput.create(out);
             AtomicOutput rocOut = AtomicOutput.create(rocFile(out));
             AtomicOutput prOut = AtomicOutput.create(prFile(out))) {
            try (Writer w = table.writer(); Writer r = rocOut.writer(); Writer p = prOut.writer()) {
                w.write("task\tauroc\tauprc\tn_pos\tn_neg\tsplit\n");
                r.write("task\tthreshold\tfpr\ttpr\n");
                p.write("task\tthreshold\trecall\tprecision\n");
                for (int t = 0; t < tasks.size(); t++) {
                    Metrics m = metrics.get(t);
                    w.write(String.format(Locale.ROOT, "%s\t%.6f\t%.6f\t%d\t%d\t%s%n", tasks.get(t), m.auroc(),
                            m.auprc(), m.positives(), m.negatives(), split));
                    r.write(String.format(Locale.ROOT, "%s\tinf\t0\t0%n", tasks.get(t)));
                    for (Metrics.Point point : m.points()) {
                        r.write(String.format(Locale.ROOT, "%s\t%.6g\t%.6f\t%.6f%n", tasks.get(t), point.threshold(),
                                ratio(point.falsePositives(), m.negatives()), ratio(point.truePositives(), m.positives())));
                        p.write(String.format(Locale.ROOT, "%s\t%.6g\t%.6f\t%.6f%n", tasks.get(t), point.threshold(),
                                ratio(point.truePositives(), m.positives()),
                                ratio(point.truePositives(), point.truePositives() + point.falsePositives())));
                    }
                }
            }
            table.commit();
            rocOut.commit();
            prOut.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
