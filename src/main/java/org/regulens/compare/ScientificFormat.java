package org.regulens.compare;

import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, "%.Ne", value)} without a Formatter per number: the same characters, appended
 * to a StringBuilder. Java rounds the shortest decimal form of the double half up; the value scaled to N + 1
 * integer digits and rounded to nearest agrees with that whenever it is not within a hair of a half, and the few
 * values that are (and zeros' signs, NaN, infinities and magnitudes near the ends of the double range) go to
 * String.format itself.
 */
final class ScientificFormat {

    private static final double[] POWERS_OF_TEN = new double[23];
    /** How close to a half the scaled value may come before String.format decides (its rounding is subtle there). */
    private static final double NEAR_HALF = 1e-6;

    static {
        double power = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = power; // exact: 10^22 is the largest power of ten a double holds exactly
            power *= 10;
        }
    }

    private final int digits;
    private final long smallest;
    private final long tooLarge;
    private final String pattern;

    /** @param fractionDigits digits after the point, 1 to 6 (beyond that a double's rounding error nears the margin) */
    ScientificFormat(int fractionDigits) {
        if (fractionDigits < 1 || fractionDigits > 6) {
            throw new IllegalArgumentException("fraction digits must be 1 to 6, got " + fractionDigits);
        }
        digits = fractionDigits;
        smallest = (long) POWERS_OF_TEN[fractionDigits];
        tooLarge = smallest * 10;
        pattern = "%." + fractionDigits + "e";
    }

    /** Appends the value as {@code String.format(Locale.ROOT, "%.<fractionDigits>e", value)} would write it. */
    void append(StringBuilder out, double value) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-290 && magnitude <= 1e290)) {
            out.append(String.format(Locale.ROOT, pattern, value)); // 0, NaN, infinities, range ends
            return;
        }
        int exponent = (int) Math.floor(Math.log10(magnitude));
        long mantissa = -1;
        for (int attempt = 0; attempt < 3 && mantissa < 0; attempt++) {
            double scaled = scale(magnitude, digits - exponent);
            double floor = Math.floor(scaled);
            double fraction = scaled - floor;
            if (Math.abs(fraction - 0.5) < NEAR_HALF) {
                out.append(String.format(Locale.ROOT, pattern, value));
                return;
            }
            long rounded = (long) floor + (fraction > 0.5 ? 1 : 0);
            if (rounded >= tooLarge) {
                if (floor >= tooLarge) {
                    exponent++; // log10 undershot
                    continue;
                }
                rounded /= 10; // 9.9996 rounds up to 10.000: one digit fewer, exponent up
                exponent++;
            } else if (rounded < smallest) {
                exponent--; // log10 overshot
                continue;
            }
            mantissa = rounded;
        }
        if (mantissa < 0) {
            out.append(String.format(Locale.ROOT, pattern, value));
            return;
        }
        if (value < 0) {
            out.append('-');
        }
        String text = Long.toString(mantissa);
        out.append(text.charAt(0)).append('.').append(text, 1, text.length()).append('e');
        out.append(exponent < 0 ? '-' : '+');
        int absolute = Math.abs(exponent);
        if (absolute < 10) {
            out.append('0');
        }
        out.append(absolute);
    }

    /** magnitude × 10^power, with one rounding when the power of ten is exact. */
    private static double scale(double magnitude, int power) {
        if (power >= 0) {
            return power < POWERS_OF_TEN.length ? magnitude * POWERS_OF_TEN[power] : magnitude * Math.pow(10, power);
        }
        return -power < POWERS_OF_TEN.length ? magnitude / POWERS_OF_TEN[-power] : magnitude * Math.pow(10, power);
    }
}
