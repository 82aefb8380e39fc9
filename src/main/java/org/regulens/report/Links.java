package org.regulens.report;

import java.nio.file.Path;

/** Relative links from the report to files beside it (the seqlet BEDs), written as URL paths. */
final class Links {

    private Links() {
    }

    /** The path of {@code file} relative to {@code fromDir}, with '/' separators and unsafe characters %-escaped. */
    static String relative(Path fromDir, Path file) {
        Path from = fromDir.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        Path rel;
        try {
            rel = from.relativize(to);
        } catch (IllegalArgumentException e) {
            rel = to; // different roots (another drive): nothing relative exists
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(escape(rel.getName(i).toString()));
        }
        return out.toString();
    }

    private static String escape(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
