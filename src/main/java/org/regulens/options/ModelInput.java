package org.regulens.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model MODEL.zip}: the trained model a command reads (shared by the commands that need one). */
public final class ModelInput {

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "Model file (from train).")
    public Path path;
}
