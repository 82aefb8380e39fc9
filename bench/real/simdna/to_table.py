#!/usr/bin/env python3
"""simdna TAL1/GATA (sequences.simdata.gz + test.txt.gz) -> a sequence table for `regulens encode --sequences`.

Columns: name, sequence, split, task1, task2, task3. Rows named in test.txt are 'test'; of the rest a seeded
~10% are 'valid', the others 'train'.

usage: to_table.py SIMDATA.gz TEST.txt.gz OUT.tsv [--seed N] [--valid-frac F]
"""
import argparse
import gzip
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("simdata")
    p.add_argument("test")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--valid-frac", type=float, default=0.1)
    a = p.parse_args()
    with gzip.open(a.test, "rt") as f:
        test = {line.strip() for line in f if line.strip()}
    rng = random.Random(a.seed)
    counts = {"train": 0, "valid": 0, "test": 0}
    with gzip.open(a.simdata, "rt") as f, open(a.out, "w") as out:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        tasks = [h for h in header if h.startswith("task")]
        out.write("\t".join(["name", "sequence", "split"] + tasks) + "\n")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            name = fields[col["seqName"]]
            # draw for every row, so a row's split does not depend on which rows are test
            draw = rng.random()
            split = "test" if name in test else ("valid" if draw < a.valid_frac else "train")
            counts[split] += 1
            out.write("\t".join([name, fields[col["sequence"]], split] + [fields[col[t]] for t in tasks]) + "\n")
    missing = len(test) - counts["test"]
    if missing:
        raise SystemExit(f"{a.test}: {missing} test names not found in {a.simdata}")
    print(f"{a.out}: {counts}")


if __name__ == "__main__":
    main()
