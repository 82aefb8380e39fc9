"""Free parameters of a saved model's first convolution: W and b; with --rc equivariant half the filters are free
and a zero last column (an even free width made odd) is not counted. Usage: conv1_free.py MODEL.zip RC"""
import io
import json
import sys
import zipfile

import numpy as np

with zipfile.ZipFile(sys.argv[1]) as z:
    layer = json.loads(z.read("configuration.json"))["confs"][0]["layer"]
    params = np.load(io.BytesIO(z.read("params.npy"))).ravel()
k, n_in, n_out = layer["kernelSize"][1], layer["nin"], layer["nout"]
if sys.argv[2] != "equivariant":
    print(n_out * n_in * k + n_out)
else:
    w = params[n_out:n_out + n_out * n_in * k].reshape(n_out, n_in, k)
    width = k - 1 if np.all(w[: n_out // 2, :, k - 1] == 0) else k
    print(n_out // 2 * (n_in * width + 1))
