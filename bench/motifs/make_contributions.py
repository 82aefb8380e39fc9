#!/usr/bin/env python3
"""Synthetic contribution scores with planted motifs, for timing `regulens motifs` and tfmodisco-lite on the same
scores, and for checking that the pattern count is stable when the input is given twice with jitter.

Writes OUT/ohe.npz and OUT/hyp.npz (tfmodisco-lite style, arr_0, N x 4 x L, float32): random sequences; each
example gets `--per-example` instances of motifs drawn from `--motifs` random PWMs (width 8-16) at random
positions and strands; hypothetical contributions are N(0, noise) plus (p(base) - 0.25) on the instances.
With `--jitter-copy J` the examples are followed by a copy of each, rolled by 1..J bases (either direction,
seeded): the same sequences and scores twice, shifted a little (2N examples).
"""
import argparse
import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--examples", type=int, required=True)
p.add_argument("--length", type=int, default=200)
p.add_argument("--motifs", type=int, default=8)
p.add_argument("--per-example", type=int, default=2)
p.add_argument("--noise", type=float, default=0.01)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--jitter-copy", type=int, default=0)
p.add_argument("--out", required=True)
a = p.parse_args()

rng = np.random.default_rng(a.seed)
pwms = []
for _ in range(a.motifs):
    w = int(rng.integers(8, 17))
    pwms.append(rng.dirichlet([0.3] * 4, size=w))
n, L = a.examples, a.length
bases = rng.integers(0, 4, size=(n, L))
hyp = rng.normal(0, a.noise, size=(n, 4, L)).astype(np.float32)
slot = L // a.per_example
for i in range(n):
    for k in range(a.per_example):
        pwm = pwms[int(rng.integers(a.motifs))]
        if rng.random() < 0.5:
            pwm = pwm[::-1, ::-1]
        w = pwm.shape[0]
        s = k * slot + int(rng.integers(0, slot - w))
        # one draw per position from its column (inverse CDF)
        bases[i, s:s + w] = np.minimum((rng.random(w)[:, None] > np.cumsum(pwm, axis=1)).sum(axis=1), 3)
        hyp[i, :, s:s + w] += (pwm - 0.25).T.astype(np.float32)
ohe = np.zeros((n, 4, L), dtype=np.float32)
ohe[np.arange(n)[:, None], bases, np.arange(L)[None, :]] = 1
if a.jitter_copy > 0:
    shifts = rng.integers(1, a.jitter_copy + 1, size=n) * rng.choice([-1, 1], size=n)
    ohe2 = np.empty_like(ohe)
    hyp2 = np.empty_like(hyp)
    for i in range(n):
        ohe2[i] = np.roll(ohe[i], shifts[i], axis=1)
        hyp2[i] = np.roll(hyp[i], shifts[i], axis=1)
    ohe = np.concatenate([ohe, ohe2])
    hyp = np.concatenate([hyp, hyp2])
np.savez(a.out + "/ohe.npz", ohe)
np.savez(a.out + "/hyp.npz", hyp)
