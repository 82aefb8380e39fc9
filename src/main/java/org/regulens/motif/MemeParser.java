package org.regulens.motif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MEME text: the minimal motif format and the full text output of MEME, STREME and tools that write
 * MEME files (tfmodisco, Tomtom's databases, our own {@link MemeWriter}). Only what a position matrix needs is
 * read: the alphabet (DNA only), the background, each {@code MOTIF id [name]} line and the
 * {@code letter-probability matrix:} that follows it. Everything else (URL lines, log-odds matrices, site lists)
 * is skipped. A matrix without {@code nsites=} gets {@link Motif#DEFAULT_NSITES} sites.
 */
final class MemeParser {

    private static final String BACKGROUND = "Background letter frequencies";
    private static final String MATRIX = "letter-probability matrix:";
    private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)\\s*=\\s*(\\S+)");
    /** Rows are rounded (often to 6 decimals, sometimes to 3), so their sums are only close to 1. */
    private static final double ROW_SUM_TOLERANCE = 0.01;

    private final MotifText text;
    private final MotifCollector collector;
    private double[] background;
    private int motifLine = -1;
    private String motifId;
    private String motifName;
    /** The first non-blank line that is neither part of the header nor of a motif, or -1. */
    private int strayLine = -1;

    private MemeParser(MotifText text) {
        this.text = text;
        this.collector = new MotifCollector(text);
    }

    static MotifFile parse(MotifText text) {
        return new MemeParser(text).parseAll();
    }

    /**
     * Like {@link #parse(MotifText)}, and a file without any MOTIF must be a clean header: each non-blank line the
     * version, ALPHABET, strands, background or a '#' comment. A file with anything else and no motif is garbled (or
     * not MEME) and an error here.
     */
    static MotifFile parseAllowingNoMotifs(MotifText text) {
        MemeParser parser = new MemeParser(text);
        MotifFile file = parser.parseAll();
        if (file.motifs().isEmpty() && parser.strayLine >= 0) {
            throw text.error(parser.strayLine, "no MOTIF in the file, and this line is not part of a MEME header: '"
                    + abbreviated(text.line(parser.strayLine).strip()) + "'");
        }
        return file;
    }

    private static String abbreviated(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }

    private MotifFile parseAll() {
        for (int i = 0; i < text.size(); i++) {
            String line = text.line(i).strip();
            if (line.startsWith("ALPHABET=")) {
                checkAlphabet(line.substring("ALPHABET=".length()).strip(), i);
            } else if (line.startsWith("ALPHABET")) {
                i = readAlphabetBlock(i);
            } else if (line.startsWith(BACKGROUND)) {
                i = readBackground(i);
            } else if (line.startsWith("MOTIF") && (line.length() == 5 || Character.isWhitespace(line.charAt(5)))) {
                startMotif(line, i);
            } else if (line.startsWith(MATRIX)) {
                i = readMatrix(line.substring(MATRIX.length()), i);
            } else if (strayLine < 0 && motifLine < 0 && !isHeaderLine(line)) {
                strayLine = i;
            }
        }
        if (motifId != null) {
            throw text.error(motifLine, "MOTIF " + motifId + " has no letter-probability matrix");
        }
        return new MotifFile(collector.motifs(), background == null ? Background.uniform() : background, MotifFormat.MEME);
    }

    /** A line of the header other than ALPHABET and background (read above), or blank. */
    private static boolean isHeaderLine(String line) {
        return line.isEmpty() || line.startsWith("MEME version") || line.startsWith("strands:") || line.startsWith("#");
    }

    private void checkAlphabet(String letters, int index) {
        if (!letters.replaceAll("\\s", "").equalsIgnoreCase("ACGT")) {
            throw text.error(index, "only DNA motifs are supported (ALPHABET= ACGT), found ALPHABET= " + letters);
        }
    }

    /** A custom alphabet definition, ALPHABET ... END ALPHABET: accepted if its core symbols are A, C, G, T. */
    private int readAlphabetBlock(int start) {
        Set<String> core = new HashSet<>();
        for (int i = start + 1; i < text.size(); i++) {
            String line = text.line(i).strip();
            if (line.startsWith("END ALPHABET")) {
                if (!core.equals(Set.of("A", "C", "G", "T"))) {
                    throw text.error(start, "only DNA motifs are supported (core symbols A, C, G, T), found " + core);
                }
                return i;
            }
            // "A "Adenine" CC0000 ~ T "Thymine" 008000" defines core symbols; lines with '=' define ambiguity codes
            if (!line.contains("=")) {
                for (String token : MotifText.tokens(line)) {
                    if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
                        core.add(token.toUpperCase());
                    }
                }
            }
        }
        throw text.error(start, "ALPHABET definition without END ALPHABET");
    }

    private int readBackground(int start) {
        String rest = text.line(start).strip().substring(BACKGROUND.length()).replaceAll("\\(.*\\)", "").replace(":", "");
        StringBuilder tokens = new StringBuilder(rest);
        int i = start;
        while (MotifText.tokens(tokens.toString()).length < 8) {
            i++;
            if (i >= text.size() || text.line(i).strip().startsWith("MOTIF")) {
                throw text.error(start, "background needs a frequency for each of A, C, G and T");
            }
            tokens.append(' ').append(text.line(i));
        }
        String[] pairs = MotifText.tokens(tokens.toString());
        if (pairs.length != 8) {
            throw text.error(i, "background needs exactly 4 letter-frequency pairs (A, C, G, T), found " + pairs.length + " tokens");
        }
        double[] frequencies = new double[4];
        boolean[] seen = new boolean[4];
        for (int k = 0; k < 8; k += 2) {
            int base = pairs[k].length() == 1 ? "ACGT".indexOf(Character.toUpperCase(pairs[k].charAt(0))) : -1;
            if (base < 0 || seen[base]) {
                throw text.error(i, "background letters must be A, C, G and T once each, found '" + pairs[k] + "'");
            }
            seen[base] = true;
            frequencies[base] = text.entry(pairs[k + 1], i);
        }
        double sum = frequencies[0] + frequencies[1] + frequencies[2] + frequencies[3];
        for (double f : frequencies) {
            if (f <= 0) {
                throw text.error(i, "background frequencies must be positive");
            }
        }
        if (Math.abs(sum - 1) > Background.SUM_TOLERANCE) {
            throw text.error(i, "background frequencies sum to " + sum + ", not 1");
        }
        for (int b = 0; b < 4; b++) {
            frequencies[b] /= sum; // rounded files sum to 0.999 or 1.001
        }
        background = frequencies;
        return i;
    }

    private void startMotif(String line, int index) {
        if (motifId != null) {
            throw text.error(motifLine, "MOTIF " + motifId + " has no letter-probability matrix");
        }
        String[] tokens = MotifText.tokens(line);
        if (tokens.length < 2) {
            throw text.error(index, "MOTIF line has no motif id");
        }
        motifLine = index;
        motifId = tokens[1];
        // full MEME output reads "MOTIF id alt width = 10 ..."; old versions "MOTIF 1 width = 10": no name there
        boolean hasName = tokens.length > 2 && !tokens[2].contains("=") && (tokens.length == 3 || !tokens[3].startsWith("="));
        motifName = hasName ? tokens[2] : "";
    }

    private int readMatrix(String settings, int header) {
        if (motifId == null) {
            throw text.error(header, "letter-probability matrix without a MOTIF line before it");
        }
        Integer alength = null;
        Integer width = null;
        double nsites = Motif.DEFAULT_NSITES;
        Matcher m = KEY_VALUE.matcher(settings);
        while (m.find()) {
            switch (m.group(1)) {
                case "alength" -> alength = wholeNumber(m.group(2), "alength", header);
                case "w" -> width = wholeNumber(m.group(2), "w", header);
                case "nsites" -> {
                    double declared = text.entry(m.group(2), header);
                    // some writers put nsites= 0; a positive count is needed to keep the matrix as counts
                    nsites = declared > 0 ? declared : Motif.DEFAULT_NSITES;
                }
                default -> {
                    // E= and anything else does not change the matrix
                }
            }
        }
        if (alength != null && alength != 4) {
            throw text.error(header, "alength= " + alength + ": only DNA motifs (alength= 4) are supported");
        }
        if (width != null && width == 0) {
            throw text.error(header, "motif " + motifId + " has a matrix of zero width (w= 0)");
        }
        List<double[]> rows = new ArrayList<>();
        int i = skipBlank(header + 1);
        while (i < text.size() && startsWithNumber(text.line(i)) && (width == null || rows.size() < width)) {
            rows.add(probabilityRow(i));
            // with w= known, blank lines inside the matrix are harmless; without it, one ends the matrix
            i = width == null ? i + 1 : skipBlank(i + 1);
        }
        if (width != null && rows.size() < width) {
            throw text.error(i < text.size() ? i : header, "motif " + motifId + " has " + rows.size()
                    + " matrix rows, expected w= " + width);
        }
        if (rows.isEmpty()) {
            throw text.error(header, "motif " + motifId + " has a matrix of zero width");
        }
        if (width != null && i < text.size() && startsWithNumber(text.line(i))) {
            throw text.error(i, "motif " + motifId + " has more matrix rows than w= " + width);
        }
        collector.add(Motif.fromProbabilities(motifId, motifName, rows.toArray(new double[0][]), nsites), motifLine);
        motifId = null;
        return i - 1;
    }

    private int skipBlank(int index) {
        int i = index;
        while (i < text.size() && text.isBlank(i)) {
            i++;
        }
        return i;
    }

    private double[] probabilityRow(int index) {
        String[] tokens = MotifText.tokens(text.line(index));
        if (tokens.length != 4) {
            throw text.error(index, "row has " + tokens.length + " values, expected 4 (A, C, G, T)");
        }
        double[] row = new double[4];
        double sum = 0;
        for (int b = 0; b < 4; b++) {
            row[b] = text.entry(tokens[b], index);
            sum += row[b];
        }
        if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
            throw text.error(index, "probabilities sum to " + sum + "; each letter-probability row must sum to 1");
        }
        return row;
    }

    private static boolean startsWithNumber(String line) {
        String[] tokens = MotifText.tokens(line);
        return tokens.length > 0 && MotifText.isNumber(tokens[0]);
    }

    private int wholeNumber(String token, String key, int index) {
        if (!token.matches("\\d{1,9}")) {
            throw text.error(index, key + "= '" + token + "' is not a whole number");
        }
        return Integer.parseInt(token);
    }
}
