#!/usr/bin/env python3
"""Planted-pair sequences for the attention benchmark (numpy only).

Positives carry motif A and motif B once each, at independent random positions (at least 12 bp apart, so a
convolution cannot see both at once); negatives carry A alone, B alone, A twice or B twice (a quarter each), so
only the co-occurrence of the two separates the classes. Background: i.i.d. uniform bases.
Writes seqs.tsv (name, sequence, split, pair) for `regulens encode --sequences` and truth.tsv (name, startA,
startB; -1 when absent).
Usage: plant.py OUTDIR [N] [LENGTH] [SEED]
"""
import sys
import numpy as np

A = "TGACTCAT"   # AP-1-like
B = "CACGTGAC"   # E-box-like
out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
length = int(sys.argv[3]) if len(sys.argv) > 3 else 200
rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
bases = np.array(list("ACGT"))


def place(seq, motif, taken):
    while True:
        s = int(rng.integers(0, length - len(motif) + 1))
        if all(abs(s - t) >= len(motif) + 12 for t in taken):
            seq[s:s + len(motif)] = list(motif)
            taken.append(s)
            return s


with open(f"{out}/seqs.tsv", "w") as f, open(f"{out}/truth.tsv", "w") as t:
    f.write("name\tsequence\tsplit\tpair\n")
    t.write("name\tstartA\tstartB\tlabel\n")
    for i in range(n):
        seq = bases[rng.integers(0, 4, length)].copy()
        taken = []
        positive = i % 2 == 0
        # the kind cycles over blocks of 10 row pairs, the split within a block: every split gets every kind (with
        # (i // 2) % 4 here, valid negatives were only A/AA and test negatives only B/BB)
        kind = "AB" if positive else ["A", "B", "AA", "BB"][(i // 20) % 4]
        starts = {"A": -1, "B": -1}
        for m in kind:
            s = place(seq, A if m == "A" else B, taken)
            if starts[m] < 0:
                starts[m] = s
        split = ["train"] * 8 + ["valid", "test"]  # by pair of rows, so every split gets both classes
        name = f"s{i}_{kind}"
        f.write(f"{name}\t{''.join(seq)}\t{split[(i // 2) % 10]}\t{int(positive)}\n")
        t.write(f"{name}\t{starts['A']}\t{starts['B']}\t{int(positive)}\n")
