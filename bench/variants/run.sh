#!/usr/bin/env bash
# Variant-effect benchmark (issue 17, point 2): on a simulated genome with planted CTCF (MA0139.2) sites, train a
# small model, then score (a) SNVs that destroy a planted site (the site's most informative base changed to the
# base the motif likes least) against (b) random SNVs anywhere in the genome and (c) random SNVs inside the same
# peaks but off every planted site. Figure: AUROC of |logit_diff| separating (a) from (b) and from (c); goal >= 0.95
# for (a) vs (b).
# Usage: bench/variants/run.sh [WORKDIR]   (python3 + numpy; about 10 minutes on 2 busy cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-variants}"
R="$root/bin/regulens"
mkdir -p "$work"
seed="${SEED:-1}"
arch="${ARCH:-cnn-local}"
epochs="${EPOCHS:-10}"
if [ ! -s "$work/sim/planted.bed" ]; then
    "$R" -q simulate --mode genome --chroms 10 --chrom-length 100000 --peaks 600 --task ctcf=MA0139.2 \
        --seed "$seed" --out "$work/sim"
fi
if [ ! -s "$work/data.npz" ]; then
    "$R" -q encode --genome "$work/sim/genome.fa" --samplesheet "$work/sim/samplesheet.csv" --width 200 \
        --out "$work/data.npz" --seed "$seed"
fi
model="$work/$arch.zip"
if [ ! -s "$model" ]; then
    start=$(date +%s)
    "$R" -q train --data "$work/data.npz" --arch "$arch" --rc average --epochs "$epochs" --seed "$seed" --out "$model"
    echo "trained $arch ($epochs epochs at most) in $(( $(date +%s) - start )) s; $(uptime)"
fi
"$R" -q evaluate --model "$model" --data "$work/data.npz" --out "$work/metrics.tsv"
python3 "$root/bench/variants/make_vcf.py" "$work/sim" "$root/src/main/resources/org/regulens/motif/JASPAR2024_CORE_vertebrates_non-redundant_pfms.jaspar" \
    MA0139.2 "$seed" "$work/variants.vcf"
start=$(date +%s)
"$R" -q variants --model "$model" --genome "$work/sim/genome.fa" --vcf "$work/variants.vcf" --out "$work/effects.tsv"
echo "scored $(grep -vc '^#' "$work/variants.vcf") variants in $(( $(date +%s) - start )) s; $(uptime)"
python3 "$root/bench/variants/auroc.py" "$work/effects.tsv" | tee "$work/auroc.tsv"
