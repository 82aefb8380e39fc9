#!/usr/bin/env python3
"""mirna explain bench (issue 18 point 5): does the attribution show the seed, and does its total stay positive?

  explain.py make DATA OUT N_SITE N_OTHER SEED   pairs.tsv: N_SITE CLASH positives with a canonical site in the 50-nt
                                                 target (8mer, 7mer-m8, 7mer-A1) and N_OTHER positives drawn at random
  explain.py score OUT NAME...                   figures of OUT/explain-NAME (one `mirna explain` run per baseline)

Canonical sites (target 5'->3', T for U): 8mer = revcomp(miRNA 2-8) + A, 7mer-m8 = revcomp(miRNA 2-8),
7mer-A1 = revcomp(miRNA 2-7) + A. A pair's site positions are the union of its sites' positions.
Seed concentration: sum over miRNA positions 2-8 of |importance| / sum over positions 1-20 (importance of a position
= sum of its row of the attribution map); uniform expectation 7/20 = 0.35. Site overlap: share of the K target
positions of highest importance that fall in the site; chance = site positions / 50.
"""
import gzip
import random
import statistics
import sys

import numpy as np

HIGH = 0.8   # "high-scoring": model probability at least this
TOP_K = 7    # target positions per pair for the site overlap


def revcomp(s):
    return s[::-1].translate(str.maketrans('ACGT', 'TGCA'))


def canonical_sites(mirna, target):
    """[(kind, start, end)] 0-based half-open in the target; a 7mer-A1 inside an 8mer is the 8mer's."""
    m = mirna.upper().replace('U', 'T')
    t = target.upper().replace('U', 'T')
    m8, a1 = revcomp(m[1:8]), revcomp(m[1:7]) + 'A'
    sites = []
    for i in range(len(t)):
        if t.startswith(m8 + 'A', i):
            sites.append(('8mer', i, i + 8))
        elif t.startswith(m8, i):
            sites.append(('7mer-m8', i, i + 7))
        elif t.startswith(a1, i) and not any(k == '8mer' and s <= i and i + 7 <= e for k, s, e in sites):
            sites.append(('7mer-A1', i, i + 7))
    return sites


def make(data, out, n_site, n_other, seed):
    with gzip.open(data, 'rt') as f:
        header = f.readline().rstrip('\n').split('\t')
        rows = [line.rstrip('\n').split('\t') for line in f]
    im, it, il = header.index('miRNA'), header.index('gene'), header.index('label')
    positives = [r for r in rows if r[il] == '1']
    random.Random(seed).shuffle(positives)
    with_site = [r for r in positives if canonical_sites(r[im], r[it])][:n_site]
    taken = {id(r) for r in with_site}
    others = [r for r in positives if id(r) not in taken][:n_other]
    with open(f'{out}/pairs.tsv', 'w') as f:
        f.write('miRNA\tgene\tlabel\tset\tsites\n')
        for name, part in (('site', with_site), ('random', others)):
            for r in part:
                sites = canonical_sites(r[im], r[it])
                text = ','.join(f'{k}:{s}-{e}' for k, s, e in sites) or 'none'
                f.write(f'{r[im]}\t{r[it]}\t{r[il]}\t{name}\t{text}\n')
    print(f'{len(with_site)} positives with a canonical site, {len(others)} other positives -> {out}/pairs.tsv')


def read_table(path):
    with open(path) as f:
        header = f.readline().rstrip('\n').split('\t')
        return [dict(zip(header, line.rstrip('\n').split('\t'))) for line in f]


def site_positions(text):
    out = set()
    if text != 'none':
        for site in text.split(','):
            s, e = site.split(':')[1].split('-')
            out.update(range(int(s), int(e)))
    return out


def median(values):
    return statistics.median(values) if values else float('nan')


def score(out, names):
    lines = []
    head = ('baseline', 'site_pairs', 'seed_abs_median', 'seed_abs_mean', 'seed_share_median', 'top_mirna_in_seed',
            'site_overlap_median', 'site_overlap_mean', 'overlap_chance', 'top_target_in_site', 'binders',
            'negative_total', 'baseline_score_median', 'baseline_score_ge_0.5', 'mean_abs_gap', 'mean_rel_gap')
    lines.append('\t'.join(head))
    for name in names:
        rows = read_table(f'{out}/explain-{name}/explain.tsv')
        npz = np.load(f'{out}/explain-{name}/attributions.npz')
        mirna_imp = npz['mirna_importance']
        target_imp = npz['target_importance']
        seed_abs, shares, top_seed, overlap, chance, top_site = [], [], [], [], [], []
        for i, r in enumerate(rows):
            if r['set'] != 'site' or float(r['score']) < HIGH:
                continue
            a = np.abs(mirna_imp[i].astype(float))
            seed_abs.append(a[1:8].sum() / a.sum() if a.sum() > 0 else 0.0)
            shares.append(float(r['seed_share']))
            top_seed.append(r['top_mirna_position'] != 'NA' and 2 <= int(r['top_mirna_position']) <= 8)
            site = site_positions(r['sites'])
            order = np.argsort(-target_imp[i], kind='stable')[:TOP_K]
            overlap.append(sum(1 for p in order if int(p) in site) / TOP_K)
            chance.append(len(site) / target_imp.shape[1])
            top_site.append(int(order[0]) in site)
        binders = [r for r in rows if float(r['score']) >= 0.5]
        negative = sum(1 for r in binders if float(r['attribution_sum']) < 0)
        base_scores = [float(r['baseline_score']) for r in rows] if 'baseline_score' in rows[0] else []
        gaps = [float(r['attribution_sum']) - float(r['logit_minus_baseline']) for r in rows]
        rel = [abs(g) / (1 + abs(float(r['logit_minus_baseline']))) for g, r in zip(gaps, rows)]
        lines.append('\t'.join([
            name, str(len(seed_abs)), f'{median(seed_abs):.3f}', f'{statistics.mean(seed_abs):.3f}',
            f'{median(shares):.3f}', f'{sum(top_seed) / len(top_seed):.3f}', f'{median(overlap):.3f}',
            f'{statistics.mean(overlap):.3f}', f'{statistics.mean(chance):.3f}', f'{sum(top_site) / len(top_site):.3f}',
            str(len(binders)), str(negative),
            f'{median(base_scores):.3f}' if base_scores else 'NA',
            str(sum(1 for s in base_scores if s >= 0.5)) if base_scores else 'NA',
            f'{statistics.mean(abs(g) for g in gaps):.4f}', f'{statistics.mean(rel):.4f}']))
    text = '\n'.join(lines) + '\n'
    with open(f'{out}/summary.tsv', 'w') as f:
        f.write(text)
    print(text, end='')


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    elif sys.argv[1] == 'score':
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
