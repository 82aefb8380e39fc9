#!/usr/bin/env bash
# Share of first-layer filters that match JASPAR 2024 (q < 0.05), exponential against ReLU first-layer
# activations, on simulated genome peaks (CTCF MA0139.2 and REST MA0138.3 tasks, MEF2A decoy; the data of
# tests/specs/.../MotifsSpec), cnn-local, three training seeds each. Uses the packaged jar (bin/regulens).
# Usage: bench/motifs/filters.sh [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-filters}"
R="$root/bin/regulens"
mkdir -p "$work"
cd "$work"
[[ -f data.npz ]] || {
    "$R" simulate --mode genome --out sim --seed 3 --chroms 10 --chrom-length 120000 --peaks 800 \
        --task ctcf=MA0139.2 --task rest=MA0138.3 --decoy MA0052.5 -q
    "$R" encode --genome sim/genome.fa --samplesheet sim/samplesheet.csv --width 200 --out data.npz --seed 3 -q
}
echo -e "activation\tseed\tfilters_with_sites\tmatching\tshare\tmatching_planted\ttest_auroc_ctcf\ttest_auroc_rest"
for activation in relu exp; do
    for seed in ${SEEDS:-1 2 3}; do
        model="model-$activation-$seed.zip"
        "$R" train --data data.npz --arch cnn-local --first-activation "$activation" --out "$model" --epochs 25 \
            --lr 0.003 --batch-size 32 --seed "$seed" -q
        "$R" evaluate --model "$model" --data data.npz --out "metrics-$activation-$seed.tsv" -q
        "$R" filters --model "$model" --data data.npz --out "filters-$activation-$seed.meme" -q
        table="filters-$activation-$seed.tsv"
        awk -F'\t' -v a="$activation" -v s="$seed" -v m="metrics-$activation-$seed.tsv" '
            NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
            $(col["sites"]) > 0 { n++; if ($(col["best_match_q"]) != "" && $(col["best_match_q"]) < 0.05) { k++;
                if ($(col["best_match"]) == "MA0139.2" || $(col["best_match"]) == "MA0138.3") p++ } }
            END {
                while ((getline line < m) > 0) { split(line, f, "\t"); if (f[1] == "ctcf") c = f[2]; if (f[1] == "rest") r = f[2] }
                printf "%s\t%s\t%d\t%d\t%.2f\t%d\t%s\t%s\n", a, s, n, k, k / n, p, c, r }' "$table"
    done
done
