package org.regulens.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.regulens.core.RegulensException;
import org.regulens.io.LineReader;
import org.regulens.motif.Background;

/**
 * The null model of {@code scan --background}: {@code motif} (the motif file's declared background, uniform
 * for JASPAR and TRANSFAC), {@code uniform}, four frequencies {@code A,C,G,T}, or a MEME background file
 * ({@code fasta-get-markov} output: lines "A 0.29"; '#' comments; higher-order lines such as "AA 0.09" are
 * ignored, since the null model is order 0). Frequencies are normalised to sum to 1.
 */
final class ScanBackground {

    private static final Pattern FOUR_NUMBERS = Pattern.compile("\\s*[-+0-9.eE]+(\\s*,\\s*[-+0-9.eE]+){3}\\s*");

    private ScanBackground() {
    }

    /**
     * @throws IllegalArgumentException for a malformed option value (a usage error)
     * @throws RegulensException        for a background file that cannot be read or parsed
     */
    static double[] resolve(String spec, double[] motifFileBackground) {
        if (spec.equalsIgnoreCase("motif")) {
            return normalised(motifFileBackground);
        }
        if (spec.equalsIgnoreCase("uniform")) {
            return Background.uniform();
        }
        if (FOUR_NUMBERS.matcher(spec).matches() && !Files.exists(Path.of(spec))) {
            String[] parts = spec.split(",");
            double[] f = new double[4];
            for (int b = 0; b < 4; b++) {
                try {
                    f[b] = Double.parseDouble(parts[b].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--background: '" + parts[b].strip() + "' is not a number");
                }
            }
            return normalised(Background.require(f));
        }
        return readFile(Path.of(spec));
    }

    /** Averages each base with its complement, so that both strands of a sequence have one null model. */
    static double[] symmetric(double[] background) {
        double at = (background[0] + background[3]) / 2;
        double cg = (background[1] + background[2]) / 2;
        return new double[] {at, cg, cg, at};
    }

    static double[] readFile(Path file) {
        double[] f = {-1, -1, -1, -1};
        try (LineReader lines = new LineReader(file)) {
            String line;
            while ((line = lines.next()) != null) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] tokens = text.split("\\s+");
                if (tokens.length < 2) {
                    throw lines.error("expected a letter and its frequency, e.g. 'A 0.3'");
                }
                if (tokens[0].length() != 1) {
                    continue; // a higher-order (Markov) entry
                }
                int b = "ACGT".indexOf(Character.toUpperCase(tokens[0].charAt(0)));
                if (b < 0) {
                    throw lines.error("unknown letter '" + tokens[0] + "'; expected A, C, G or T");
                }
                double value;
                try {
                    value = Double.parseDouble(tokens[1]);
                } catch (NumberFormatException e) {
                    throw lines.error("frequency '" + tokens[1] + "' is not a number");
                }
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw lines.error("frequency of " + tokens[0] + " must be positive");
                }
                f[b] = value;
            }
        }
        for (int b = 0; b < 4; b++) {
            if (f[b] < 0) {
                throw RegulensException.inFile(file, "no frequency for " + "ACGT".charAt(b)
                        + " (expected a MEME background file with lines such as 'A 0.3')");
            }
        }
        try {
            return normalised(Background.require(f));
        } catch (IllegalArgumentException e) {
            throw RegulensException.inFile(file, e.getMessage());
        }
    }

    private static double[] normalised(double[] f) {
        double sum = f[0] + f[1] + f[2] + f[3];
        return new double[] {f[0] / sum, f[1] / sum, f[2] / sum, f[3] / sum};
    }
}
