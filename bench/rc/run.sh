#!/usr/bin/env bash
# Reverse-complement sharing benchmark (issue 17 point 4): on simulated sequences with planted motifs (sequence
# mode, 200 bp; one task whose positives carry instances of five JASPAR motifs), trains deepbind and cnn-local with
# --rc none, average and equivariant for the same number of epochs (no early stop) and records the test auROC/auPR,
# the free parameter count and the training throughput. A small run: accuracy figures, not timings, are the point
# (throughput depends on machine load; see RESULTS.md for the load at the time).
# Usage: bench/rc/run.sh [WORKDIR]   (needs `mvn -B package`); COUNT, EPOCHS and RUNS override the defaults.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-rc}"
R="$root/bin/regulens"
core="MA0139.2,MA0035.5,MA0079.5,MA0058.4,MA0466.4"   # CTCF, GATA1, SP1, MAX, CEBPB
count="${COUNT:-4000}"
epochs="${EPOCHS:-4}"
mkdir -p "$work"
if [[ ! -f "$work/data.npz" ]]; then
    "$R" simulate --mode sequences --out "$work/sim" --count "$count" --length 200 --seed 1 \
        --task "bound=${core//,/+}" -q
    "$R" encode --sequences "$work/sim/sequences.tsv" --out "$work/data.npz" --seed 1 -q
fi
results="$work/results.tsv"
echo -e "arch\trc\tparameters\tconv1_parameters\ttest_auroc\ttest_auprc\tepochs\tseq_per_s" > "$results"
for run in ${RUNS:-deepbind:none deepbind:average deepbind:equivariant cnn-local:none cnn-local:average cnn-local:equivariant}; do
    arch=${run%%:*}; rc=${run##*:}; m="$work/$arch-$rc.zip"
    "$R" train --data "$work/data.npz" --arch "$arch" --rc "$rc" --out "$m" --epochs "$epochs" \
        --patience "$epochs" --lr-patience "$epochs" --seed 1 2> "$work/$arch-$rc.log"
    "$R" evaluate --model "$m" --data "$work/data.npz" --out "$work/$arch-$rc.metrics.tsv" -q
    params=$(grep -o '[0-9,]* parameters' "$work/$arch-$rc.log" | head -1 | tr -d ', parameters')
    # free first-layer parameters (W and b): all of them unshared; half the filters when tied, and an even free
    # width is saved with a zero last column in the first half (b comes before W in deeplearning4j's vector)
    conv1=$(python3 "$root/bench/rc/conv1_free.py" "$m" "$rc")
    auc=$(awk -F'\t' 'NR==2{print $2"\t"$3}' "$work/$arch-$rc.metrics.tsv")
    ran=$(($(wc -l < "${m%.zip}.training.tsv") - 1))
    speed=$(awk -F'\t' 'NR>1{s+=$8;n++} END{printf "%.0f", s/n}' "${m%.zip}.training.tsv")
    echo -e "$arch\t$rc\t$params\t$conv1\t$auc\t$ran\t$speed" | tee -a "$results"
done
