#!/usr/bin/env bash
# Attention benchmark (issue 17 point 3): planted-pair sequences (plant.py: positives hold motifs A and B at
# independent random positions, negatives only A, only B, A twice or B twice), a cnn-attention model trained on
# them, its attention maps on the test positives (regulens attention), and the attention from one planted site to
# the other against the background (analyse.py). Also trains basset on the same data for the cost comparison
# (seconds per epoch from the training logs; run it under `flock -x /tmp/bench.lock` for timings you report).
# Usage: bench/attention/run.sh [WORKDIR] [N] [EPOCHS]   (python3 with numpy and scipy)
# Environment: ARCHS (default "cnn-attention basset"), BASSET_EPOCHS (2), MAX_TIME (a train --max-time cap per model)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-attention}"
n="${2:-4000}"
epochs="${3:-20}"
R="$root/bin/regulens"
mkdir -p "$work"
python3 "$root/bench/attention/plant.py" "$work" "$n" 200 1
"$R" encode --sequences "$work/seqs.tsv" --out "$work/data.npz" -q
# cnn-attention for the attention figures; basset only for its seconds per epoch (BASSET_EPOCHS, default 2)
for arch in ${ARCHS:-cnn-attention basset}; do
    e=$epochs
    [ "$arch" = basset ] && e="${BASSET_EPOCHS:-2}"
    start=$(date +%s.%N)
    "$R" train --data "$work/data.npz" --arch "$arch" --epochs "$e" --patience "$e" --seed 1 \
        ${MAX_TIME:+--max-time "$MAX_TIME"} --out "$work/$arch.zip" --log "$work/$arch.log.tsv" -q
    end=$(date +%s.%N)
    echo -e "$arch\ttrain wall s\t$(echo "$end - $start" | bc)\tepochs\t$e\tuptime\t$(uptime | sed 's/.*average: //')"
    cat "$work/$arch.log.tsv"
    "$R" evaluate --model "$work/$arch.zip" --data "$work/data.npz" --split test --out "$work/$arch.metrics.tsv" -q
    cat "$work/$arch.metrics.tsv"
done
"$R" attention --model "$work/cnn-attention.zip" --data "$work/data.npz" --split test --label positive \
    --out "$work/maps.npz" -q
python3 "$root/bench/attention/analyse.py" "$work/maps.npz" "$work/data.npz" "$work/truth.tsv" 8
