package org.regulens.mirna;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.model.ModelFile;
import org.regulens.model.RegulensModel;
import picocli.CommandLine.Option;

/**
 * The repeatable {@code --model} of {@code mirna predict} and {@code mirna evaluate} (a picocli mixin): one model, or
 * several (seeds, architectures) whose logits are averaged. Each model encodes the pairs with the encoding it was
 * trained with; all must take target sites of the same length, since one table is read for all.
 */
final class MirnaEnsembleOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip",
            description = "Model (from mirna train); repeat it to average several models (the mean of their logits).")
    List<Path> files;

    /** The loaded models, in the order given, refusing DNA models and models of different target lengths. */
    List<MirnaModelOption.Loaded> load() {
        List<MirnaModelOption.Loaded> models = new ArrayList<>();
        for (Path file : files) {
            RegulensModel model = ModelFile.load(file);
            MirnaModelOption.Loaded loaded = new MirnaModelOption.Loaded(model, MirnaModels.encoding(model, file));
            if (!models.isEmpty() && loaded.encoding().targetLength() != models.get(0).encoding().targetLength()) {
                throw RegulensException.inFile(file, "a model of " + loaded.encoding().targetLength()
                        + "-nt target sites, but " + files.get(0).getFileName() + " takes "
                        + models.get(0).encoding().targetLength() + " nt; an average needs one length");
            }
            models.add(loaded);
        }
        return models;
    }

    /** One binding probability per row of {@code table}: the sigmoid of the models' mean logit. */
    static float[] scores(List<MirnaModelOption.Loaded> models, PairTable table, int batchSize, String label) {
        List<float[]> logits = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            MirnaModelOption.Loaded loaded = models.get(m);
            String progress = models.size() == 1 ? label : label + " (model " + (m + 1) + " of " + models.size() + ")";
            logits.add(PairScores.logits(loaded.model(), loaded.encoding(), table.size(),
                    row -> new String[] {table.mirna(row), table.target(row)}, batchSize, progress, "pairs"));
        }
        return RegulensModel.sigmoid(new float[][] {meanLogits(logits)})[0];
    }

    /** The element-wise mean of equally long logit vectors (in double, so the order of models does not matter). */
    static float[] meanLogits(List<float[]> logits) {
        float[] mean = new float[logits.get(0).length];
        for (int i = 0; i < mean.length; i++) {
            double sum = 0;
            for (float[] l : logits) {
                sum += l[i];
            }
            mean[i] = (float) (sum / logits.size());
        }
        return mean;
    }
}
