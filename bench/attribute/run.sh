#!/usr/bin/env bash
# Attribution benchmark: for cnn-local models (relu and exp first layer) trained by bench/train/run.sh on its
# simulated data (200 bp, planted motifs with known positions), run each method on the test positives and record
# the mean per-sequence AUROC of |actual contribution| against the planted positions (Koo & Ploenzke 2021's
# measure) and the throughput (sequences/s, wall clock including start-up).
# Usage: bench/attribute/run.sh [TRAIN_WORKDIR] [N]   (needs bench/train/run.sh to have run; python3 + numpy)
# METHODS="m1 m2+--opt=value ..." chooses the methods (options after '+'); ACTS="relu exp" the models.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-train}"
n="${2:-300}"
R="$root/bin/regulens"
results="$work/attribution.tsv"
echo -e "model\tmethod\tsequences\tseconds\tseq_per_s\tplanted_auroc" > "$results"
for act in ${ACTS:-relu exp}; do
    m="$work/cnn-local-$act.zip"
    # a method may carry options after '+', e.g. deeplift+--rule=revealcancel or lrp+--lrp-rule=alpha-beta
    for spec in ${METHODS:-gradxinput ism ig deepshap smoothgrad deeplift gradcam guided-backprop}; do
        method=${spec%%+*}
        options=(); [[ "$spec" == *+* ]] && IFS='+' read -r -a options <<< "${spec#*+}"
        out="$work/attr-$act-${spec//[^A-Za-z0-9.-]/_}.npz"
        start=$(date +%s.%N)
        "$R" attribute --model "$m" --data "$work/data.npz" --method "$method" "${options[@]}" --split test \
            --label positive --max-sequences "$n" --out "$out" -q
        end=$(date +%s.%N)
        secs=$(echo "$end - $start" | bc)
        auc=$(python3 "$root/bench/attribute/planted_auroc.py" "$out" "$work/data.npz" "$work/sim/truth.npy" | cut -f1)
        echo -e "cnn-local-$act\t$spec\t$n\t$secs\t$(echo "$n / $secs" | bc -l | xargs printf '%.1f')\t$auc" | tee -a "$results"
    done
done
