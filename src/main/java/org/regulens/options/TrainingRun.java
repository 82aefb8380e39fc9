package org.regulens.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every training command shares about the run itself: its time limit and its per-epoch log. */
public final class TrainingRun {

    @Option(names = "--max-time", paramLabel = "DURATION", converter = TimeLimit.class,
            description = "Stop cleanly within this wall time (e.g. 90m, 2h, 1h30m, or seconds), keeping the best "
                    + "epoch. The best model so far is written after every improving epoch in any case (default: "
                    + "no limit).")
    Double maxTime;

    @Output
    @Option(names = "--log", paramLabel = "TSV",
            description = "Per-epoch log, rewritten after every epoch (default: the model path with .training.tsv "
                    + "instead of .zip).")
    Path log;

    /** The wall-time limit in seconds, or null for none. */
    public Double maxTime() {
        return maxTime;
    }

    /** The log given, or MODEL.training.tsv beside the model. */
    public Path logFile(Path model) {
        return log != null ? log : model.resolveSibling(model.getFileName().toString()
                .replaceFirst("\\.zip$", "") + ".training.tsv");
    }
}
