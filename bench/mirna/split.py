#!/usr/bin/python3
"""Seeded held-out split of the miRBind CLASH 1:1 training set (issue 18 point 1).

Writes OUTDIR/train.tsv, OUTDIR/heldout_1_1.tsv (2,000 pos / 2,000 neg) and OUTDIR/heldout_1_10.tsv
(2,000 pos / 20,000 neg), each with the header miRNA, gene, label, and prints what the split shares.

Recipe (see bench/mirna/RESULTS.md):
- held-out positives: a seeded random 2,000 of the 15,392 positive pairs; they leave the training table;
- held-out negatives, made the way the training negatives look (observed: 84% re-pair a positive target site with
  another miRNA; negative miRNAs are near-uniform over the distinct miRNAs): a target site drawn from all positive
  pairs, a miRNA drawn uniformly from the distinct miRNAs of the table, rejected when its seed (nt 2-8) equals
  the seed of any miRNA known to bind that site, when the pair occurs anywhere in the table (either label), or
  when it was drawn already; the 1:1 negatives are the first 2,000 drawn (a seeded random subset of the 1:10 ones);
- training table: every other row of the input (the remaining positives and all original negatives).
No (miRNA, target) pair is in both the training table and a held-out table (asserted below).
"""
import collections
import gzip
import os
import random
import sys

POSITIVES = 2000
NEGATIVES_1_10 = 20000
NEGATIVES_1_1 = 2000


def seed_of(mirna):
    return mirna[1:8]


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        assert header == ["miRNA", "gene", "label"], header
        return [tuple(line.rstrip("\n").split("\t")) for line in handle if line.strip()]


def write(path, rows):
    with open(path, "w") as handle:
        handle.write("miRNA\tgene\tlabel\n")
        for mirna, gene, label in rows:
            handle.write(f"{mirna}\t{gene}\t{label}\n")


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: split.py TRAIN_SET.tsv.gz OUTDIR [SEED]")
    source, outdir = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 18
    rows = read(source)
    rng = random.Random(seed)
    positives = [r for r in rows if r[2] == "1"]
    all_pairs = {(m, g) for m, g, _ in rows}
    assert len(all_pairs) == len(rows), "duplicate pairs in the input"
    binders = collections.defaultdict(set)  # target site -> seeds of the miRNAs known to bind it
    for m, g, _ in positives:
        binders[g].add(seed_of(m))
    mirnas = sorted({m for m, _, _ in rows})

    held_pos = rng.sample(positives, POSITIVES)
    held_pos_set = set(held_pos)
    negatives, drawn = [], set()
    while len(negatives) < NEGATIVES_1_10:
        _, target, _ = positives[rng.randrange(len(positives))]
        mirna = mirnas[rng.randrange(len(mirnas))]
        if seed_of(mirna) in binders[target] or (mirna, target) in all_pairs or (mirna, target) in drawn:
            continue
        drawn.add((mirna, target))
        negatives.append((mirna, target, "0"))
    train = [r for r in rows if r not in held_pos_set]

    train_pairs = {(m, g) for m, g, _ in train}
    held = held_pos + negatives
    assert not train_pairs & {(m, g) for m, g, _ in held}, "a held-out pair is in train"
    assert len({(m, g) for m, g, _ in held}) == len(held)

    os.makedirs(outdir, exist_ok=True)
    write(os.path.join(outdir, "train.tsv"), train)
    write(os.path.join(outdir, "heldout_1_1.tsv"), held_pos + negatives[:NEGATIVES_1_1])
    write(os.path.join(outdir, "heldout_1_10.tsv"), held)

    # target-site reuse across the split (the authors' test sets reuse train 50-mers heavily too)
    train_pos_t = {g for m, g, l in train if l == "1"}
    train_neg_t = {g for m, g, l in train if l == "0"}
    train_mirnas = {m for m, _, _ in train}
    def reuse(name, subset):
        targets = [g for _, g, _ in subset]
        print(f"{name}: {len(subset)} pairs, {len(set(targets))} distinct targets; in train as positive target "
              f"{sum(g in train_pos_t for g in targets)}, as negative target {sum(g in train_neg_t for g in targets)}, "
              f"in train at all {sum(g in train_pos_t or g in train_neg_t for g in targets)}; "
              f"miRNAs unseen in train {sum(m not in train_mirnas for m, _, _ in subset)}")
    print(f"seed {seed}; input {len(rows)} rows; train {len(train)} rows "
          f"({sum(r[2] == '1' for r in train)} pos / {sum(r[2] == '0' for r in train)} neg)")
    reuse("held-out positives", held_pos)
    reuse("held-out negatives 1:1", negatives[:NEGATIVES_1_1])
    reuse("held-out negatives 1:10", negatives)
    print(f"held-out negatives re-pairing a held-out positive's target: "
          f"{sum(g in {t for _, t, _ in held_pos} for _, g, _ in negatives)} of {len(negatives)}")


if __name__ == "__main__":
    main()
