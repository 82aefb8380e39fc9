#!/usr/bin/python3
"""Seed-match baseline (issue 18 point 6): ranks miRNA:target pairs by the best canonical site in the target.

Usage: seedmatch.py PAIRS.tsv [PAIRS.tsv ...]  -> prints AP and ROC AUC per table (sklearn definitions), and with
--scores OUT.tsv writes the score of every row of the last table.

Sites (Bartel 2009), with the target written 5'->3' in DNA letters and s = reverse complement of miRNA nt 2-8:
  8mer    = s followed by A (the A faces miRNA position 1)       rank 4
  7mer-m8 = s                                                    rank 3
  7mer-A1 = reverse complement of nt 2-7, followed by A          rank 2
  6mer    = reverse complement of nt 2-7                         rank 1
  none                                                           rank 0
Ties within a rank are broken by a documented secondary key: the number of places in the target where a site of
at least 6mer type starts (more sites first, capped at 9), then by an offset-6mer (reverse complement of nt 3-8)
being present: score = 100 * rank + 10 * min(sites, 9) + offset6mer. Pairs with equal scores stay tied (sklearn
treats a tie as one threshold).
"""
import sys

from sklearn.metrics import average_precision_score, roc_auc_score

COMPLEMENT = str.maketrans("ACGTU", "TGCAA")


def revcomp(s):
    return s.translate(COMPLEMENT)[::-1]


def count(hay, needle):
    return sum(1 for i in range(len(hay) - len(needle) + 1) if hay.startswith(needle, i))


def score(mirna, target):
    mirna = mirna.upper().replace("U", "T")
    target = target.upper().replace("U", "T")
    m8 = revcomp(mirna[1:8])   # pairs miRNA nt 2-8
    m7 = revcomp(mirna[1:7])   # pairs miRNA nt 2-7
    if m8 + "A" in target:
        rank = 4
    elif m8 in target:
        rank = 3
    elif m7 + "A" in target:
        rank = 2
    elif m7 in target:
        rank = 1
    else:
        rank = 0
    sites = count(target, m7)  # every >= 6mer site contains the nt 2-7 match
    offset = 1 if revcomp(mirna[2:8]) in target else 0
    return 100 * rank + 10 * min(sites, 9) + offset


def rank_only(mirna, target):
    return score(mirna, target) // 100


def read(path):
    with open(path) as handle:
        header = handle.readline().rstrip("\n").split("\t")
        assert header[:3] == ["miRNA", "gene", "label"], header
        return [line.rstrip("\n").split("\t")[:3] for line in handle if line.strip()]


def main():
    args = sys.argv[1:]
    out = None
    if "--scores" in args:
        i = args.index("--scores")
        out = args[i + 1]
        del args[i:i + 2]
    for path in args:
        rows = read(path)
        labels = [int(r[2]) for r in rows]
        scores = [score(r[0], r[1]) for r in rows]
        ranks = [s // 100 for s in scores]
        per_rank = {k: (sum(1 for r, l in zip(ranks, labels) if r == k and l == 1),
                        sum(1 for r, l in zip(ranks, labels) if r == k and l == 0)) for k in range(5)}
        print(f"{path}\t{sum(labels)} pos / {len(labels) - sum(labels)} neg\t"
              f"AP {average_precision_score(labels, scores):.4f}\tROC AUC {roc_auc_score(labels, scores):.4f}\t"
              f"(site type only: AP {average_precision_score(labels, ranks):.4f}, "
              f"ROC AUC {roc_auc_score(labels, ranks):.4f})\t"
              "pos/neg by site 8mer,7m8,7A1,6mer,none: "
              + " ".join(f"{per_rank[k][0]}/{per_rank[k][1]}" for k in (4, 3, 2, 1, 0)))
        if out:
            with open(out, "w") as handle:
                handle.write("miRNA\tgene\tlabel\tseedmatch\n")
                for r, s in zip(rows, scores):
                    handle.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{s}\n")


if __name__ == "__main__":
    main()
