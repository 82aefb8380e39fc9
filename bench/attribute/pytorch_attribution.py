"""Attribution throughput of the same computations in PyTorch on CPU, for comparison with `regulens attribute`.

Random-weight cnn-local or basset (eval mode, batch norm folded away by using none), random one-hot inputs of length
L. Methods: saliency (one input gradient), ig (50 path points), ism (naive: every single-base substitution, batched
forward passes), deepshap_cost (input gradients of 20 sequence-reference pairs: the backward-pass work DeepSHAP does;
PyTorch has no DeepLIFT rules without captum/shap, which are not installed here).
Usage: /usr/bin/python3 pytorch_attribution.py ARCH LENGTH METHOD [N] [THREADS]   prints sequences/s
"""
import sys
import time
import torch
from torch import nn

arch, length, method = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 64
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
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
x = torch.zeros(n, 4, length)
x[torch.arange(n).unsqueeze(1), torch.randint(0, 4, (n, length)), torch.arange(length)] = 1


def gradients(inputs, batch=64):
    out = []
    for i in range(0, len(inputs), batch):
        part = inputs[i:i + batch].clone().requires_grad_(True)
        model(part)[:, 0].sum().backward()
        out.append(part.grad)
    return torch.cat(out)


def run():
    if method == "saliency":
        gradients(x)
    elif method == "ig":
        alphas = (torch.arange(50) + 0.5) / 50
        for i in range(n):
            gradients(alphas.view(-1, 1, 1) * x[i:i + 1], 64).mean(0)
    elif method == "deepshap_cost":
        for i in range(0, n, 4):
            gradients(x[i:i + 4].repeat_interleave(20, 0), 80)
    elif method == "ism":
        with torch.no_grad():
            for i in range(n):
                mutants = x[i].repeat(4 * length, 1, 1)
                for j in range(length):
                    mutants[4 * j:4 * j + 4, :, j] = torch.eye(4)
                for k in range(0, len(mutants), 512):
                    model(mutants[k:k + 512])
    else:
        raise SystemExit("unknown method " + method)


run()  # warm-up
start = time.perf_counter()
run()
print(f"{arch}\t{length}\t{method}\tpytorch {torch.__version__}\t{threads} threads\t{n / (time.perf_counter() - start):.3g} sequences/s")
