#!/usr/bin/env bash
# mirna explain bench (issue 18 point 5): seed concentration and site overlap of integrated gradients on
# high-scoring CLASH positives with a canonical site, and negative totals of predicted binders, with the earlier
# default baselines (8 dinucleotide shuffles of the target), the empty map, and the floor rule (the 8 lowest-scoring
# of the empty map and 32 shuffles; the default now), on the same pairs. Figures: explain.py (its docstring says how).
# Usage: bench/mirna/explain.sh OUTDIR [MODEL.zip] [N_SITE] [N_OTHER]
#   without a model: a cnn trained here on the full training set with --max-time 10m (as calibration.sh does); its
#   10% validation hold-out is random, so most explained pairs were trained on: this measures explanations, not accuracy.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?OUTDIR}
model=${2:-}
n_site=${3:-240}
n_other=${4:-160}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
data=$root/tests/data/mirbind_clash2013/train_set_1_1_CLASH2013_paper.tsv.gz
mkdir -p "$out"
if [ -z "$model" ]; then
    model=$out/cnn.zip
    "$root/bin/regulens" mirna train --pairs "$data" --out "$model" --arch cnn --seed 1 --max-time 10m \
        2> "$out/train.log"
    tail -2 "$out/train.log"
fi
python3 "$here/explain.py" make "$data" "$out" "$n_site" "$n_other" 18
uptime
for run in "shuffled:--baseline shuffled" "empty:--baseline empty" "floor:--baseline floor"; do
    name=${run%%:*}
    args=${run#*:}
    # shellcheck disable=SC2086
    /usr/bin/time -f "$name: %e s wall, %U s user, %S s sys" -o "$out/time-$name.txt" \
        "$root/bin/regulens" mirna explain --model "$model" --pairs "$out/pairs.tsv" --out "$out/explain-$name" \
        --references 8 --steps 16 --seed 1 --svg 0 $args 2> "$out/explain-$name.log"
    cat "$out/time-$name.txt"
    grep 'integrated gradients' "$out/explain-$name.log" || true
done
uptime
python3 "$here/explain.py" score "$out" shuffled empty floor
