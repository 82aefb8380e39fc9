"""The PyTorch anchor of bench/train/cpu_ratio.sh: the work of `regulens train` on a regulens data set, done by
the same layer stack in PyTorch on CPU. Trains on split 0 for a fixed number of epochs (batch 128, shuffled, Adam
lr 1e-3 with L2 1e-6 added to the gradient of conv/linear/LSTM weights, as deeplearning4j's l2, reverse-complement
augmentation of half the rows, binary cross-entropy on logits, dropout and batch norm as in regulens), scores the
validation split (split 1) after every epoch (loss, auROC) as regulens does for early stopping, and finally prints
one tab-separated line: arch, parameter count (trainable parameters plus batch-norm running mean and variance,
which is what deeplearning4j counts), test auROC (split 2), and the validation auROC of each epoch.
Usage: /usr/bin/python3 pytorch_train.py DATA.npz ARCH EPOCHS [THREADS] [SEED]"""
import sys
import numpy as np
import torch
from torch import nn

path, arch, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
torch.set_num_threads(threads)
torch.manual_seed(seed)
rng = np.random.default_rng(seed)
data = np.load(path, allow_pickle=False)
x_all = torch.tensor(data["x"].astype(np.float32))
y_all = torch.tensor(np.nan_to_num(data["y"]).astype(np.float32))
split = data["split"]
rows = {s: torch.tensor(np.flatnonzero(split == s)) for s in (0, 1, 2)}
length, tasks = x_all.shape[2], y_all.shape[1]


def block(c_in, c_out, width, pool, dropout):
    return [nn.Conv1d(c_in, c_out, width, padding="same"), nn.BatchNorm1d(c_out), nn.ReLU(),
            nn.MaxPool1d(pool), nn.Dropout(dropout)]


class BiLstmMax(nn.Module):
    """Bidirectional LSTM over positions, then the maximum of each output over positions (regulens' DanQ)."""

    def __init__(self, c_in, hidden):
        super().__init__()
        self.lstm = nn.LSTM(c_in, hidden, batch_first=True, bidirectional=True)
        # deeplearning4j's LSTM has one bias per gate; PyTorch's second (recurrent) bias adds nothing but
        # parameters, so it is held at zero and not trained
        for name, p in self.lstm.named_parameters():
            if name.startswith("bias_hh"):
                p.data.zero_()
                p.requires_grad_(False)

    def forward(self, x):
        out, _ = self.lstm(x.transpose(1, 2))
        return out.max(dim=1).values


if arch == "cnn-local":
    layers = block(4, 32, 19, 25, 0.1) + block(32, 64, 5, 2, 0.2)
    flat = 64 * ((length // 25) // 2)
    head = [nn.Flatten(), nn.Linear(flat, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, tasks)]
elif arch == "basset":
    layers = block(4, 300, 19, 3, 0)[:-1] + block(300, 200, 11, 4, 0)[:-1] + block(200, 200, 7, 4, 0)[:-1]
    flat = 200 * (((length // 3) // 4) // 4)
    head = [nn.Flatten(), nn.Linear(flat, 1000), nn.BatchNorm1d(1000), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(1000, 1000), nn.BatchNorm1d(1000), nn.ReLU(), nn.Dropout(0.3), nn.Linear(1000, tasks)]
elif arch == "deepbind":
    layers = [nn.Conv1d(4, 16, 24, padding="same"), nn.BatchNorm1d(16), nn.ReLU(), nn.AdaptiveMaxPool1d(1)]
    head = [nn.Flatten(), nn.Linear(16, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, tasks)]
elif arch == "danq":
    layers = [nn.Conv1d(4, 320, 26, padding="same"), nn.ReLU(), nn.MaxPool1d(13), nn.Dropout(0.2),
              BiLstmMax(320, 320)]
    head = [nn.Linear(640, 925), nn.BatchNorm1d(925), nn.ReLU(), nn.Dropout(0.5), nn.Linear(925, tasks)]
else:
    raise SystemExit("unknown arch " + arch)
model = nn.Sequential(*layers, *head)
weights = [p for n, p in model.named_parameters() if p.requires_grad and p.dim() > 1]
others = [p for n, p in model.named_parameters() if p.requires_grad and p.dim() <= 1]
optimiser = torch.optim.Adam([{"params": weights, "weight_decay": 1e-6}, {"params": others, "weight_decay": 0}],
                             lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()
count = sum(p.numel() for p in model.parameters() if p.requires_grad)
count += sum(m.running_mean.numel() + m.running_var.numel() for m in model.modules()
             if isinstance(m, nn.BatchNorm1d))


def auroc(scores, labels):
    """Mann-Whitney auROC with average ranks for ties."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = labels > 0.5
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return (ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def score(idx):
    model.eval()
    with torch.no_grad():
        logits = torch.cat([model(x_all[idx[i:i + 256]]) for i in range(0, len(idx), 256)])
    y = y_all[idx]
    loss = loss_fn(logits, y).item()
    return loss, np.mean([auroc(logits[:, t].numpy(), y[:, t].numpy()) for t in range(tasks)])


valid = []
train = rows[0]
for epoch in range(epochs):
    model.train()
    order = train[torch.randperm(len(train))]
    for i in range(0, len(order), 128):
        idx = order[i:i + 128]
        xb = x_all[idx].clone()
        flip = torch.tensor(rng.random(len(idx)) < 0.5)
        xb[flip] = xb[flip].flip(1, 2)  # reverse complement: A C G T -> T G C A, positions reversed
        optimiser.zero_grad()
        loss = loss_fn(model(xb), y_all[idx])
        loss.backward()
        optimiser.step()
    valid.append(score(rows[1])[1])
test = score(rows[2])[1]
print(f"{arch}\t{count}\t{test:.4f}\t" + ",".join(f"{v:.4f}" for v in valid))
