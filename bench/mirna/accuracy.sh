#!/usr/bin/env bash
# Issue 18 points 1 and 6: held-out CLASH split, seed-match baseline, cnn and resnet trained on the split's
# training table (capped by --max-time), scored on the held-out 1:1 and 1:10 tables, alone and averaged.
# Usage: bench/mirna/accuracy.sh [OUTDIR] [CNN_MAX_TIME] [RESNET_MAX_TIME]
# Needs /usr/bin/python3 with scikit-learn (Debian python3-sklearn). One OpenMP thread: the machine is shared.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-${TMPDIR:-/tmp}/regulens-mirna-accuracy}
cnn_time=${2:-20m}
resnet_time=${3:-40m}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
regulens=$root/bin/regulens   # REGULENS_JAR may point at a copy of the jar
mkdir -p "$out"

/usr/bin/python3 "$here/split.py" "$root/tests/data/mirbind_clash2013/train_set_1_1_CLASH2013_paper.tsv.gz" \
    "$out/split" 18 | tee "$out/split.txt"
/usr/bin/python3 "$here/seedmatch.py" "$out/split/heldout_1_1.tsv" "$out/split/heldout_1_10.tsv" | tee "$out/seedmatch.txt"
/usr/bin/python3 "$here/priors.py" "$out/split/train.tsv" "$out/split/heldout_1_1.tsv" "$out/split/heldout_1_10.tsv" \
    | tee "$out/priors.txt"

train() { # arch, max time
    local start end
    start=$(date +%s)
    echo "$1 start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/times.txt"
    /usr/bin/time -f "$1 wall %e s, user %U s, sys %S s" -a -o "$out/times.txt" \
        "$regulens" mirna train --pairs "$out/split/train.tsv" --out "$out/$1.zip" --arch "$1" --seed 1 \
        --valid-frac 0.1 --epochs 40 --max-time "$2" 2> "$out/$1.log"
    echo "$1 end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/times.txt"
}
evaluate() { # name, models...
    local name=$1; shift
    local models=()
    for m in "$@"; do models+=(--model "$out/$m.zip"); done
    for ratio in 1_1 1_10; do
        "$regulens" mirna evaluate "${models[@]}" --pairs "$out/split/heldout_$ratio.tsv" \
            --out "$out/eval/$name.$ratio.tsv" -q
        "$regulens" mirna predict "${models[@]}" --pairs "$out/split/heldout_$ratio.tsv" \
            --out "$out/eval/$name.$ratio.pred.tsv" -q
        # the same figures from sklearn, on predict's scores (checks evaluate's definitions)
        /usr/bin/python3 "$here/sklearn_check.py" "$out/eval/$name.$ratio.pred.tsv" "$out/eval/$name.$ratio.tsv" \
            "$name" "$ratio"
    done | tee -a "$out/accuracy.txt"
}
mkdir -p "$out/eval"
[ -f "$out/cnn.zip" ] || train cnn "$cnn_time"
[ -f "$out/resnet.zip" ] || train resnet "$resnet_time"
evaluate cnn cnn
evaluate resnet resnet
evaluate cnn+resnet cnn resnet
