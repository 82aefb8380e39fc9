package org.regulens.motif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the motifs of one file in order and refuses a second motif with an id already seen: later stages
 * (scanning, reports, lookups by id) rely on ids being unique.
 */
final class MotifCollector {

    private final MotifText text;
    private final List<Motif> motifs = new ArrayList<>();
    private final Map<String, Integer> firstLine = new HashMap<>();

    MotifCollector(MotifText text) {
        this.text = text;
    }

    /** Adds a motif whose record starts at line {@code index} (0-based). */
    void add(Motif motif, int index) {
        Integer earlier = firstLine.putIfAbsent(motif.id(), index);
        if (earlier != null) {
            throw text.error(index, "duplicate motif id " + motif.id() + " (first at line " + (earlier + 1) + ")");
        }
        motifs.add(motif);
    }

    List<Motif> motifs() {
        return motifs;
    }
}
