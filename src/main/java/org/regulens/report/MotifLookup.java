package org.regulens.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;

/** Finds matched motifs by id in {@code --motif-db}; the database is read only when a logo needs it. */
final class MotifLookup {

    private final String spec;
    private Map<String, Motif> byId;

    MotifLookup(String spec) {
        this.spec = spec;
    }

    /** The motif with exactly this id, or null (a match against another database draws no logo). */
    Motif find(String id) {
        if (byId == null) {
            byId = new HashMap<>();
            List<Motif> motifs = MotifDatabase.resolve(spec);
            for (Motif m : motifs) {
                byId.putIfAbsent(m.id(), m);
            }
        }
        return byId.get(id);
    }
}
