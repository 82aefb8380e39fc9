package org.regulens.mirna;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How {@code mirna explain} attributes a prediction to the cells of an interaction map. */
public enum MapMethod {
    /** Gradients averaged along the straight path from the empty map (no pairing) to the pair's map, times the map. */
    INTEGRATED_GRADIENTS("integrated-gradients"),
    /** The gradient at the pair's map times the map: one backward pass, a local linear view. */
    GRADIENT_X_INPUT("grad-input"),
    /** Each pairing cell set to 0 in turn: the drop in the logit (one forward pass per pairing cell). */
    OCCLUSION("occlusion");

    private final String label;

    MapMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MapMethod of(String label) {
        for (MapMethod m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + label + "'; choose " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(MapMethod::label).collect(Collectors.joining(", "));
    }
}
