#!/usr/bin/python3
"""AP and ROC AUC of a `mirna predict` table (columns label, score) by scikit-learn, beside the figures of the
`mirna evaluate` table of the same pairs: checks that evaluate's auPR is sklearn's average_precision_score.
Usage: sklearn_check.py PRED.tsv METRICS.tsv NAME RATIO"""
import csv
import sys

from sklearn.metrics import average_precision_score, roc_auc_score

pred, metrics, name, ratio = sys.argv[1:5]
with open(pred) as handle:
    rows = list(csv.DictReader(handle, delimiter="\t"))
labels = [int(r["label"]) for r in rows]
scores = [float(r["score"]) for r in rows]
with open(metrics) as handle:
    m = next(csv.DictReader(handle, delimiter="\t"))
print(f"{name}\t{ratio}\tregulens AP {float(m['auprc']):.4f} ROC AUC {float(m['auroc']):.4f}\t"
      f"sklearn AP {average_precision_score(labels, scores):.4f} ROC AUC {roc_auc_score(labels, scores):.4f}")
