#!/usr/bin/env python3
"""Attention between the planted A and B sites against the background, from `regulens attention` output.

For each mapped row (test positives that the model calls positive), with maps averaged over heads: the weight
from the query at A's pooled position to the key at B's (and B to A), against the background: the same query's
mean weight to keys at least 3 pooled positions away from both sites, and the uniform weight 1/T. Also reported:
the best single head. Paired one-sided Wilcoxon signed-rank test of pair weight > background weight.
Usage: analyse.py MAPS.npz DATA.npz TRUTH.tsv [MOTIF_LENGTH]
"""
import json
import sys
import numpy as np
from scipy.stats import wilcoxon

maps_file, data_file, truth_file = sys.argv[1:4]
k = int(sys.argv[4]) if len(sys.argv) > 4 else 8
z = np.load(maps_file)
maps, index, pred = z["maps"], z["index"], z["pred"][:, 0]
meta = json.loads(str(z["meta"]))
bpp = meta["bases_per_position"]
names = np.load(data_file)["names"]
truth = {}
for line in open(truth_file).read().splitlines()[1:]:
    name, a, b, label = line.split("\t")
    truth[name] = (int(a), int(b))
T = maps.shape[-1]
pair, back, pair_head, back_head = [], [], [], []
other = []   # the same key read by queries away from both sites: is the key salient to everyone, or to its partner?
for r in range(len(index)):
    if pred[r] < 0.5:
        continue
    a, b = truth[str(names[index[r]])]
    qa = min(T - 1, int((a + k / 2) // bpp))
    qb = min(T - 1, int((b + k / 2) // bpp))
    far = np.array([j for j in range(T) if abs(j - qa) >= 3 and abs(j - qb) >= 3])
    m = maps[r]                                   # heads x T x T
    mean = m.mean(axis=0)
    for q, key in ((qa, qb), (qb, qa)):
        pair.append(mean[q, key])
        back.append(mean[q, far].mean())
        other.append(mean[far, key].mean())
        pair_head.append(m[:, q, key])
        back_head.append(m[:, q, far].mean(axis=1))
pair, back = np.array(pair), np.array(back)
pair_head, back_head = np.array(pair_head), np.array(back_head)
best = int(np.argmax(pair_head.mean(axis=0) / back_head.mean(axis=0)))
stat = wilcoxon(pair, back, alternative="greater")
print(f"rows\t{len(pair) // 2}\tpairs (A->B and B->A)\t{len(pair)}\tpositions T\t{T}\tbases/position\t{bpp:g}")
print(f"mean weight, heads averaged\tpair\t{pair.mean():.4f}\tbackground\t{back.mean():.4f}\tuniform 1/T\t{1 / T:.4f}")
print(f"ratio pair/background (mean of weights)\t{pair.mean() / back.mean():.2f}")
print(f"median per-pair ratio\t{np.median(pair / back):.2f}\tpairs with pair > background\t{(pair > back).mean():.3f}")
print(f"Wilcoxon signed-rank (pair > background)\tp\t{stat.pvalue:.3g}")
other = np.array(other)
print(f"control: same key from queries away from both sites\tmean\t{other.mean():.4f}\tpair/control\t"
      f"{pair.mean() / other.mean():.2f}\tWilcoxon (pair > control) p\t{wilcoxon(pair, other, alternative='greater').pvalue:.3g}")
print(f"best head\t{best}\tpair\t{pair_head[:, best].mean():.4f}\tbackground\t{back_head[:, best].mean():.4f}"
      f"\tratio\t{pair_head[:, best].mean() / back_head[:, best].mean():.2f}")
