package org.regulens.attribute;

/** Part {@code index} (1-based) of {@code count}: rows are dealt in contiguous blocks, the first ones one larger. */
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
    public int[] select(int[] rows) {
        int base = rows.length / count;
        int extra = rows.length % count;
        int from = (index - 1) * base + Math.min(index - 1, extra);
        int size = base + (index - 1 < extra ? 1 : 0);
        return java.util.Arrays.copyOfRange(rows, from, from + size);
    }
}
