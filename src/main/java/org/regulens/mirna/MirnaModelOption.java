package org.regulens.mirna;

import java.nio.file.Path;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import picocli.CommandLine.Option;

/**
 * The {@code --model} of every command that uses a trained miRNA model (a picocli mixin), and loading it with the
 * encoding it was trained with, so that pairs are encoded exactly as in training and DNA models are refused.
 */
final class MirnaModelOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "Model (from mirna train).")
    Path file;

    /** A loaded model and its interaction-map encoding. */
    record Loaded(RegulensModel model, InteractionMap encoding) {

        /** A pair table whose target sites must have the model's length. */
        PairTable pairs(Path table, boolean needLabels) {
            return PairTable.read(table, needLabels, encoding.targetLength());
        }
    }

    Loaded load() {
        RegulensModel model = ModelFile.load(file);
        return new Loaded(model, MirnaModels.encoding(model, file));
    }
}
