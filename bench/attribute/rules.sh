#!/usr/bin/env bash
# The attribution rules of issue 17 (LRP epsilon / alpha-beta, DeepLIFT RevealCancel, Guided Grad-CAM) beside the
# existing methods on the planted-position benchmark, at a size that fits a shared 2-core machine: 4,000 simulated
# 200 bp sequences with the five planted JASPAR motifs of bench/train/run.sh, cnn-local (relu and exp first layer)
# trained 10 epochs, then bench/attribute/run.sh on N test positives.
# Usage: bench/attribute/rules.sh [WORKDIR] [N]   (python3 + numpy)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-rules}"
n="${2:-200}"
R="$root/bin/regulens"
core="MA0139.2,MA0035.5,MA0079.5,MA0058.4,MA0466.4"   # CTCF, GATA1, SP1, MAX, CEBPB
mkdir -p "$work"
if [[ ! -f "$work/data.npz" ]]; then
    "$R" simulate --mode sequences --out "$work/sim" --count 4000 --length 200 --seed 1 --task "bound=${core//,/+}" -q
    "$R" encode --sequences "$work/sim/sequences.tsv" --out "$work/data.npz" --seed 1 -q
fi
for act in ${ACTS:-relu exp}; do
    m="$work/cnn-local-$act.zip"
    if [[ ! -f "$m" ]]; then
        "$R" train --data "$work/data.npz" --arch cnn-local --first-activation "$act" --out "$m" --epochs 10 \
            --patience 3 --seed 1 -q
        "$R" evaluate --model "$m" --data "$work/data.npz" --out "$work/cnn-local-$act.metrics.tsv" -q
    fi
done
METHODS="${METHODS:-gradxinput guided-backprop gradcam guided-gradcam deeplift deeplift+--rule=revealcancel \
deepshap deepshap+--rule=revealcancel lrp lrp+--lrp-rule=alpha-beta lrp+--lrp-rule=alpha-beta+--lrp-alpha=1}" \
    "$root/bench/attribute/run.sh" "$work" "$n"
