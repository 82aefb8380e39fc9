package org.regulens.simulate;

import org.regulens.motif.Motif;

/**
 * One planted motif instance: where (a chromosome or a sequence name, 0-based half-open), which motif, which
 * strand, for which task, and its role ("core" for a task's motif, "partner", "pool" for distractors in
 * sequence mode, "decoy" for the genome-wide decoy).
 */
public record PlantedSite(String sequence, int start, int end, Motif motif, char strand, String task, String role,
                          String peak) {
}
