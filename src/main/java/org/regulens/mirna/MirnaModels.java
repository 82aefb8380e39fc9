package org.regulens.mirna;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regulens.core.RegulensException;
import org.regulens.model.Architecture;
import org.regulens.model.RegulensModel;

/**
 * How a miRNA model records its input in the model file's metadata ({@code "input": "interaction-map"} and the
 * {@code "encoding"}), so that prediction encodes pairs exactly as training did.
 */
public final class MirnaModels {

    static final String INPUT = "interaction-map";

    private MirnaModels() {
    }

    /** The short architecture names of {@code mirna train --arch} mapped to the model zoo's. */
    public static Architecture architecture(String shortName) {
        return switch (shortName) {
            case "resnet" -> Architecture.MIRNA_RESNET;
            case "cnn" -> Architecture.MIRNA_CNN;
            default -> throw new IllegalArgumentException("unknown architecture '" + shortName
                    + "'; choose resnet or cnn");
        };
    }

    static void describe(RegulensModel model, InteractionMap encoding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mirna_positions", InteractionMap.MIRNA_POSITIONS);
        map.put("mirna_orientation", "5'->3' (rows)");
        map.put("target_length", encoding.targetLength());
        map.put("target_orientation", "3'->5' (columns)");
        map.put("watson_crick", InteractionMap.WATSON_CRICK);
        map.put("wobble", encoding.wobble());
        map.put("longer_mirnas", "truncated to the first " + InteractionMap.MIRNA_POSITIONS + " nt");
        model.putMetadata("input", INPUT);
        model.putMetadata("encoding", map);
    }

    /** The encoding a model was trained with; refuses models of DNA. */
    @SuppressWarnings("unchecked")
    static InteractionMap encoding(RegulensModel model, Path file) {
        Object encoding = model.metadata().get("encoding");
        if (model.architecture().takesOneHot() || !INPUT.equals(model.metadata().get("input"))
                || !(encoding instanceof Map)) {
            throw RegulensException.inFile(file, "a " + model.settings().arch() + " model of DNA, not of "
                    + "miRNA:target pairs (use 'regulens predict')");
        }
        Number wobble = (Number) ((Map<String, Object>) encoding).get("wobble");
        return new InteractionMap(wobble.floatValue(), model.length());
    }
}
