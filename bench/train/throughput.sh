#!/usr/bin/env bash
# Training throughput (sequences/s) of regulens (deeplearning4j, CPU) against the same architecture in PyTorch
# on CPU, same data (simulated, 200 bp), batch 128, all cores. regulens: median of epochs 2-3 of `train`;
# PyTorch: bench/train/pytorch_throughput.py (needs Debian's python3-torch; run with /usr/bin/python3).
# Usage: bench/train/throughput.sh [WORKDIR] [ARCHS...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-throughput}"
shift || true
archs=("${@:-cnn-local deepbind basset}")
R="$root/bin/regulens"
threads="$(nproc)"
mkdir -p "$work"
if [[ ! -f "$work/data.npz" ]]; then
    "$R" simulate --mode sequences --out "$work/sim" --count 5000 --length 200 --seed 1 --task bound=MA0139.2 -q
    "$R" encode --sequences "$work/sim/sequences.tsv" --out "$work/data.npz" --seed 1 -q
fi
for arch in ${archs[@]}; do
    "$R" train --data "$work/data.npz" --arch "$arch" --out "$work/$arch.zip" --epochs 3 --patience 10 \
        --lr-patience 10 --seed 1 -q
    ours=$(awk -F'\t' 'NR>2{print $8}' "$work/$arch.training.tsv" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
    theirs=$(/usr/bin/python3 "$root/bench/train/pytorch_throughput.py" "$work/data.npz" "$arch" "$threads" 3 3500 \
        | awk -F'\t' '{print $4}')
    echo -e "$arch\tregulens ${ours} sequences/s\tpytorch ${theirs}"
done
