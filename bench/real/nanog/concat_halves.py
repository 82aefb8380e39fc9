#!/usr/bin/env python3
"""Joins the two halves of the gkmexplain NANOG example (ohe1/ohe2.npz, hypscores1/hypscores2.npz: arr_0, 480 x 4 x
200 each) into OUT/ohe.npz and OUT/hyp.npz (arr_0, 960 x 4 x 200, float32 scores, int8 one-hot), the layout both
`regulens motifs --attributions hyp.npz --sequences ohe.npz` and tfmodisco-lite read.
Usage: concat_halves.py DATA_DIR OUT_DIR
"""
import os
import sys

import numpy as np

data, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for prefix, name, dtype in (("ohe", "ohe", np.int8), ("hypscores", "hyp", np.float32)):
    halves = [np.load(os.path.join(data, "%s%d.npz" % (prefix, k)))["arr_0"] for k in (1, 2)]
    joined = np.concatenate(halves, axis=0).astype(dtype)
    np.savez(os.path.join(out, name + ".npz"), joined)
    print("%s.npz %s %s" % (name, joined.shape, joined.dtype))
