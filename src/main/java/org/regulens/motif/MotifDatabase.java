package org.regulens.motif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.regulens.core.RegulensException;

/**
 * Motif collections by name: the bundled JASPAR 2024 CORE vertebrates non-redundant matrices (879 motifs,
 * CC BY 4.0, see JASPAR2024_LICENSE.md beside the resource) or any motif file; and lookup of one motif by id or
 * name.
 */
public final class MotifDatabase {

    /** The spec that names the bundled database (case-insensitive). */
    public static final String JASPAR2024 = "JASPAR2024";

    private static final String JASPAR2024_RESOURCE = "JASPAR2024_CORE_vertebrates_non-redundant_pfms.jaspar";
    private static final int MAX_SUGGESTIONS = 8;

    private static List<Motif> jaspar2024;

    private MotifDatabase() {
    }

    /** The bundled JASPAR 2024 CORE vertebrates non-redundant matrices, in file order; loaded once. */
    public static synchronized List<Motif> jaspar2024() {
        if (jaspar2024 == null) {
            try (InputStream in = MotifDatabase.class.getResourceAsStream(JASPAR2024_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled motif database " + JASPAR2024_RESOURCE + " is missing from the classpath");
                }
                MotifText text = new MotifText(Path.of(JASPAR2024_RESOURCE), MotifReader.readLines(in));
                jaspar2024 = MotifReader.parse(text, MotifFormat.JASPAR, JASPAR2024).motifs();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled " + JASPAR2024_RESOURCE, e);
            }
        }
        return jaspar2024;
    }

    /** {@code JASPAR2024} (any case) for the bundled database; anything else is a motif file to read. */
    public static List<Motif> resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new RegulensException("no motif database given; use " + JASPAR2024 + " or a MEME, JASPAR or TRANSFAC file");
        }
        if (spec.strip().equalsIgnoreCase(JASPAR2024)) {
            return jaspar2024();
        }
        try {
            return MotifReader.read(Path.of(spec));
        } catch (InvalidPathException e) {
            throw new RegulensException(spec + ": not a motif database name (" + JASPAR2024 + ") or a file path");
        }
    }

    /**
     * The motif with this id (e.g. {@code MA0139.2}; an id without its version, {@code MA0139}, works when one
     * version is present) or this name (e.g. {@code GATA1}, case-insensitive, if no other motif has it).
     *
     * @param source names the collection in error messages (a file or {@code JASPAR2024})
     * @throws RegulensException when nothing matches (listing close names) or a name fits several motifs
     */
    public static Motif byId(List<Motif> motifs, String idOrName, String source) {
        String query = idOrName == null ? "" : idOrName.strip();
        if (query.isEmpty()) {
            throw new RegulensException(source + ": no motif id or name given");
        }
        String lower = query.toLowerCase(Locale.ROOT);
        List<Predicate<Motif>> tiers = List.of(
                m -> m.id().equals(query),
                m -> m.id().equalsIgnoreCase(query),
                m -> m.id().toLowerCase(Locale.ROOT).startsWith(lower + "."),
                m -> m.name().equals(query),
                m -> m.name().equalsIgnoreCase(query));
        for (Predicate<Motif> tier : tiers) {
            List<Motif> found = motifs.stream().filter(tier).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new RegulensException(source + ": '" + query + "' fits " + found.size() + " motifs ("
                        + describe(found) + "); give one id");
            }
        }
        List<Motif> close = closeMatches(motifs, lower);
        throw new RegulensException(source + ": no motif with id or name '" + query + "'"
                + (close.isEmpty() ? "" : "; close: " + describe(close)));
    }

    /** Motifs whose id or name contains the query, or whose name is within 2 edits of it, nearest first. */
    private static List<Motif> closeMatches(List<Motif> motifs, String lower) {
        record Scored(Motif motif, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Motif m : motifs) {
            String name = m.name().toLowerCase(Locale.ROOT);
            int distance = editDistance(name, lower);
            boolean contains = !lower.isEmpty()
                    && (name.contains(lower) || m.id().toLowerCase(Locale.ROOT).contains(lower));
            if (distance <= 2 || contains) {
                scored.add(new Scored(m, distance));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::distance))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::motif)
                .toList();
    }

    private static String describe(List<Motif> motifs) {
        return motifs.stream()
                .map(m -> m.name().isEmpty() ? m.id() : m.id() + " " + m.name())
                .collect(Collectors.joining(", "));
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
