package org.regulens.scan;

/**
 * One sequence to scan: its name (the sequence_name column), its letters as read (upper case; anything other
 * than A, C, G, T marks a window that is not scored) and, when known, its place in a genome (else null).
 */
record ScanSequence(String name, byte[] letters, Origin origin) {
}
