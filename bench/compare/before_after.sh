#!/usr/bin/env bash
# The default compare run (JASPAR 2024 x itself, Euclidean, q <= 0.5, 2 threads) with two jars, interleaved
# (old, new, old, new, ...): e.g. the jar before issue 15's changes against the current one. Prints wall, CPU
# (user + sys) and peak RSS per run (/usr/bin/time) and whether the two tables are byte-identical.
# Usage: bench/compare/before_after.sh OLD.jar NEW.jar [WORKDIR] [PAIRS]   (take flock -x /tmp/bench.lock)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
old="$1"
new="$2"
work="${3:-${TMPDIR:-/tmp}/regulens-bench-compare-jars}"
pairs="${4:-2}"
jaspar="$root/src/main/resources/org/regulens/motif/JASPAR2024_CORE_vertebrates_non-redundant_pfms.jaspar"
mkdir -p "$work"
echo "# load before: $(uptime)"
echo -e "jar\trepeat\twall_s\tcpu_s\tpeak_rss_mb"
for repeat in $(seq 1 "$pairs"); do
    for which in old new; do
        jar="$old"
        [[ "$which" == new ]] && jar="$new"
        REGULENS_JAR="$jar" /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$root/bin/regulens" compare \
            --query "$jaspar" --out "$work/$which.tsv" --similarity euclidean --threads 2 -q
        read -r wall user sys rss < "$work/time.txt"
        printf '%s\t%d\t%s\t%.2f\t%d\n' "$which" "$repeat" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
    done
done
echo "# load after: $(uptime)"
cmp -s "$work/old.tsv" "$work/new.tsv" && echo "tables byte-identical" || echo "tables DIFFER"
