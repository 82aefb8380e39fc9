#!/usr/bin/env bash
# Training benchmark on simulated sequences with planted motifs (sequence mode, 200 bp, 20,000 sequences; one
# task whose positives carry 3-7 instances of five JASPAR motifs and whose negatives carry instances of 20 other
# motifs). Trains cnn-local and deepbind with relu and exp first layers; records test auROC/auPR, epochs,
# training throughput, and the share of first-layer filters whose activation motifs match a planted motif.
# Usage: bench/train/run.sh [WORKDIR]   (needs `mvn -B package`; python3 with numpy for the filter matching)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-train}"
R="$root/bin/regulens"
jaspar="$root/src/main/resources/org/regulens/motif/JASPAR2024_CORE_vertebrates_non-redundant_pfms.jaspar"
core="MA0139.2,MA0035.5,MA0079.5,MA0058.4,MA0466.4"   # CTCF, GATA1, SP1, MAX, CEBPB
mkdir -p "$work"
if [[ ! -f "$work/data.npz" ]]; then
    "$R" simulate --mode sequences --out "$work/sim" --count 20000 --length 200 --seed 1 --task "bound=${core//,/+}" -q
    "$R" encode --sequences "$work/sim/sequences.tsv" --out "$work/data.npz" --seed 1 -q
fi
results="$work/results.tsv"
echo -e "arch\tactivation\ttest_auroc\ttest_auprc\tepochs\tseq_per_s\tfilters_matching_planted" > "$results"
for run in ${RUNS:-cnn-local:relu cnn-local:exp deepbind:relu deepbind:exp}; do
    arch=${run%%:*}; act=${run##*:}; m="$work/$arch-$act.zip"
    "$R" train --data "$work/data.npz" --arch "$arch" --first-activation "$act" --out "$m" --epochs 25 \
        --patience 4 --seed 1 -q
    "$R" evaluate --model "$m" --data "$work/data.npz" --out "$work/$arch-$act.metrics.tsv" -q
    "$R" filters --model "$m" --data "$work/data.npz" --split test --out "$work/$arch-$act.filters.meme" -q
    share=$(python3 "$root/bench/train/motif_match.py" "$work/$arch-$act.filters.meme" "$jaspar" "$core" 0.75 \
        "$work/$arch-$act.filters.tsv")
    auc=$(awk -F'\t' 'NR==2{print $2"\t"$3}' "$work/$arch-$act.metrics.tsv")
    epochs=$(($(wc -l < "${m%.zip}.training.tsv") - 1))
    speed=$(awk -F'\t' 'NR>1{s+=$8;n++} END{printf "%.0f", s/n}' "${m%.zip}.training.tsv")
    echo -e "$arch\t$act\t$auc\t$epochs\t$speed\t$share" | tee -a "$results"
done
