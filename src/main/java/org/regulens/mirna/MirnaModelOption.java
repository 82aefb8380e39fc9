package org.regulens.mirna;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import picocli.CommandLine.Option;

/**
 * The {@code --model} of every command that uses trained miRNA models (a picocli mixin): one model, or several
 * (seeds, architectures trained on the same pairs) used as their average, the mean of their logits. Loading keeps the
 * encoding the models were trained with, so that pairs are encoded exactly as in training, and refuses DNA models.
 */
final class MirnaModelOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip",
            description = "Model (from mirna train); repeat it to use the average of several models (the mean of "
                    + "their logits), e.g. models of different seeds or architectures trained on the same pairs.")
    List<Path> files;

    /**
     * Loaded models and the interaction-map encoding they share (one map per pair feeds them all).
     *
     * @param models the models in the order given
     */
    record Loaded(List<RegulensModel> models, InteractionMap encoding) {

        /** A pair table whose target sites must have the models' length. */
        PairTable pairs(Path table, boolean needLabels) {
            return PairTable.read(table, needLabels, encoding.targetLength());
        }

        /** The logit the commands score and explain: the models' mean logit (and its gradient). */
        MapFunction function() {
            return MapFunction.mean(models);
        }
    }

    Loaded load() {
        List<RegulensModel> models = new ArrayList<>();
        InteractionMap shared = null;
        for (Path file : files) {
            RegulensModel model = ModelFile.load(file);
            InteractionMap encoding = MirnaModels.encoding(model, file);
            if (shared == null) {
                shared = encoding;
            } else if (encoding.targetLength() != shared.targetLength() || encoding.wobble() != shared.wobble()) {
                throw RegulensException.inFile(file, "a model of " + encoding.targetLength() + "-nt target sites "
                        + "with G:U wobble " + encoding.wobble() + ", but " + files.get(0).getFileName() + " takes "
                        + shared.targetLength() + " nt with wobble " + shared.wobble()
                        + "; models averaged must share their encoding");
            }
            models.add(model);
        }
        return new Loaded(List.copyOf(models), shared);
    }
}
