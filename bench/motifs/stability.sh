#!/usr/bin/env bash
# Pattern-count stability: `regulens motifs` and tfmodisco-lite on noisy synthetic scores (make_contributions.py
# --examples 1500 --noise 0.05 --motifs 12 --per-example 3: 12 positive planted motifs, 3 instances per example,
# so the negative metacluster holds noise seqlets only) and on the same examples given twice, the copy rolled by
# 1-5 bases (--jitter-copy 5). Prints seqlets and patterns per tool and input; counts only, no timing, so it takes
# no benchmark lock. Seqlet caps are lifted (--max-seqlets / -n 100000) so that the doubled input keeps every copy.
# Usage: bench/motifs/stability.sh [WORKDIR]; REGULENS_JAR to test another jar (e.g. one built before the fix),
# TOOLS="regulens tfmodisco-lite" (default both), TFMODISCO_LITE as in scale.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-motifs-stability}"
PY=/usr/bin/python3
export NUMBA_NUM_THREADS=2 OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2
echo -e "tool\tinput\tseqlets\tpatterns_pos\tpatterns_neg"
for copy in 0 5; do
    dir="$work/jitter$copy"
    input=$([[ $copy == 0 ]] && echo once || echo twice-jittered)
    mkdir -p "$dir"
    [[ -f "$dir/hyp.npz" ]] || "$PY" "$root/bench/motifs/make_contributions.py" --examples 1500 --noise 0.05 \
        --motifs 12 --per-example 3 --jitter-copy "$copy" --out "$dir"
    if [[ " ${TOOLS:-regulens tfmodisco-lite} " == *" regulens "* ]]; then
        rm -rf "$dir/regulens_out"
        "$root/bin/regulens" motifs --attributions "$dir/hyp.npz" --sequences "$dir/ohe.npz" --out "$dir/regulens_out" \
            --max-seqlets 100000 --threads 2 > "$dir/regulens.log" 2>&1
        seqlets=$(grep -o 'patterns from [0-9,]* seqlets' "$dir/regulens.log" | grep -o '[0-9,]*' | tr -d ,)
        echo -e "regulens\t$input\t$seqlets\t$(grep -c '^pos_pattern_' "$dir/regulens_out/patterns.tsv" || true)\t$(grep -c '^neg_pattern_' "$dir/regulens_out/patterns.tsv" || true)"
    fi
    if [[ " ${TOOLS:-regulens tfmodisco-lite} " == *" tfmodisco-lite "* ]]; then
        "$PY" "$root/bench/motifs/run_tfmodisco_lite.py" "$dir" 100000 > "$dir/lite.log" 2>&1
        read -r _ pos neg _ seqlets < <(grep '^patterns ' "$dir/lite.log")
        echo -e "tfmodisco-lite\t$input\t$seqlets (in patterns)\t$pos\t$neg"
    fi
done
