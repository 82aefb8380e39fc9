package org.regulens.gia;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.regulens.io.AtomicOutput;

/** Writes GIA rows as the documented TSV (one row per task and condition), atomically. */
public final class GiaTable {

    public static final String HEADER = "experiment\ttask\tcondition\tseries\tx\tn"
            + "\tmean_logit\tmedian_logit\tsd_logit\tci_low_logit\tci_high_logit"
            + "\tmean_prob\tmedian_prob\tsd_prob\tci_low_prob\tci_high_prob";

    private GiaTable() {
    }

    public static void write(Path file, String experiment, List<GlobalImportance.Row> rows) {
        try (AtomicOutput output = AtomicOutput.create(file); Writer writer = output.writer()) {
            writer.write(HEADER);
            writer.write('\n');
            for (GlobalImportance.Row row : rows) {
                StringBuilder line = new StringBuilder(experiment).append('\t').append(row.task()).append('\t')
                        .append(row.condition().label()).append('\t').append(row.condition().series()).append('\t')
                        .append(row.condition().x()).append('\t').append(row.logit().n());
                append(line, row.logit());
                append(line, row.probability());
                writer.write(line.append('\n').toString());
            }
            writer.close();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void append(StringBuilder line, EffectSummary s) {
        for (double v : new double[] {s.mean(), s.median(), s.sd(), s.ciLow(), s.ciHigh()}) {
            line.append('\t').append(String.format(Locale.ROOT, "%.6g", v));
        }
    }
}
