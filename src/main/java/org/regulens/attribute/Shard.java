package org.regulens.attribute;

/**
 * Part {@code index} (1-based) of {@code count}: the rows, cut into units of {@code unit} rows (the batch size),
 * are dealt in contiguous runs of units, the first runs one unit larger. Aligning shards to batches means every
 * batch of a sharded run is a batch of the unsharded run, so merged shards equal it bit for bit (floating-point
 * sums depend on how rows are batched).
 */
public record Shard(int index, int count) {

    public static Shard parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, got '" + text + "'");
    }

    /** The rows of this shard from {@code rows} (kept in order). */
    public int[] select(int[] rows, int unit) {
        int units = (rows.length + unit - 1) / unit;
        int base = units / count;
        int extra = units % count;
        int first = (index - 1) * base + Math.min(index - 1, extra);
        int size = base + (index - 1 < extra ? 1 : 0);
        int from = Math.min(rows.length, first * unit);
        int to = Math.min(rows.length, (first + size) * unit);
        return java.util.Arrays.copyOfRange(rows, from, to);
    }
}
