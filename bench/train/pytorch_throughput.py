"""Training throughput of the same architectures in PyTorch on CPU, for comparison with `regulens train`.
Reads the one-hot x (N x 4 x L) and y of a regulens data set, trains for a number of epochs with Adam and
batch size 128 on the given threads, and prints sequences per second (the first epoch is a warm-up).
Usage: /usr/bin/python3 pytorch_throughput.py DATA.npz ARCH [THREADS] [EPOCHS] [ROWS]"""
import sys
import time
import numpy as np
import torch
from torch import nn

path, arch = sys.argv[1], sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
rows = int(sys.argv[5]) if len(sys.argv) > 5 else 4096
torch.set_num_threads(threads)
torch.manual_seed(1)
data = np.load(path, allow_pickle=False)
x = torch.tensor(data["x"][:rows].astype(np.float32))
y = torch.tensor(np.nan_to_num(data["y"][:rows]).astype(np.float32))
length, tasks = x.shape[2], y.shape[1]


def block(c_in, c_out, width, pool, dropout):
    return [nn.Conv1d(c_in, c_out, width, padding="same"), nn.BatchNorm1d(c_out), nn.ReLU(),
            nn.MaxPool1d(pool), nn.Dropout(dropout)]


if arch == "cnn-local":
    layers = block(4, 32, 19, 25, 0.1) + block(32, 64, 5, 2, 0.2)
    flat = 64 * ((length // 25) // 2)
    head = [nn.Linear(flat, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, tasks)]
elif arch == "basset":
    layers = block(4, 300, 19, 3, 0) + block(300, 200, 11, 4, 0) + block(200, 200, 7, 4, 0)
    flat = 200 * (((length // 3) // 4) // 4)
    head = [nn.Linear(flat, 1000), nn.BatchNorm1d(1000), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(1000, 1000), nn.BatchNorm1d(1000), nn.ReLU(), nn.Dropout(0.3), nn.Linear(1000, tasks)]
elif arch == "deepbind":
    layers = [nn.Conv1d(4, 16, 24, padding="same"), nn.BatchNorm1d(16), nn.ReLU(), nn.AdaptiveMaxPool1d(1)]
    flat = 16
    head = [nn.Linear(flat, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, tasks)]
else:
    raise SystemExit("unknown arch " + arch)
model = nn.Sequential(*layers, nn.Flatten(), *head)
optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()
speeds = []
for epoch in range(epochs):
    order = torch.randperm(len(x))
    start = time.perf_counter()
    model.train()
    for i in range(0, len(x), 128):
        idx = order[i:i + 128]
        optimiser.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        optimiser.step()
    speeds.append(len(x) / (time.perf_counter() - start))
print(f"{arch}\tpytorch {torch.__version__}\t{threads} threads\t{np.median(speeds[1:] or speeds):.0f} sequences/s")
