#!/usr/bin/env bash
# regulens motifs runtime and peak memory for about 10k and 50k seqlets (one metacluster) on synthetic
# contributions with 8 planted random motifs (make_contributions.py; needs python3 with numpy), with the packaged
# jar (bin/regulens; REGULENS_JAR to time another). Prints seqlets, patterns, wall seconds and peak RSS (GNU time).
# Usage: bench/motifs/speed.sh [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-motifs}"
R="$root/bin/regulens"
mkdir -p "$work"
echo -e "target_seqlets\texamples\tseqlets\tpatterns\tseconds\tpeak_rss_mb"
for target in ${TARGETS:-10000 50000}; do
    examples=$((target / 2 + target / 20)) # 2 instances per example, a little over the cap
    dir="$work/$target"
    mkdir -p "$dir"
    [[ -f "$dir/hyp.npz" ]] || python3 "$root/bench/motifs/make_contributions.py" --examples "$examples" --out "$dir"
    /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$R" motifs --attributions "$dir/hyp.npz" --sequences "$dir/ohe.npz" \
        --out "$dir/out" --max-seqlets "$target" 2> "$dir/log.txt"
    read -r seconds rss < "$dir/time.txt"
    seqlets=$(grep -o 'pos metacluster: [0-9,]* seqlets' "$dir/log.txt" | grep -o '[0-9,]*' | tr -d ,)
    patterns=$(($(wc -l < "$dir/out/patterns.tsv") - 1))
    printf '%d\t%d\t%s\t%d\t%s\t%d\n' "$target" "$examples" "$seqlets" "$patterns" "$seconds" $((rss / 1024))
done
