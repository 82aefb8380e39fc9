#!/usr/bin/env python3
"""Makes the pipeline's miRNA test data (profile test_mirna) from the CLASH pairs in ../mirbind_clash2013/.

Deterministic (random.Random(SEED), Python 3 standard library only); run from anywhere:
    python3 tests/data/mirna/make_test_data.py
Writes beside itself:
  train.tsv    1,500 labelled pairs (750 binding, 750 not), drawn without replacement from the CLASH table
  test.tsv     200 further pairs (100 / 100), disjoint from train.tsv
  mirnas.fa    hsa-miR-92a-3p and hsa-let-7b-5p, first 20 nt as in the CLASH table (U alphabet)
  utrs.fa      two made-up 3'UTRs (random bases, 60% A/U) with CLASH binding sites of both miRNAs planted in them;
               the sites are taken from positive pairs that are in neither train.tsv nor test.tsv
  planted.bed  where the sites were planted: utr, start, end (0-based, half-open), miRNA name
"""
import gzip
import os
import random

SEED = 20131
HERE = os.path.dirname(os.path.abspath(__file__))
CLASH = os.path.join(HERE, '..', 'mirbind_clash2013', 'train_set_1_1_CLASH2013_paper.tsv.gz')
MIRNAS = [('hsa-miR-92a-3p', 'TATTGCACTTGTCCCGGCCT'), ('hsa-let-7b-5p', 'TGAGGTAGTAGGTTGTGTGG')]
UTR_LENGTH = 800
SITES_PER_MIRNA_AND_UTR = 1


def main():
    rng = random.Random(SEED)
    with gzip.open(CLASH, 'rt') as f:
        header = f.readline().rstrip('\n')
        rows = [line.rstrip('\n').split('\t') for line in f if line.strip()]
    positives = [r for r in rows if r[2] == '1']
    negatives = [r for r in rows if r[2] == '0']
    rng.shuffle(positives)
    rng.shuffle(negatives)
    train = positives[:750] + negatives[:750]
    test = positives[750:850] + negatives[750:850]
    rng.shuffle(train)
    rng.shuffle(test)
    for name, table in (('train.tsv', train), ('test.tsv', test)):
        with open(os.path.join(HERE, name), 'w') as out:
            out.write(header + '\n')
            out.writelines('\t'.join(r) + '\n' for r in table)

    with open(os.path.join(HERE, 'mirnas.fa'), 'w') as out:
        for name, seq in MIRNAS:
            out.write('>%s\n%s\n' % (name, seq.replace('T', 'U')))

    unused = positives[850:]
    planted = []
    utrs = []
    for u in range(2):
        name = 'utr%d' % (u + 1)
        sites = []
        for mirna_name, mirna in MIRNAS:
            candidates = [r[1] for r in unused if r[0] == mirna]
            sites += [(mirna_name, s) for s in rng.sample(candidates, SITES_PER_MIRNA_AND_UTR)]
            unused = [r for r in unused if r[1] not in dict(sites).values()]
        rng.shuffle(sites)
        # background with 30% each of A and U; sites placed in equal gaps of random bases, starting at multiples
        # of 10 (so that windows of stride 5 or 10 cover them exactly)
        gap = (UTR_LENGTH - 50 * len(sites)) // (len(sites) + 1) // 10 * 10
        seq = ''
        for mirna_name, site in sites:
            seq += ''.join(rng.choices('ACGT', weights=[3, 2, 2, 3], k=gap))
            planted.append((name, len(seq), len(seq) + 50, mirna_name))
            seq += site
        seq += ''.join(rng.choices('ACGT', weights=[3, 2, 2, 3], k=UTR_LENGTH - len(seq)))
        utrs.append((name, seq))
    with open(os.path.join(HERE, 'utrs.fa'), 'w') as out:
        for name, seq in utrs:
            rna = seq.replace('T', 'U')
            out.write('>%s made-up 3\'UTR with planted CLASH sites\n' % name)
            out.writelines(rna[i:i + 60] + '\n' for i in range(0, len(rna), 60))
    with open(os.path.join(HERE, 'planted.bed'), 'w') as out:
        out.writelines('%s\t%d\t%d\t%s\n' % p for p in planted)


if __name__ == '__main__':
    main()
