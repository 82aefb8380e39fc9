#!/usr/bin/env bash
# Real NANOG ChIP-seq peaks (H1-hESC, 960 x 200 bp; the gkmexplain / TF-MoDISco example) as a POSITIVE-ONLY set:
# regulens' own model against dinucleotide-shuffled negatives, then DeepSHAP -> motifs -> compare (JASPAR 2024).
# Expected families (what tfmodisco-lite reports on gkmexplain's scores of the same peaks): SOX, OCT4-SOX2, POU,
# ZIC-like. Prints test auROC/auPR, the training curve, the patterns and each one's best JASPAR matches.
#
# usage: bench/real/nanog_model/run.sh NANOG_DIR WORKDIR [SEED] [EPOCHS] [extra train options...]
#   NANOG_DIR holds ohe1.npz and ohe2.npz (e.g. ../shared/data/gkmexplain_nanog_h1esc; not read by the project
#   at run or test time). python3 with numpy converts the one-hot arrays to a FASTA of bare names.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
regulens="$here/../../../bin/regulens"
src="$1"; work="$2"; seed="${3:-1}"; epochs="${4:-15}"; shift $(( $# < 4 ? $# : 4 ))
mkdir -p "$work"
python3 - "$src" "$work/nanog.fa" <<'PY'
import sys, numpy as np
src, out = sys.argv[1], sys.argv[2]
x = np.concatenate([np.load(f"{src}/ohe{k}.npz")["arr_0"] for k in (1, 2)])
with open(out, "w") as f:
    for i, row in enumerate(x):
        f.write(f">nanog_{i + 1}\n" + "".join("ACGT"[b] if row[:, j].sum() == 1 else "N"
                                              for j, b in enumerate(row.argmax(0))) + "\n")
PY
cd "$work"
start=$(date +%s)
"$regulens" encode --sequences nanog.fa --negatives shuffle --neg-ratio 2 --seed "$seed" --out data.npz -q
"$regulens" train --data data.npz --arch cnn-local --first-activation exp --epochs "$epochs" --seed "$seed" \
    --out model.zip -q "$@"
"$regulens" evaluate --model model.zip --data data.npz --out metrics.tsv -q
"$regulens" attribute --model model.zip --data data.npz --method deepshap --label positive --seed "$seed" \
    --out attr.npz -q
"$regulens" motifs --attributions attr.npz --data data.npz --seed "$seed" --out motifs -q
"$regulens" compare --query motifs/patterns.meme --out motifs/matches.tsv -q
end=$(date +%s)
echo "seed $seed, $epochs epochs, train options: ${*:-defaults}: $((end - start)) s wall, load $(cut -d' ' -f1-3 /proc/loadavg)"
column -t metrics.tsv
cut -f1,2,3,4,5,6 model.training.tsv | column -t
cut -f1-5,8 motifs/patterns.tsv | column -t
awk -F'\t' 'NR > 1 && !seen[$1]++ { print $1, "best match", $2, $11, "q", $6 }' motifs/matches.tsv
