package org.regulens.genome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regulens.core.RegulensException;
import org.regulens.io.LineReader;

/**
 * Reads peaks from BED3+, BED6, BED12, narrowPeak (BED6+4 with the summit offset in column 10), regionPeak and broadPeak
 * files, plain or gzipped. Track, browser and '#' lines and blank lines are skipped. Columns are tab-separated;
 * files without tabs are split on runs of white space. Column 6, when present, is the strand (+, - or .).
 */
public final class PeakReader {

    private PeakReader() {
    }

    public static List<Peak> read(Path file) {
        return read(file, false);
    }

    /** @param allowEmpty whether a file without intervals is fine (a blacklist may be empty) */
    public static List<Peak> read(Path file, boolean allowEmpty) {
        List<Peak> peaks = new ArrayList<>();
        try (LineReader lines = new LineReader(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                    continue;
                }
                peaks.add(parse(line, lines));
            }
        }
        if (peaks.isEmpty() && !allowEmpty) {
            throw RegulensException.inFile(file, "no peaks (expected BED or narrowPeak lines)");
        }
        return peaks;
    }

    private static Peak parse(String line, LineReader lines) {
        String[] f = line.indexOf('\t') >= 0 ? line.split("\t", -1) : line.trim().split("\\s+");
        if (f.length < 3) {
            throw lines.error("expected at least 3 columns (chrom, start, end), found " + f.length);
        }
        String chrom = f[0].trim();
        if (chrom.isEmpty()) {
            throw lines.error("empty chromosome name");
        }
        long start = parseLong(f[1], "start", lines);
        long end = parseLong(f[2], "end", lines);
        if (start < 0) {
            throw lines.error("negative start " + start);
        }
        if (end <= start) {
            throw lines.error("end " + end + " is not after start " + start);
        }
        String name = f.length > 3 ? f[3].trim() : ".";
        char strand = '.';
        if (f.length > 5) {
            String column = f[5].trim();
            if (!column.equals("+") && !column.equals("-") && !column.equals(".")) {
                throw lines.error("strand (column 6) '" + column + "' must be +, - or .");
            }
            strand = column.charAt(0);
        }
        double signal = Double.NaN;
        if (f.length > 6) {
            signal = parseDouble(f[6], "signalValue (column 7)", lines);
        }
        long summit = -1;
        // Column 10 is the summit offset only in narrowPeak/regionPeak (exactly 10 columns); in BED12 or
        // gappedPeak it is blockCount.
        if (f.length == 10) {
            long offset = parseLong(f[9], "summit offset (column 10)", lines);
            if (offset >= 0) {
                if (offset >= end - start) {
                    throw lines.error("summit offset " + offset + " lies outside the peak of length " + (end - start));
                }
                summit = start + offset;
            } else if (offset != -1) {
                throw lines.error("summit offset " + offset + " must be -1 (none) or in [0, length)");
            }
        }
        return new Peak(chrom, start, end, summit, name, strand, signal, lines.lineNumber());
    }

    private static long parseLong(String text, String what, LineReader lines) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw lines.error(what + " '" + text + "' is not an integer");
        }
    }

    private static double parseDouble(String text, String what, LineReader lines) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw lines.error(what + " '" + text + "' is not a number");
        }
    }
}
