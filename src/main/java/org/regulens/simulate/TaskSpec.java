package org.regulens.simulate;

import java.util.ArrayList;
import java.util.List;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;

/**
 * A simulated task: its name and the motifs that make its peaks (or positive sequences). The first motif is the
 * task's primary motif, the others co-occurring partners. Parsed from {@code NAME=MOTIF[+MOTIF...]}, where a
 * motif is a JASPAR-style id or a unique motif name from the motif file.
 */
public record TaskSpec(String name, List<Motif> motifs) {

    public static TaskSpec parse(String text, List<Motif> database, String source) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--task must look like NAME=MOTIF_ID[+MOTIF_ID...], not '" + text + "'");
        }
        String name = text.substring(0, eq).trim();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("task name '" + name
                    + "' may only contain letters, digits, '_', '.' and '-' (it becomes a file name)");
        }
        List<Motif> motifs = new ArrayList<>();
        for (String id : text.substring(eq + 1).split("\\+")) {
            motifs.add(MotifDatabase.byId(database, id.trim(), source));
        }
        return new TaskSpec(name, List.copyOf(motifs));
    }

    public Motif primary() {
        return motifs.get(0);
    }

    public List<Motif> partners() {
        return motifs.subList(1, motifs.size());
    }
}
