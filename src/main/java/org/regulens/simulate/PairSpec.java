package org.regulens.simulate;

import java.util.List;
import org.regulens.motif.Motif;
import org.regulens.motif.MotifDatabase;

/**
 * A cooperative-pair task of sequences mode: positives carry motif {@code first} then motif {@code second}
 * {@code gap} bases after its end, each on the strand its orientation sign gives; negatives carry neither, one of
 * the two alone, or both at another gap. Parsed from {@code NAME=A+B@GAP[/OO]}, OO one of {@code ++ +- -+ --} (default ++).
 */
public record PairSpec(String name, Motif first, Motif second, int gap, String orientation) {

    public static final List<String> ORIENTATIONS = List.of("++", "+-", "-+", "--");

    public static PairSpec parse(String text, List<Motif> database, String source) {
        String usage = "--pair must look like NAME=A+B@GAP[/ORIENTATION] (e.g. coop=MA0139.2+MA0138.3@20/+-), not '"
                + text + "'";
        int eq = text.indexOf('=');
        int at = text.lastIndexOf('@');
        if (eq <= 0 || at < eq) {
            throw new IllegalArgumentException(usage);
        }
        String name = text.substring(0, eq).trim();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("task name '" + name
                    + "' may only contain letters, digits, '_', '.' and '-' (it becomes a file name)");
        }
        String[] motifs = text.substring(eq + 1, at).split("\\+");
        if (motifs.length != 2) {
            throw new IllegalArgumentException(usage);
        }
        String tail = text.substring(at + 1).trim();
        String orientation = "++";
        int slash = tail.indexOf('/');
        if (slash >= 0) {
            orientation = tail.substring(slash + 1).trim();
            tail = tail.substring(0, slash).trim();
        }
        if (!ORIENTATIONS.contains(orientation)) {
            throw new IllegalArgumentException("--pair orientation must be one of " + ORIENTATIONS + ", not '"
                    + orientation + "'");
        }
        int gap;
        try {
            gap = Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
        if (gap < 0) {
            throw new IllegalArgumentException("--pair gap must be >= 0, not " + gap);
        }
        return new PairSpec(name, MotifDatabase.byId(database, motifs[0].trim(), source),
                MotifDatabase.byId(database, motifs[1].trim(), source), gap, orientation);
    }

    /** Bases from the first motif's start to the second's end at this gap. */
    public int span(int atGap) {
        return first.width() + atGap + second.width();
    }

    /** The largest gap a negative's "both at another gap" arrangement uses: twice the true gap plus 10. */
    public int maxNegativeGap() {
        return 2 * gap + 10;
    }

    /** As a task (name and its two motifs) for the label columns. */
    public TaskSpec asTask() {
        return new TaskSpec(name, List.of(first, second));
    }
}
