package org.regulens.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DATA.npz}: the data set a command reads (shared by the commands that need one). */
public final class DataInput {

    @Option(names = "--data", required = true, paramLabel = "DATA.npz", description = "Data set (from encode).")
    public Path path;
}
