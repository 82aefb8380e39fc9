#!/usr/bin/env python3
"""Tables from curves.sh runs: validation auROC per epoch, and test auROC / auPR per task of each recipe and seed.

usage: summarise.py OUT   (reads OUT/NAME.s<seed>.{training.tsv,metrics.tsv,time,uptime,zip})
"""
import csv
import glob
import json
import os
import re
import sys
import zipfile


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load(path):
    """Load averages (1 min) at the start and end of the run."""
    figures = re.findall(r"load average: ([0-9.]+)", open(path).read())
    return "/".join(figures)


def chosen_rate(model):
    try:
        with zipfile.ZipFile(model) as z:
            meta = json.loads(z.read("regulens-model.json"))
    except (OSError, KeyError, ValueError):
        return ""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "lr_range_test":
                    found.append(v.get("chosen"))
                walk(v)
    walk(meta)
    return f"{found[0]:.3g}" if found else ""


def main():
    out = sys.argv[1]
    runs = sorted(glob.glob(os.path.join(out, "*.s*.training.tsv")))
    if not runs:
        sys.exit(f"{out}: no runs")
    epochs = max(len(rows(r)) for r in runs)
    print("| recipe | seed | " + " | ".join(f"e{e}" for e in range(1, epochs + 1)) + " |")
    print("|---|---|" + "---|" * epochs)
    for r in runs:
        name, seed = re.match(r"(.*)\.s(\d+)\.training\.tsv", os.path.basename(r)).groups()
        curve = [f"{float(x['valid_auroc']):.3f}" for x in rows(r)]
        print(f"| {name} | {seed} | " + " | ".join(curve + [""] * (epochs - len(curve))) + " |")
    print()
    print("Test split (800 rows of test.txt), the best validation epoch's parameters:")
    print()
    print("| recipe | seed | best epoch | test auROC task1/task2/task3 | test auPR task1/task2/task3 | lr (auto) "
          "| wall s | load 1-min start/end |")
    print("|---|---|---|---|---|---|---|---|")
    for r in runs:
        base = r[: -len(".training.tsv")]
        name, seed = re.match(r"(.*)\.s(\d+)$", os.path.basename(base)).groups()
        log = rows(r)
        best = max(range(len(log)), key=lambda i: (float(log[i]["valid_auprc"]), -i)) + 1
        m = rows(base + ".metrics.tsv") if os.path.exists(base + ".metrics.tsv") else []
        auroc = "/".join(f"{float(x['auroc']):.3f}" for x in m)
        auprc = "/".join(f"{float(x['auprc']):.3f}" for x in m)
        wall = open(base + ".time").read().strip() if os.path.exists(base + ".time") else ""
        print(f"| {name} | {seed} | {best} | {auroc} | {auprc} | {chosen_rate(base + '.zip')} | {wall} "
              f"| {load(base + '.uptime')} |")


if __name__ == "__main__":
    main()
