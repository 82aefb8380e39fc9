#!/usr/bin/python3
"""Two shortcut baselines on a held-out split (what a model could learn without reading the pairing):
- miRNA prior: the share of the miRNA's training pairs that are positive (CLASH positives are dominated by a few
  abundant miRNAs, the negatives' miRNAs are near-uniform);
- target prior: the share of the target site's training pairs that are positive (0.5 when the site is unseen).
Usage: priors.py TRAIN.tsv HELDOUT.tsv [HELDOUT.tsv ...]"""
import collections
import sys

from sklearn.metrics import average_precision_score, roc_auc_score


def read(path):
    with open(path) as handle:
        handle.readline()
        return [line.rstrip("\n").split("\t")[:3] for line in handle if line.strip()]


train = read(sys.argv[1])
stats = {"miRNA": collections.defaultdict(lambda: [0, 0]), "target": collections.defaultdict(lambda: [0, 0])}
for m, g, label in train:
    stats["miRNA"][m][int(label)] += 1
    stats["target"][g][int(label)] += 1
for path in sys.argv[2:]:
    rows = read(path)
    labels = [int(r[2]) for r in rows]
    for name, column in (("miRNA", 0), ("target", 1)):
        table = stats[name]
        scores = []
        for r in rows:
            neg, pos = table.get(r[column], (0, 0))
            scores.append((pos + 0.5) / (pos + neg + 1))
        print(f"{path}\t{name} prior\tAP {average_precision_score(labels, scores):.4f}\t"
              f"ROC AUC {roc_auc_score(labels, scores):.4f}")
