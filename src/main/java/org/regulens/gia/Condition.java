package org.regulens.gia;

import java.util.function.BiFunction;

/**
 * One condition of an experiment: its label ({@code pos=95}, {@code ++ gap=20}), the curve it belongs to (the
 * motif, or the orientation), its x value (position or gap) and how it turns background sample i into the
 * embedded sequence.
 */
public record Condition(String label, String series, int x, BiFunction<Integer, byte[], byte[]> embed) {
}
