"""AUROC of |logit_diff| (first task): destroy_* SNVs against random_* and against inpeak_* SNVs; also the mean
logit_diff of each group. Usage: auroc.py effects.tsv"""
import sys
import numpy as np

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
head, rows = rows[0], rows[1:]
col = {c: i for i, c in enumerate(head)}
task = rows[0][col['task']]
groups = {}
for r in rows:
    if r[col['task']] == task:
        groups.setdefault(r[col['id']].split('_')[0], []).append(float(r[col['logit_diff']]))

def auroc(pos, neg):
    pos, neg = np.abs(np.array(pos)), np.abs(np.array(neg))
    scores = np.concatenate([pos, neg])
    ranks = scores.argsort().argsort().astype(float) + 1
    # average ranks for ties
    for v in np.unique(scores):
        m = scores == v
        if m.sum() > 1:
            ranks[m] = ranks[m].mean()
    return (ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))

print('comparison\tn_destroy\tn_other\tauroc_abs_logit_diff')
for other in ('random', 'inpeak'):
    print(f'destroy_vs_{other}\t{len(groups["destroy"])}\t{len(groups[other])}\t{auroc(groups["destroy"], groups[other]):.4f}')
for g, v in sorted(groups.items()):
    v = np.array(v)
    print(f'# {g}: n={len(v)} mean logit_diff {v.mean():+.3f}, median {np.median(v):+.3f}, mean |diff| {np.abs(v).mean():.3f}, '
          f'fraction negative {np.mean(v < 0):.3f}')
