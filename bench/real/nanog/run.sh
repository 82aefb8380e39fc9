#!/usr/bin/env bash
# `regulens motifs` and tfmodisco-lite side by side on real scores: H1-hESC NANOG ChIP-seq peaks (960 x 200 bp)
# with gkmexplain hypothetical scores (the TF-MoDISco example input; see its SOURCE.md). Both tools' patterns are
# matched against JASPAR 2024 with `regulens compare` (top match per pattern). Prints one table per tool:
# pattern, seqlets, width, consensus, passed/reason (regulens), top JASPAR match and its q-value.
# Usage: bench/real/nanog/run.sh DATA_DIR [WORKDIR]
#   DATA_DIR holds ohe1.npz, ohe2.npz, hypscores1.npz, hypscores2.npz (arr_0, 480 x 4 x 200 each).
#   TOOLS="regulens tfmodisco-lite" (default both); TFMODISCO_LITE as in bench/motifs/scale.sh
#   (default /work/anchors/tfmodisco-lite); MAX_SEQLETS (tfmodisco-lite -n, default 2000, its README's value).
# Accuracy only (patterns, matches): no timing, so it takes no benchmark lock.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
data="${1:?usage: run.sh DATA_DIR [WORKDIR]}"
work="${2:-${TMPDIR:-/tmp}/regulens-bench-real-nanog}"
PY=/usr/bin/python3
export NUMBA_NUM_THREADS=2 OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2
mkdir -p "$work"
[[ -f "$work/hyp.npz" ]] || "$PY" "$root/bench/real/nanog/concat_halves.py" "$data" "$work"

# top match per pattern: pattern <tab> target id <tab> name <tab> q-value ("-" when none passes q <= 0.5)
matches() {
    "$root/bin/regulens" compare --query "$1/patterns.meme" --out "$1/jaspar.tsv" --max-matches 1 -q
    awk -F'\t' 'NR == FNR { if (FNR > 1) m[$1] = $2 "\t" $11 "\t" $6; next }
                FNR > 1 { print $1 "\t" ($1 in m ? m[$1] : "-\t-\t-") }' "$1/jaspar.tsv" "$1/patterns.tsv"
}

if [[ " ${TOOLS:-regulens tfmodisco-lite} " == *" regulens "* ]]; then
    out="$work/regulens"
    rm -rf "$out"
    "$root/bin/regulens" motifs --attributions "$work/hyp.npz" --sequences "$work/ohe.npz" --out "$out" \
        --threads 2 > "$work/regulens.log" 2>&1
    echo "## regulens motifs (defaults): $(tail -n +2 "$out/summary.tsv" | tr "\t\n" "= ")"
    echo -e "pattern\tseqlets\twidth\tconsensus\tpassed\treason\tjaspar\tname\tq"
    join -t $'\t' <(cut -f1,3,4,5,9,10 "$out/patterns.tsv" | tail -n +2 | sort) <(matches "$out" | sort) \
        | sort -t $'\t' -k5,5r -k2,2nr
fi
if [[ " ${TOOLS:-regulens tfmodisco-lite} " == *" tfmodisco-lite "* ]]; then
    out="$work/tfmodisco-lite"
    "$PY" "$root/bench/real/nanog/run_tfmodisco_lite.py" "$work" "$out" "${MAX_SEQLETS:-2000}" > "$work/lite.log" 2>&1
    echo "## tfmodisco-lite (modisco motifs defaults, -n ${MAX_SEQLETS:-2000}): $(grep '^patterns ' "$work/lite.log")"
    echo -e "pattern\tseqlets\twidth\tconsensus\tjaspar\tname\tq"
    join -t $'\t' <(tail -n +2 "$out/patterns.tsv" | sort) <(matches "$out" | sort) | sort -t $'\t' -k2,2nr
fi
