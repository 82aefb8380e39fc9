"""Mean per-sequence AUROC of |actual contribution| (summed over the four bases) against planted motif positions.

Usage: planted_auroc.py ATTR.npz DATA.npz TRUTH.npy
ATTR.npz from `regulens attribute`, DATA.npz the encoded data set it indexes, TRUTH.npy the N x L 0/1 mask of
planted positions written by `regulens simulate --mode sequences` (rows in sequences.tsv order, names seq_<i>).
Sequences whose mask is all 0 or all 1 are skipped. Ties get average ranks.
"""
import sys
import numpy as np


def auroc(scores, labels):
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = labels.sum()
    neg = len(labels) - pos
    return (ranks[labels == 1].sum() - pos * (pos + 1) / 2) / (pos * neg)


attr = np.load(sys.argv[1], allow_pickle=False)
data = np.load(sys.argv[2], allow_pickle=False)
truth = np.load(sys.argv[3])
names = data["names"][attr["index"]]
rows = np.array([int(n.split("_")[-1]) for n in names])
score = np.abs(attr["attr"].sum(axis=1))
values = []
for k, r in enumerate(rows):
    labels = truth[r].astype(int)
    if 0 < labels.sum() < len(labels):
        values.append(auroc(score[k], labels))
print(f"{np.mean(values):.3f}\t{len(values)}")
