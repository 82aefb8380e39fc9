#!/usr/bin/env bash
# GIA multiplicity and GC-content experiments (issue 17 point 1) on the model bench/gia/run.sh trains (the planted
# NFIA+MYB pair at gap 5 with a MEF2A decoy). Run run.sh first with the same WORKDIR (it leaves model.zip and data.npz).
# Expected: the effect rises with the number of copies of the planted arrangement and stays ~0 for the decoy.
# Usage: bench/gia/experiments.sh [WORKDIR]   (REGULENS_JAR=... to use a copied jar). Accuracy figures do not depend
# on load; run under the shared lock: flock -s /tmp/bench.lock bench/gia/experiments.sh /tmp/gia-bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
regulens="$here/../../bin/regulens"
work="${1:-/tmp/gia-bench}"
cd "$work"
uptime
# the planted unit as a literal: NFIA's consensus, 5 bases (N, embedded as A), MYB's consensus
pair=TGCCAANNNNNCAACTG
common=(--model model.zip --data data.npz --samples 200 --seed 1)
/usr/bin/time -f 'gia multiplicity (pair) wall %e s' "$regulens" -q gia "${common[@]}" --motif "$pair" --copies 6 \
    --out copies_pair.tsv
# the pair members, the decoy, and two control 10-mers: the decoy's consensus (CTAAAAATAG) shuffled, and pure GC
for m in MA0670.2 MA0100.4 MA0052.5 AATCATAAGA GCGCGCGCGC; do
    "$regulens" -q gia "${common[@]}" --motif "$m" --copies 6 --out "copies_$m.tsv"
done
# GC: backgrounds generated at each fraction (no data rows); the pair and the decoy at the centre, both strands
for m in "$pair" MA0052.5; do
    /usr/bin/time -f "gia gc ($m) wall %e s" "$regulens" -q gia --model model.zip --samples 200 --seed 1 \
        --motif "$m" --gc 0.2:0.8:0.1 --strand both --out "gc_$m.tsv"
done
"$regulens" -q report --out experiments.html --gia copies_pair.tsv copies_MA0670.2.tsv copies_MA0100.4.tsv \
    copies_MA0052.5.tsv "gc_$pair.tsv" gc_MA0052.5.tsv
for f in copies_pair.tsv copies_MA0670.2.tsv copies_MA0100.4.tsv copies_MA0052.5.tsv copies_AATCATAAGA.tsv \
        copies_GCGCGCGCGC.tsv "gc_$pair.tsv" gc_MA0052.5.tsv; do
    echo "== $f"; cut -f3,4,6,7,10,11,12 "$f"
done
uptime
