#!/usr/bin/env bash
# Pho4 ChIP-seq peaks on real yeast chromosome IV (He et al. 2017; tests/data/yeast_pho4) -> encode -> train ->
# evaluate -> attribute (DeepSHAP, positives) -> motifs -> compare against JASPAR 2024. Prints test auROC/auPR,
# the patterns and each one's best JASPAR matches; the Pho4 site is the E-box CACGTG (JASPAR vertebrates has no
# Pho4: its nearest are the MYC/MAX/USF-family E-box matrices).
#
# usage: bench/real/yeast/run.sh WORKDIR [SEED] [NEGATIVES (shuffle|gc)]
# The genome is one chromosome, so encode splits it in 100-kb blocks: 25% validation and 25% test (instead of
# 10/20) so that early stopping sees more than one peak; with seed 6, 11 peaks train, 3 validate, 3 test.
# Everything is seeded: the same seed gives the same files. About 1-2 minutes on 2 idle cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../.."
work="$1"; seed="${2:-6}"; negatives="${3:-shuffle}"
regulens="$root/bin/regulens"
data="$root/tests/data/yeast_pho4"
mkdir -p "$work"
cd "$work"
start=$(date +%s)
"$regulens" encode --genome "$data/sacCer3_chrIV.fa" --peaks "$data/pho4_sites_sacCer3_chrIV.bed" --width 300 \
    --negatives "$negatives" --neg-ratio 10 --valid-frac 0.25 --test-frac 0.25 --seed "$seed" --out data.npz -q
# 17 peaks: a small network (8 filters), small batches (many steps per epoch) and a larger learning rate than
# the default, or the few positives are memorised before the shared motif is found (bench/real/RESULTS.md).
"$regulens" train --data data.npz --arch deepbind --filters 8 --filter-width 12 --lr 0.01 --batch-size 16 \
    --epochs 60 --patience 60 --lr-patience 60 --pos-weight balanced --max-shift 20 --seed "$seed" --out model.zip -q
"$regulens" evaluate --model model.zip --data data.npz --out metrics.tsv -q
"$regulens" attribute --model model.zip --data data.npz --method deepshap --label positive --seed "$seed" \
    --out attr.npz -q
"$regulens" motifs --attributions attr.npz --data data.npz --min-seqlets 5 --seed "$seed" --out motifs -q
"$regulens" compare --query motifs/patterns.meme --out motifs/matches.tsv -q
end=$(date +%s)
echo "seed $seed, negatives $negatives: $((end - start)) s wall, load $(cut -d' ' -f1-3 /proc/loadavg)"
column -t metrics.tsv
cut -f1-5,8 motifs/patterns.tsv | column -t
awk -F'\t' 'NR > 1 && !seen[$1]++ { print $1, "best match", $2, $11, "q", $6 }' motifs/matches.tsv
