#!/usr/bin/env bash
# GIA must-show (issue 17 point 1): a model trained on simulated sequences with a planted cooperative pair
# (NFIA MA0670.2, 5 bases, then MYB MA0100.4, both forward; negatives: neither, one alone, or both at another gap)
# and a MEF2A (MA0052.5) decoy planted in half of all sequences regardless of labels. GIA's distance curve should
# peak at gap 5 in orientation ++, and the decoy's effect CI should cover 0.
# Usage: bench/gia/run.sh [WORKDIR]   (REGULENS_JAR=... to use a copied jar). Accuracy figures do not depend on
# load; run under the shared lock: flock -s /tmp/bench.lock bench/gia/run.sh /tmp/gia-bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
regulens="$here/../../bin/regulens"
work="${1:-/tmp/gia-bench}"
mkdir -p "$work" && cd "$work"
uptime
"$regulens" -q simulate --mode sequences --out sim --count 4000 --length 200 --min-instances 1 --max-instances 3 \
    --pair coop=MA0670.2+MA0100.4@5 --decoy MA0052.5 --seed 1
"$regulens" -q encode --sequences sim/sequences.tsv --out data.npz --seed 1
/usr/bin/time -f 'train wall %e s' "$regulens" train --data data.npz --arch cnn-local --epochs 10 --seed 1 \
    --out model.zip --log model.training.tsv
"$regulens" -q evaluate --model model.zip --data data.npz --out metrics.tsv
# the pair at gaps 0..40 in all four orientations
/usr/bin/time -f 'gia distance wall %e s' "$regulens" gia --model model.zip --data data.npz --motif MA0670.2 \
    --second MA0100.4 --distances 0:30:1 --orientations ++,+-,-+,-- --samples 200 --seed 1 --out distance.tsv
# each motif alone and the decoy, at the centre
for m in MA0670.2 MA0100.4 MA0052.5; do
    "$regulens" -q gia --model model.zip --data data.npz --motif "$m" --samples 200 --seed 1 --out "single_$m.tsv"
done
"$regulens" -q report --out report.html --gia distance.tsv single_MA0052.5.tsv --training-log model.training.tsv \
    --metrics metrics.tsv
# the peak of each orientation's curve, and the decoy's row
awk -F'\t' 'NR > 1 && (!($4 in best) || $7 > best[$4]) { best[$4] = $7; line[$4] = $0 }
            END { for (o in line) print "peak", line[o] }' distance.tsv | cut -f1-11
for m in MA0670.2 MA0100.4 MA0052.5; do tail -n +2 "single_$m.tsv" | cut -f1-11; done
uptime
