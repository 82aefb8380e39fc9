#!/usr/bin/env bash
# mirna scan calibration (issue 18 point 3): the share of random sequence called binding, and planted real sites
# recovered, with the uncalibrated call of earlier versions (--fdr 1 --threshold 0.5) and the calibrated default
# (q <= 0.05 against dinucleotide-shuffled windows).
# Usage: bench/mirna/calibration.sh OUTDIR [MODEL.zip]   (without a model: a cnn trained here with --max-time 10m)
# Data: 20 random 1,000-nt sequences (uniform bases) and, for the 10 miRNAs with most CLASH positives, two 1,000-nt
# random sequences each with one of the miRNA's CLASH positive target sites (50 nt) planted at 475.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?OUTDIR}
model=${2:-}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
data=$root/tests/data/mirbind_clash2013/train_set_1_1_CLASH2013_paper.tsv.gz
mkdir -p "$out"
if [ -z "$model" ]; then
    model=$out/cnn.zip
    "$root/bin/regulens" mirna train --pairs "$data" --out "$model" --arch cnn --seed 1 --max-time 10m \
        2> "$out/train.log"
    tail -2 "$out/train.log"
fi
python3 "$here/calibration.py" make "$data" "$out" 10 7
cat "$out/random.fa" "$out/planted.fa" > "$out/targets.fa"
for call in "old:--fdr 1 --threshold 0.5" "default:"; do
    name=${call%%:*}
    args=${call#*:}
    start=$(date +%s)
    # shellcheck disable=SC2086
    "$root/bin/regulens" mirna scan --model "$model" --mirnas "$out/mirnas.fa" --targets "$out/targets.fa" \
        --out "$out/scan-$name" $args 2> "$out/scan-$name.log"
    echo -n "$name ($(( $(date +%s) - start )) s): "
    python3 "$here/calibration.py" score "$out" "$out/scan-$name"
done
