#!/usr/bin/env bash
# Issue 18 points 1 and 6: held-out CLASH split, seed-match baseline, models trained on the split's training table
# to their early stop, scored on the held-out 1:1 and 1:10 tables alone and averaged (mirna predict/evaluate with a
# repeated --model). Optionally also scores the same models on the miRBind authors' published CLASH test sets
# (AUTHORS_DIR holding test_set_1_1_CLASH2013_paper.tsv and test_set_1_10_CLASH2013_paper.tsv from
# github.com/ML-Bioinfo-CEITEC/miRBind, Datasets/): a yardstick only, nothing is trained, tuned or chosen on them.
# Usage: bench/mirna/accuracy.sh [OUTDIR] [MODELS]
#   MODELS: space-separated NAME=ARCH:SEED (default: cnn seeds 1-3 and resnet seeds 1-2); each trains with
#   --epochs 60 and stops early (4 epochs without a better validation auPR; MAX_TIME, default 2h, caps each run).
# Environment: ENSEMBLES (space-separated "+"-joined model names to average; default: the cnn seeds, the resnet
#   seeds, one of each, all five — fixed beforehand, not chosen on held-out figures), AUTHORS_DIR, MAX_TIME.
# Needs /usr/bin/python3 with scikit-learn (Debian python3-sklearn). One OpenMP thread per run: two runs can share
# the 2-core machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-${TMPDIR:-/tmp}/regulens-mirna-accuracy}
models=${2:-"cnn1=cnn:1 cnn2=cnn:2 cnn3=cnn:3 resnet1=resnet:1 resnet2=resnet:2"}
ensembles=${ENSEMBLES:-"cnn1+cnn2+cnn3 resnet1+resnet2 cnn1+resnet1 cnn1+cnn2+cnn3+resnet1+resnet2"}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
regulens=$root/bin/regulens   # REGULENS_JAR may point at a copy of the jar
mkdir -p "$out"

/usr/bin/python3 "$here/split.py" "$root/tests/data/mirbind_clash2013/train_set_1_1_CLASH2013_paper.tsv.gz" \
    "$out/split" 18 | tee "$out/split.txt"
/usr/bin/python3 "$here/seedmatch.py" "$out/split/heldout_1_1.tsv" "$out/split/heldout_1_10.tsv" | tee "$out/seedmatch.txt"
/usr/bin/python3 "$here/priors.py" "$out/split/train.tsv" "$out/split/heldout_1_1.tsv" "$out/split/heldout_1_10.tsv" \
    | tee "$out/priors.txt"

train() { # name, arch, seed
    echo "$1 start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/times.txt"
    /usr/bin/time -f "$1 wall %e s, user %U s, sys %S s" -a -o "$out/times.txt" \
        "$regulens" mirna train --pairs "$out/split/train.tsv" --out "$out/$1.zip" --arch "$2" --seed "$3" \
        --valid-frac 0.1 --epochs 60 --max-time "${MAX_TIME:-2h}" 2> "$out/$1.log"
    echo "$1 end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/times.txt"
}
evaluate() { # name (models joined by +); scores the held-out tables and, with AUTHORS_DIR, the authors' test sets
    local name=$1 sets=() m
    local args=()
    for m in ${name//+/ }; do args+=(--model "$out/$m.zip"); done
    sets+=("1_1=$out/split/heldout_1_1.tsv" "1_10=$out/split/heldout_1_10.tsv")
    if [[ -n "${AUTHORS_DIR:-}" ]]; then
        sets+=("authors_1_1=$AUTHORS_DIR/test_set_1_1_CLASH2013_paper.tsv"
               "authors_1_10=$AUTHORS_DIR/test_set_1_10_CLASH2013_paper.tsv")
    fi
    for set in "${sets[@]}"; do
        local ratio=${set%%=*} table=${set#*=}
        "$regulens" mirna evaluate "${args[@]}" --pairs "$table" --out "$out/eval/$name.$ratio.tsv" -q
        "$regulens" mirna predict "${args[@]}" --pairs "$table" --out "$out/eval/$name.$ratio.pred.tsv" -q
        # the same figures from sklearn, on predict's scores (checks evaluate's definitions)
        /usr/bin/python3 "$here/sklearn_check.py" "$out/eval/$name.$ratio.pred.tsv" "$out/eval/$name.$ratio.tsv" \
            "$name" "$ratio"
    done | tee -a "$out/accuracy.txt"
}
mkdir -p "$out/eval"
for spec in $models; do
    name=${spec%%=*}; arch_seed=${spec#*=}
    [[ -f "$out/$name.zip" ]] || train "$name" "${arch_seed%%:*}" "${arch_seed#*:}"
done
for spec in $models; do evaluate "${spec%%=*}"; done
for name in $ensembles; do evaluate "$name"; done
