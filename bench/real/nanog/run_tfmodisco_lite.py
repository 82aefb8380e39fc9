#!/usr/bin/env python3
"""Runs tfmodisco-lite's TFMoDISco on DIR/ohe.npz + DIR/hyp.npz (arr_0, N x 4 x L) with its `modisco motifs`
command-line defaults (-n MAX_SEQLETS, window 20, flank 5, trim 30, initial flank 10, final flank 0, 2 Leiden runs,
seqlet FDR 0.05) and writes DIR/OUT/patterns.meme: each pattern's PPM trimmed as tfmodisco-lite's own report trims
it before TOMTOM (positions whose summed |CWM| reaches 0.3 of the largest, first to last), named
pos_pattern_K / neg_pattern_K; and DIR/OUT/patterns.tsv (pattern, seqlets, trimmed width, consensus).
tfmodisco-lite comes from $TFMODISCO_LITE (default /work/anchors/tfmodisco-lite); its report module and hdf5plugin
are not needed for discovery and are replaced by empty modules.
Usage: run_tfmodisco_lite.py DIR OUT MAX_SEQLETS
"""
import os
import sys
import types

for name in ("hdf5plugin", "modiscolite.report"):
    sys.modules[name] = types.ModuleType(name)
sys.path.insert(0, os.environ.get("TFMODISCO_LITE", "/work/anchors/tfmodisco-lite"))
import numpy as np  # noqa: E402
import modiscolite  # noqa: E402

folder, out, max_seqlets = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
one_hot = np.load(os.path.join(folder, "ohe.npz"))["arr_0"].transpose(0, 2, 1).astype("float32")
hyp = np.load(os.path.join(folder, "hyp.npz"))["arr_0"].transpose(0, 2, 1).astype("float32")
pos, neg = modiscolite.tfmodisco.TFMoDISco(
    hypothetical_contribs=hyp, one_hot=one_hot, max_seqlets_per_metacluster=max_seqlets,
    sliding_window_size=20, flank_size=5, trim_to_window_size=30, initial_flank_to_add=10,
    final_flank_to_add=0, target_seqlet_fdr=0.05, n_leiden_runs=2, verbose=True)

meme = ["MEME version 4", "", "ALPHABET= ACGT", "", "strands: + -", "",
        "Background letter frequencies", "A 0.25 C 0.25 G 0.25 T 0.25", ""]
table = ["pattern\tseqlets\twidth\tconsensus"]
for prefix, patterns in (("pos", pos or []), ("neg", neg or [])):
    for k, pattern in enumerate(patterns):
        name = "%s_pattern_%d" % (prefix, k)
        ppm = pattern.sequence
        score = np.abs(pattern.contrib_scores).sum(axis=1)
        keep = np.where(score >= 0.3 * score.max())[0]
        ppm = ppm[keep.min():keep.max() + 1]
        ppm = ppm / ppm.sum(axis=1, keepdims=True)
        meme += ["MOTIF %s %s" % (name, name), "letter-probability matrix: alength= 4 w= %d nsites= %d E= 0"
                 % (len(ppm), len(pattern.seqlets))]
        meme += [" ".join("%.6f" % v for v in row) for row in ppm] + [""]
        consensus = "".join("ACGT"[i] if row.max() >= 0.5 else "N" for i, row in zip(ppm.argmax(axis=1), ppm))
        table.append("%s\t%d\t%d\t%s" % (name, len(pattern.seqlets), len(ppm), consensus))
with open(os.path.join(out, "patterns.meme"), "w") as f:
    f.write("\n".join(meme) + "\n")
with open(os.path.join(out, "patterns.tsv"), "w") as f:
    f.write("\n".join(table) + "\n")
print("patterns %d %d seqlets %d" % (len(pos or []), len(neg or []),
                                     sum(len(p.seqlets) for p in (pos or []) + (neg or []))))
