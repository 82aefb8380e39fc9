"""The anchor for `regulens attribute` speed: the same computations in plain PyTorch on CPU.

Same architecture as regulens' cnn-local or basset after inference rewriting (batch norm folded, dropout gone),
random weights (the cost of these dense operations does not depend on the values), and the same rows: the first N
of the regulens data set DATA.npz ("x", one-hot N x 4 x L) when given, else random one-hot rows. Methods:
saliency (one input gradient per row, batches of 256 rows as regulens), ig (50 path points from a zero baseline,
all rows' points in one backward pass per 5 rows as regulens), ism (naive: every single-base substitution of each
row, batched forward passes of 512), deepshap_cost (input gradients of 20 sequence-reference pairs per row: the
backward-pass work DeepSHAP does; DeepLIFT's rules need captum or shap, not installable here, so this is a lower
bound on PyTorch's DeepSHAP cost).
A warm-up on min(N, 4) rows first, then the timed run on N rows. Prints the seconds of the timed run.
Usage: /usr/bin/python3 pytorch_attribution.py ARCH LENGTH METHOD N THREADS [DATA.npz]
"""
import sys
import time

import numpy as np
import torch
from torch import nn

arch, length, method = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 64
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
data = sys.argv[6] if len(sys.argv) > 6 else None
torch.set_num_threads(threads)
torch.manual_seed(1)


def block(c_in, c_out, width, pool):
    return [nn.Conv1d(c_in, c_out, width, padding="same"), nn.ReLU(), nn.MaxPool1d(pool)]


if arch == "cnn-local":
    layers = block(4, 32, 19, 25) + block(32, 64, 5, 2)
    head = [nn.Linear(64 * ((length // 25) // 2), 128), nn.ReLU(), nn.Linear(128, 1)]
elif arch == "basset":
    layers = block(4, 300, 19, 3) + block(300, 200, 11, 4) + block(200, 200, 7, 4)
    head = [nn.Linear(200 * (((length // 3) // 4) // 4), 1000), nn.ReLU(), nn.Linear(1000, 1000), nn.ReLU(),
            nn.Linear(1000, 1)]
else:
    raise SystemExit("unknown arch " + arch)
model = nn.Sequential(*layers, nn.Flatten(), *head).eval()
if data:
    rows = np.load(data)["x"][:n].astype(np.float32)
    if rows.shape[0] < n or rows.shape[2] != length:
        raise SystemExit(f"{data}: needs {n} rows of {length} bp, has {rows.shape}")
    x = torch.from_numpy(rows)
else:
    x = torch.zeros(n, 4, length)
    x[torch.arange(n).unsqueeze(1), torch.randint(0, 4, (n, length)), torch.arange(length)] = 1


def gradients(inputs, batch):
    out = []
    for i in range(0, len(inputs), batch):
        part = inputs[i:i + batch].clone().requires_grad_(True)
        model(part)[:, 0].sum().backward()
        out.append(part.grad)
    return torch.cat(out)


def run(x):
    if method == "saliency":
        gradients(x, 256)
    elif method == "ig":
        alphas = ((torch.arange(50) + 0.5) / 50).view(1, -1, 1, 1)
        for i in range(0, len(x), 5):
            rows = x[i:i + 5]
            path = (alphas * rows.unsqueeze(1)).reshape(-1, 4, length)
            gradients(path, len(path)).reshape(len(rows), 50, 4, length).mean(1)
    elif method == "deepshap_cost":
        for i in range(0, len(x), 6):
            gradients(x[i:i + 6].repeat_interleave(20, 0), 120)
    elif method == "ism":
        with torch.no_grad():
            for i in range(len(x)):
                mutants = x[i].repeat(4 * length, 1, 1)
                for j in range(length):
                    mutants[4 * j:4 * j + 4, :, j] = torch.eye(4)
                for k in range(0, len(mutants), 512):
                    model(mutants[k:k + 512])
    else:
        raise SystemExit("unknown method " + method)


run(x[:min(n, 4)])  # warm-up
start = time.perf_counter()
run(x)
seconds = time.perf_counter() - start
print(f"{arch}\t{length}\t{method}\tpytorch {torch.__version__}\t{threads} threads\t{seconds:.3f} s\t{n / seconds:.3g} sequences/s")
