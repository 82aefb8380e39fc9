#!/usr/bin/env bash
# regulens compare benchmark: the bundled JASPAR 2024 (879 motifs) against itself, all against all, with the
# packaged jar (bin/regulens; set REGULENS_JAR to time another jar). Prints the wall-clock seconds of each
# similarity (JVM start-up included) and checks that every motif's best hit is itself.
# Usage: bench/compare/run.sh [WORKDIR] [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-compare}"
repeats="${2:-3}"
R="$root/bin/regulens"
jaspar="$root/src/main/resources/org/regulens/motif/JASPAR2024_CORE_vertebrates_non-redundant_pfms.jaspar"
mkdir -p "$work"
echo -e "similarity\trepeat\tseconds\tmatches\tself_first"
for similarity in ${SIMILARITIES:-pearson euclidean sw}; do
    for repeat in $(seq 1 "$repeats"); do
        out="$work/jaspar-vs-jaspar-$similarity.tsv"
        start=$(date +%s.%N)
        "$R" compare --query "$jaspar" --out "$out" --similarity "$similarity" -q
        end=$(date +%s.%N)
        matches=$(($(wc -l < "$out") - 1))
        # first row of each query: is the target the query itself?
        self=$(awk -F'\t' 'NR > 1 && !seen[$1]++ { n++; if ($1 == $2) s++ } END { printf "%d/%d", s, n }' "$out")
        printf '%s\t%d\t%.2f\t%d\t%s\n' "$similarity" "$repeat" "$(echo "$end - $start" | bc)" "$matches" "$self"
    done
done
