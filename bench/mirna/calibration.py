#!/usr/bin/env python3
"""Scanning calibration (issue 18 point 3): random 3'UTR-like sequences with and without one planted real CLASH site.

make   PAIRS.tsv.gz OUTDIR N_MIRNAS SEED  -> OUTDIR/mirnas.fa, random.fa (no site), planted.fa (one site each), planted.tsv
score  OUTDIR SCANDIR                        -> prints the share of random windows called, sites per kb of random
                                                sequence, and how many planted sites were called
"""
import csv
import gzip
import random
import sys
from collections import Counter, defaultdict


def make(pairs, out, n_mirnas, seed):
    rng = random.Random(seed)
    by_mirna = defaultdict(list)
    with gzip.open(pairs, 'rt') as f:
        rows = csv.reader(f, delimiter='\t')
        header = next(rows)
        mi, ge, la = header.index('miRNA'), header.index('gene'), header.index('label')
        for r in rows:
            if r[la] == '1':
                by_mirna[r[mi]].append(r[ge])
    top = [m for m, _ in Counter({m: len(s) for m, s in by_mirna.items()}).most_common(n_mirnas)]
    with open(f'{out}/mirnas.fa', 'w') as f:
        for i, m in enumerate(top):
            f.write(f'>mir{i}\n{m}\n')
    noise = lambda n: ''.join(rng.choice('ACGT') for _ in range(n))
    with open(f'{out}/random.fa', 'w') as f:
        for i in range(20):
            f.write(f'>random{i}\n{noise(1000)}\n')
    with open(f'{out}/planted.fa', 'w') as f, open(f'{out}/planted.tsv', 'w') as t:
        t.write('mirna\ttarget\tstart\tend\n')
        for i, m in enumerate(top):
            for k in range(2):
                site = rng.choice(by_mirna[m])
                name = f'planted_mir{i}_{k}'
                f.write(f'>{name}\n{noise(475)}{site}{noise(475)}\n')
                t.write(f'mir{i}\t{name}\t475\t{475 + len(site)}\n')


def table(path):
    with open(path) as f:
        rows = list(csv.reader(f, delimiter='\t'))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def score(out, scan):
    windows = table(f'{scan}/windows.tsv')
    sites = table(f'{scan}/sites.tsv')
    planted = table(f'{out}/planted.tsv')
    rnd = [w for w in windows if w['target'].startswith('random')]
    rnd_sites = [s for s in sites if s['target'].startswith('random')]
    old_share = sum(float(w['score']) >= 0.5 for w in rnd) / len(rnd)
    q_share = sum(float(w['q_value']) <= 0.05 for w in rnd) / len(rnd)
    rnd_sites_kb = len(rnd_sites) / (20 * 1000 / 1000) / len({w['mirna'] for w in windows})
    hits = 0
    for p in planted:
        s = [x for x in sites if x['mirna'] == p['mirna'] and x['target'] == p['target']
             and int(x['site_start']) < int(p['end']) and int(x['site_end']) > int(p['start'])]
        hits += bool(s)
    off = [x for x in sites if x['target'].startswith('planted') and not any(
        x['mirna'] == p['mirna'] and x['target'] == p['target'] and int(x['site_start']) < int(p['end'])
        and int(x['site_end']) > int(p['start']) for p in planted)]
    print(f'random windows: {len(rnd)}, at score >= 0.5: {old_share:.3f}, at q <= 0.05: {q_share:.4f}; sites in random sequence: {len(rnd_sites)} '
          f'({rnd_sites_kb:.3f} per kb per miRNA); planted sites called: {hits}/{len(planted)}; '
          f'other sites in the planted targets: {len(off)}')


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        score(sys.argv[2], sys.argv[3])
