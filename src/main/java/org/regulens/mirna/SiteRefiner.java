package org.regulens.mirna;

/**
 * Narrows a scanned site from its best window to the stretch of target the model's prediction rests on: integrated
 * gradients on the window's interaction map (from shuffled-target baselines), collapsed to target positions, and
 * the shortest stretch holding at least {@value #MASS} of the window's positive target importance.
 */
final class SiteRefiner {

    /** Share of the positive importance the core must hold. */
    static final double MASS = 0.5;

    private final InteractionMap encoding;
    private final MapAttributor attributor;
    private final MapBaselines baselines;

    SiteRefiner(InteractionMap encoding, MapAttributor attributor, MapBaselines baselines) {
        this.encoding = encoding;
        this.attributor = attributor;
        this.baselines = baselines;
    }

    /** The core [start, end) within a window of the target (0-based in the window); {@code row} seeds the baselines. */
    int[] refine(String mirna, String window, long row) {
        float[] map = encoding.encode(mirna, window);
        float[] base = new float[baselines.count() * encoding.size()];
        baselines.fill(mirna, window, row, attributor.function(), base, 0);
        float[] attribution = attributor.attribute(map, 1, base, baselines.count());
        float[] target = PairImportance.of(attribution, 0, InteractionMap.MIRNA_POSITIONS, encoding.targetLength()).target();
        return densest(target, MASS);
    }

    /**
     * The shortest [start, end) whose positive values sum to at least {@code fraction} of all positive values
     * (the leftmost on ties); the whole range when nothing is positive.
     */
    static int[] densest(float[] values, double fraction) {
        double total = 0;
        for (float v : values) {
            total += Math.max(0, v);
        }
        if (total == 0) {
            return new int[] {0, values.length};
        }
        double need = fraction * total;
        int[] best = {0, values.length};
        double sum = 0;
        int start = 0;
        for (int end = 0; end < values.length; end++) {
            sum += Math.max(0, values[end]);
            while (start < end && sum - Math.max(0, values[start]) >= need) {
                sum -= Math.max(0, values[start]);
                start++;
            }
            if (sum >= need && end + 1 - start < best[1] - best[0]) {
                best = new int[] {start, end + 1};
            }
        }
        return best;
    }
}
