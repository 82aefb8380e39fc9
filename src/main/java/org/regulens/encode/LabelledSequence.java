package org.regulens.encode;

/** A sequence with its task labels (NaN = unknown) and its split when the input names one (else null). */
record LabelledSequence(String name, byte[] sequence, float[] labels, Split split, long line) {
}
