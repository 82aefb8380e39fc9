#!/usr/bin/env python3
"""Runs tfmodisco-lite's TFMoDISco on OUT/ohe.npz + OUT/hyp.npz (arr_0, N x 4 x L) with the settings of its
`modisco motifs` command-line defaults (-n MAX_SEQLETS, window 20, flank 5, trim 30, initial flank 10, final
flank 0, seqlet FDR 0.05, 2 Leiden runs), on the whole sequence (no central-window crop), and prints
"patterns POS NEG seqlets S". tfmodisco-lite is taken from $TFMODISCO_LITE (default /work/anchors/tfmodisco-lite,
extracted from the jmschrei/tfmodisco-lite mirror). Its report module (logomaker, memelite, pyfaidx) and the
hdf5plugin compression filters are not needed for discovery and are not installed here, so they are replaced by
empty modules; the h5 results file is not written (only the pattern objects are counted).
Usage: run_tfmodisco_lite.py DIR MAX_SEQLETS
"""
import os
import sys
import types

for name in ("hdf5plugin", "modiscolite.report"):
    sys.modules[name] = types.ModuleType(name)
sys.path.insert(0, os.environ.get("TFMODISCO_LITE", "/work/anchors/tfmodisco-lite"))
import numpy as np  # noqa: E402
import modiscolite  # noqa: E402

folder, max_seqlets = sys.argv[1], int(sys.argv[2])
one_hot = np.load(os.path.join(folder, "ohe.npz"))["arr_0"].transpose(0, 2, 1).astype("float32")
hyp = np.load(os.path.join(folder, "hyp.npz"))["arr_0"].transpose(0, 2, 1).astype("float32")
pos, neg = modiscolite.tfmodisco.TFMoDISco(
    hypothetical_contribs=hyp, one_hot=one_hot, max_seqlets_per_metacluster=max_seqlets,
    sliding_window_size=20, flank_size=5, trim_to_window_size=30, initial_flank_to_add=10,
    final_flank_to_add=0, target_seqlet_fdr=0.05, n_leiden_runs=2, verbose=True)
pos, neg = pos or [], neg or []
print("patterns %d %d seqlets %d" % (len(pos), len(neg), sum(len(p.seqlets) for p in pos + neg)))
