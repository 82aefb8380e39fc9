package org.regulens.motif;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.regulens.core.RegulensException;

/**
 * Reads DNA motif files in MEME, JASPAR or TRANSFAC format, plain or gzip-compressed. The format is told from
 * the first lines unless given. Problems the user can fix (bad numbers, ragged matrices, duplicate ids, an
 * unknown format) raise {@link RegulensException} naming the file and line.
 */
public final class MotifReader {

    /** How far down to look for MEME's version line: full MEME output starts with a banner. */
    private static final int MEME_VERSION_WITHIN = 50;
    private static final Set<String> TRANSFAC_CODES =
            Set.of("AC", "ID", "NA", "DE", "VV", "XX", "PO", "P0", "BF", "BA", "CC", "DT", "CO", "//");
    /** A JASPAR row with a base letter: "A [ 1 2", "A  1 2", "A:1 2", "A[1 2". */
    private static final Pattern LETTERED_ROW = Pattern.compile("[ACGTacgt](\\s*[\\[:]|\\s+[-+]?[0-9.])\\s*.*");

    private MotifReader() {
    }

    /** The motifs of a file, format detected from its first lines. */
    public static List<Motif> read(Path file) {
        return readFile(file, null).motifs();
    }

    public static List<Motif> read(Path file, MotifFormat format) {
        return readFile(file, format).motifs();
    }

    /** The motifs and declared background of a file, format detected from its first lines. */
    public static MotifFile readFile(Path file) {
        return readFile(file, null);
    }

    /**
     * Like {@link #readFile(Path)}, but a MEME file that is a clean header without any MOTIF gives an empty result
     * instead of an error: {@code motifs} writes such a patterns.meme when no pattern passed, and the steps after it
     * (compare, scan) pass that on as empty tables. Anything else without motifs (an empty file, another format,
     * MEME text with stray lines) is still an error naming the file.
     */
    public static MotifFile readFileAllowingNoMotifs(Path file) {
        return readFile(file, null, true);
    }

    /** @param format the file's format, or null to detect it */
    public static MotifFile readFile(Path file, MotifFormat format) {
        return readFile(file, format, false);
    }

    private static MotifFile readFile(Path file, MotifFormat format, boolean emptyMemeAllowed) {
        List<String> lines;
        try (InputStream in = Files.newInputStream(file)) {
            lines = readLines(in);
        } catch (NoSuchFileException e) {
            throw RegulensException.inFile(file, "no such file");
        } catch (IOException e) {
            throw RegulensException.inFile(file, "cannot read: " + e.getMessage());
        }
        return parse(new MotifText(file, lines), format, headerlessId(file), emptyMemeAllowed);
    }

    /** Parses lines already read; {@code source} names them in errors. */
    static MotifFile parse(MotifText text, MotifFormat format, String headerlessId) {
        return parse(text, format, headerlessId, false);
    }

    private static MotifFile parse(MotifText text, MotifFormat format, String headerlessId, boolean emptyMemeAllowed) {
        MotifFormat actual = format != null ? format : detect(text);
        MotifFile result = switch (actual) {
            case MEME -> emptyMemeAllowed ? MemeParser.parseAllowingNoMotifs(text) : MemeParser.parse(text);
            case JASPAR -> new MotifFile(JasparParser.parse(text, headerlessId), Background.uniform(), actual);
            case TRANSFAC -> new MotifFile(TransfacParser.parse(text), Background.uniform(), actual);
        };
        if (result.motifs().isEmpty() && !(emptyMemeAllowed && actual == MotifFormat.MEME)) {
            throw RegulensException.inFile(text.source(), "contains no motifs (read as " + actual + ")");
        }
        return result;
    }

    /** Tells the format from the first non-blank lines. */
    static MotifFormat detect(MotifText text) {
        int first = -1;
        for (int i = 0; i < text.size() && i < MEME_VERSION_WITHIN; i++) {
            String line = text.line(i).strip();
            if (line.startsWith("MEME version")) {
                return MotifFormat.MEME;
            }
            if (first < 0 && !line.isEmpty() && !line.startsWith("#")) {
                first = i;
            }
        }
        for (int i = MEME_VERSION_WITHIN; first < 0 && i < text.size(); i++) {
            if (!text.isBlank(i) && !text.line(i).strip().startsWith("#")) {
                first = i;
            }
        }
        if (first < 0) {
            throw RegulensException.inFile(text.source(), "is empty; expected MEME, JASPAR or TRANSFAC motifs");
        }
        String line = text.line(first).strip();
        if (line.startsWith(">") || MotifText.isNumberRow(line) || LETTERED_ROW.matcher(line).matches()) {
            return MotifFormat.JASPAR;
        }
        if (line.length() >= 2 && TRANSFAC_CODES.contains(line.substring(0, 2))
                && (line.length() == 2 || Character.isWhitespace(line.charAt(2)) || line.startsWith("//"))) {
            return MotifFormat.TRANSFAC;
        }
        throw text.error(first, "cannot tell the motif format from the first lines; expected MEME, JASPAR or TRANSFAC");
    }

    /** All lines of a stream, gunzipped if it starts with the gzip magic number; a leading BOM is dropped. */
    static List<String> readLines(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream data = gzip ? new GZIPInputStream(in, 1 << 16) : in;
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        }
        return lines;
    }

    /** The id for a JASPAR matrix without header: the file name without ".gz" and its extension. */
    static String headerlessId(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (name.toLowerCase().endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.strip().replaceAll("\\s+", "_");
        return name.isEmpty() ? "motif" : name;
    }
}
