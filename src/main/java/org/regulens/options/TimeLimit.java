package org.regulens.options;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A wall-clock limit such as {@code 90m}, {@code 2h}, {@code 1h30m}, {@code 45s} or a bare number of seconds, as
 * schedulers (SLURM, Nextflow's {@code time}) state them. Parsed to seconds.
 */
public final class TimeLimit implements CommandLine.ITypeConverter<Double> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(d|h|m|s)");

    @Override
    public Double convert(String value) {
        return seconds(value);
    }

    /** Seconds in a limit; a bare number is seconds. */
    public static double seconds(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+(\\.\\d+)?")) {
            return positive(Double.parseDouble(text), value);
        }
        Matcher m = PART.matcher(text);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).isBlank()) {
                throw invalid(value);
            }
            double amount = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "d" -> amount * 86400;
                case "h" -> amount * 3600;
                case "m" -> amount * 60;
                default -> amount;
            };
            end = m.end();
        }
        if (end == 0 || !text.substring(end).isBlank()) {
            throw invalid(value);
        }
        return positive(total, value);
    }

    private static double positive(double seconds, String value) {
        if (!(seconds > 0)) {
            throw invalid(value);
        }
        return seconds;
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a time limit: give seconds or a duration such as 45s, 90m, 2h or 1h30m");
    }
}
