#!/usr/bin/python3
"""Issue 18, input encodings: would the 2-D miRNA CNN rank better if it saw the nucleotides (one-hot channels of the
miRNA along rows and of the target along columns, beside the pairing map)? A PyTorch re-implementation of regulens'
`mirna-cnn` layers (or `mirna-resnet`), trained the same way (Adam 1e-3, L2 1e-5, batch 64, 10% validation), one
thread, printing validation AP and the held-out 1:1 / 1:10 AP after every epoch (the held-out figures are read, never
used to choose). Usage: encoding_torch.py SPLIT_DIR map|seq EPOCHS SEED [cnn|resnet]
SPLIT_DIR is split.py's output (train.tsv, heldout_1_1.tsv, heldout_1_10.tsv). Needs Debian python3-torch, -sklearn."""
import sys, csv, numpy as np, torch, torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
torch.set_num_threads(1)
d = sys.argv[1].rstrip('/') + '/'
enc_kind, epochs, seed = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
arch = sys.argv[5] if len(sys.argv) > 5 else 'cnn'
def read(f):
    rows = list(csv.DictReader(open(f), delimiter='\t'))
    return [r['miRNA'].upper().replace('U','T') for r in rows], [r['gene'].upper().replace('U','T') for r in rows], np.array([int(r['label']) for r in rows], np.float32)
B = {'A':0,'C':1,'G':2,'T':3}
P = np.zeros((5,5), np.float32)
for m,t,v in [('A','T',1),('C','G',1),('G','C',1),('T','A',1),('G','T',.5),('T','G',.5)]: P[B[m],B[t]] = v
def idx(s, n):
    a = np.full(n, 4, np.int64)
    for i,c in enumerate(s[:n]): a[i] = B.get(c,4)
    return a
def encode(ms, ts):
    n = len(ms); C = 1 if enc_kind == 'map' else 9
    X = np.zeros((n, C, 20, 50), np.float32)
    for k,(m,t) in enumerate(zip(ms,ts)):
        mi = idx(m, 20); ti = idx(t[::-1], 50)   # columns: target 3'->5'
        X[k,0] = P[mi][:, ti]
        if C > 1:
            for i in range(20):
                if mi[i] < 4: X[k,1+mi[i],i,:] = 1
            for j in range(50):
                if ti[j] < 4: X[k,5+ti[j],:,j] = 1
    return torch.tensor(X)
ms, ts, y = read(d+'train.tsv')
rng = np.random.RandomState(seed)
perm = rng.permutation(len(y)); nv = len(y)//10
vi, ti_ = perm[:nv], perm[nv:]
X = encode(ms, ts); Y = torch.tensor(y)
h1 = read(d+'heldout_1_1.tsv'); h10 = read(d+'heldout_1_10.tsv')
X1 = encode(h1[0], h1[1]); X10 = encode(h10[0], h10[1])
torch.manual_seed(seed)
C = X.shape[1]
def cbr(i,o): return [nn.Conv2d(i,o,3,padding=1), nn.BatchNorm2d(o), nn.ReLU()]
if arch == 'cnn':
    net = nn.Sequential(*cbr(C,16), nn.MaxPool2d(2), *cbr(16,32), nn.MaxPool2d(2), nn.Dropout(0.2), nn.Flatten(),
        nn.Linear(32*5*12, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64,1))
else:
    class Res(nn.Module):
        def __init__(s, c): super().__init__(); s.a = nn.Sequential(*cbr(c,c), nn.Conv2d(c,c,3,padding=1), nn.BatchNorm2d(c))
        def forward(s, x): return torch.relu(x + s.a(x))
    net = nn.Sequential(*cbr(C,32), nn.MaxPool2d(2), Res(32), *cbr(32,64), nn.MaxPool2d(2), Res(64), nn.MaxPool2d(2), nn.Dropout(0.3), nn.Flatten(),
        nn.Linear(64*2*6, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128,1))
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-5)
lossf = nn.BCEWithLogitsLoss()
def score(Xe):
    net.eval(); out = []
    with torch.no_grad():
        for i in range(0, len(Xe), 1024): out.append(net(Xe[i:i+1024]).squeeze(1))
    net.train(); return torch.cat(out).numpy()
best = -1
for ep in range(1, epochs+1):
    p = torch.tensor(rng.permutation(ti_))
    for i in range(0, len(p), 64):
        b = p[i:i+64]
        if len(b) < 2: continue
        opt.zero_grad(); l = lossf(net(X[b]).squeeze(1), Y[b]); l.backward(); opt.step()
    sv = score(X[vi]); vap = average_precision_score(y[vi], sv)
    s1 = score(X1); s10 = score(X10)
    mark = '*' if vap > best else ''
    if vap > best: best = vap
    print(f"{enc_kind} {arch} seed {seed} epoch {ep} valid AP {vap:.4f} heldout 1:1 AP {average_precision_score(h1[2], s1):.4f} 1:10 AP {average_precision_score(h10[2], s10):.4f} {mark}", flush=True)
