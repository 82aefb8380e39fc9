#!/usr/bin/env python3
"""Anchor for bench/compare: memesuite-lite's tomtom on a JASPAR file against itself, written as a TSV.

What it does (and what is timed by the caller, the whole process):
  1. reads the JASPAR file (memelite has only a MEME reader, so a few lines here parse JASPAR's count matrices)
     and turns counts into probabilities exactly as regulens compare does: (count + 0.025) / (sites + 0.1);
  2. runs memelite.tomtom.tomtom(queries, targets, n_jobs=THREADS) with its defaults (Euclidean distance only,
     100 score bins, 1000 median bins, target-column hashing with 100 bins, both strands, full matrix);
  3. computes Benjamini-Hochberg q-values over all query x target p-values (numpy), E = p x targets;
  4. writes query, target, offset, p, E, q, overlap, orientation (%.3e for the numbers, like regulens) for the
     pairs with q <= THRESH (default 0.5, regulens compare's default), or every pair with --all.
Usage: memelite_tomtom.py JASPAR OUT.tsv [--all] [--threads N] [--thresh Q]
The memesuite-lite source is taken from $MEMELITE (default /work/anchors/memelite).
"""
import argparse
import importlib.util
import os
import sys

import numpy



def _load_tomtom():
    """memelite/tomtom.py by itself: the package's __init__ also imports fimo, which needs pyfaidx (not installed
    here, not needed for tomtom). Debian's numba 0.56 cannot type one line of it, `_results[pid, idxs]` (two
    advanced indices; in the n_nearest branch, unused here but compiled), so a copy with the equivalent
    `_results[pid][idxs]` is loaded; every other line is memelite's. The copy sits under $TMPDIR so that numba's
    on-disk cache (cache=True) works across runs."""
    source = os.path.join(os.environ.get("MEMELITE", "/work/anchors/memelite"), "memelite", "tomtom.py")
    with open(source) as handle:
        text = handle.read()
    patched = text.replace("_results[pid, idxs]", "_results[pid][idxs]")
    folder = os.path.join(os.environ.get("TMPDIR", "/tmp"), "memelite-compat")
    os.makedirs(folder, exist_ok=True)
    copy = os.path.join(folder, "memelite_tomtom.py")
    if not os.path.exists(copy) or open(copy).read() != patched:
        with open(copy, "w") as handle:
            handle.write(patched)
    spec = importlib.util.spec_from_file_location("memelite_tomtom", copy)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.tomtom


tomtom = _load_tomtom()


def read_jaspar(path):
    names, matrices = [], []
    rows = []
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            if line.startswith(">"):
                if rows:
                    matrices.append(numpy.array(rows))
                names.append(line[1:].split()[0])
                rows = []
            else:
                rows.append([float(v) for v in line.split("[", 1)[1].rstrip("]").split()])
    matrices.append(numpy.array(rows))
    probabilities = []
    for counts in matrices:  # counts: 4 x width (A, C, G, T)
        sites = counts.sum(axis=0, keepdims=True)
        probabilities.append((counts + 0.025) / (sites + 0.1))
    return names, probabilities


def benjamini_hochberg(p):
    flat = p.ravel()
    order = numpy.argsort(flat, kind="stable")
    m = flat.size
    ratio = flat[order] * m / numpy.arange(1, m + 1)
    q_sorted = numpy.minimum.accumulate(ratio[::-1])[::-1]
    q = numpy.empty_like(flat)
    q[order] = numpy.minimum(q_sorted, 1)
    return q.reshape(p.shape)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jaspar")
    parser.add_argument("out")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--thresh", type=float, default=0.5)
    args = parser.parse_args()

    names, pwms = read_jaspar(args.jaspar)
    p, scores, offsets, overlaps, strands = tomtom(pwms, pwms, n_jobs=args.threads)
    q = benjamini_hochberg(p)
    e = p * len(names)
    keep = numpy.ones(p.shape, dtype=bool) if args.all else q <= args.thresh
    qi, ti = numpy.nonzero(keep)
    name = numpy.array(names, dtype=object)
    with open(args.out, "w") as out:
        out.write("Query_ID\tTarget_ID\tOptimal_offset\tp-value\tE-value\tq-value\tOverlap\tOrientation\n")
        columns = [name[qi], name[ti], offsets[qi, ti].astype(int), p[qi, ti], e[qi, ti], q[qi, ti],
                   overlaps[qi, ti].astype(int), numpy.where(strands[qi, ti] > 0, "-", "+")]
        numpy.savetxt(out, numpy.array(columns, dtype=object).T, delimiter="\t",
                      fmt=["%s", "%s", "%d", "%.3e", "%.3e", "%.3e", "%d", "%s"])
    print("%d pairs written" % qi.size, file=sys.stderr)


if __name__ == "__main__":
    main()
