package org.regulens.mirna;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the familiar duplex drawing: the target read 3'→5' on top, the miRNA 5'→3' below, the paired
 * stretch aligned (bulges as gaps), the unpaired 3' end of the target and 5' end of the miRNA right-aligned before
 * it and the remaining ends after it. Shared by the text and the SVG views.
 */
final class DuplexLayout {

    /** One drawn column: a target and a miRNA index (0-based, 5'→3'; -1 for none), the bond, gap marks. */
    record Cell(int target, int mirna, char bond, boolean gapTop, boolean gapBottom) {
    }

    private DuplexLayout() {
    }

    static List<Cell> of(Duplex duplex) {
        int targetLength = duplex.target().length();
        int mirnaLength = duplex.mirna().length();
        List<Cell> cells = new ArrayList<>();
        List<Duplex.Column> columns = duplex.columns();
        if (columns.isEmpty()) {
            for (int k = 0; k < Math.max(targetLength, mirnaLength); k++) {
                cells.add(new Cell(k < targetLength ? targetLength - 1 - k : -1, k < mirnaLength ? k : -1, ' ', false, false));
            }
            return cells;
        }
        int firstTarget = columns.get(0).target(); // the duplex opens with a pair: both set
        int firstMirna = columns.get(0).mirna();
        int topPrefix = targetLength - 1 - firstTarget;   // target nt 3' of the duplex
        int width = Math.max(topPrefix, firstMirna);
        for (int k = 0; k < width; k++) {
            int t = k - (width - topPrefix);
            int m = k - (width - firstMirna);
            cells.add(new Cell(t >= 0 ? targetLength - 1 - t : -1, m >= 0 ? m : -1, ' ', false, false));
        }
        for (Duplex.Column c : columns) {
            cells.add(new Cell(c.target(), c.mirna(), duplex.bond(c), c.target() < 0, c.mirna() < 0));
        }
        Duplex.Column last = columns.get(columns.size() - 1);
        int t = last.target() - 1;
        int m = last.mirna() + 1;
        while (t >= 0 || m < mirnaLength) {
            cells.add(new Cell(t >= 0 ? t : -1, m < mirnaLength ? m : -1, ' ', false, false));
            t--;
            m++;
        }
        return cells;
    }
}
