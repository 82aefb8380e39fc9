#!/usr/bin/env bash
# Trains both miRNA architectures on the full CLASH 1:1 training set (tests/data/mirbind_clash2013) with a seeded
# 10% validation hold-out and records validation average precision (auPR) and wall time per run.
# Usage: bench/mirna/run.sh [OUTDIR] [SPLIT] [ARCHS] [EPOCHS]
#   SPLIT: pair (random pairs, stratified by label; default) or family (whole miRNA seed families held out)
# OMP_NUM_THREADS=1: on the shared, loaded 2-core machine two OpenMP threads oversubscribed the cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$here/out}
split=${2:-pair}
archs=${3:-"cnn resnet"}
epochs=${4:-20}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
# REGULENS_JAR may point at a copy of the jar, so that rebuilding target/ does not pull it from under a running JVM.
data=$root/tests/data/mirbind_clash2013/train_set_1_1_CLASH2013_paper.tsv.gz
mkdir -p "$out"
for arch in $archs; do
    start=$(date +%s)
    "$root/bin/regulens" mirna train --pairs "$data" --out "$out/$arch-$split.zip" --arch "$arch" --seed 1 \
        --valid-frac 0.1 --valid-by "$split" --epochs "$epochs" 2> "$out/$arch-$split.log"
    end=$(date +%s)
    best=$(awk -F'\t' 'NR > 1 && $6 > b { b = $6; e = $1 } END { print e "\t" b }' "$out/$arch-$split.training.tsv")
    echo -e "$arch\t$split\t$(($(wc -l < "$out/$arch-$split.training.tsv") - 1)) epochs\tbest epoch, auPR: $best\t$((end - start)) s"
done
