#!/usr/bin/env bash
# regulens compare against memesuite-lite's tomtom (the anchor), JASPAR 2024 CORE vertebrates non-redundant
# (879 motifs, the file bundled with regulens) against itself, Euclidean column distance, 2 threads each.
# Two cases, each run interleaved regulens, anchor, regulens, anchor, ... (PAIRS pairs, default 3):
#   default  regulens compare --similarity euclidean (q-value <= 0.5)  vs  memelite_tomtom.py (q <= 0.5)
#   all      regulens compare --similarity euclidean --thresh 1 (every one of the 772,641 pairs: q <= 1 always)
#            vs  memelite_tomtom.py --all (tomtom's full p-value matrix written as a TSV, one line per pair)
# Each run is timed by /usr/bin/time (wall, user + sys CPU, peak RSS of the whole process: JVM or Python
# included). One untimed run of each comes first (numba compiles tomtom into its on-disk cache; files cached).
# The anchor is bench/compare/memelite_tomtom.py with memesuite-lite's source from $MEMELITE (default
# /work/anchors/memelite) and Debian's python3 (numba, numpy). Set REGULENS_JAR to time another jar.
# Usage: bench/compare/vs_memelite.sh [WORKDIR] [PAIRS]      (take the exclusive lock: flock -x /tmp/bench.lock)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-compare-vs}"
pairs="${2:-3}"
R="$root/bin/regulens"
PY="${PYTHON:-/usr/bin/python3}"
jaspar="$root/src/main/resources/org/regulens/motif/JASPAR2024_CORE_vertebrates_non-redundant_pfms.jaspar"
export NUMBA_NUM_THREADS=2
mkdir -p "$work"

command_for() { # $1 tool, $2 case, $3 output: sets the array cmd
    if [[ "$1" == regulens ]]; then
        cmd=("$R" compare --query "$jaspar" --out "$3" --similarity euclidean --threads 2 -q)
        [[ "$2" == all ]] && cmd+=(--thresh 1)
    else
        cmd=("$PY" "$here/memelite_tomtom.py" "$jaspar" "$3" --threads 2)
        [[ "$2" == all ]] && cmd+=(--all)
    fi
    return 0
}
timed() { # $1 tool, $2 case, $3 repeat: prints one result line
    local out="$work/$1-$2.tsv" stats="$work/time.txt" wall user sys rss
    command_for "$1" "$2" "$out"
    /usr/bin/time -o "$stats" -f '%e %U %S %M' "${cmd[@]}" 2> /dev/null
    read -r wall user sys rss < "$stats"
    printf '%s\t%s\t%s\t%s\t%.2f\t%d\t%d\n' "$2" "$1" "$3" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
        "$(($(wc -l < "$out") - 1))"
}

for tool in regulens anchor; do # untimed: numba fills its cache, files come into the page cache
    command_for "$tool" default "$work/warm-$tool.tsv"
    "${cmd[@]}" 2> /dev/null
done
echo "# load before: $(uptime)"
echo -e "case\ttool\trepeat\twall_s\tcpu_s\tpeak_rss_mb\trows"
results="$work/results.tsv"
: > "$results"
for case in default all; do
    for repeat in $(seq 1 "$pairs"); do
        timed regulens "$case" "$repeat" | tee -a "$results"
        timed anchor "$case" "$repeat" | tee -a "$results"
    done
done
echo "# load after: $(uptime)"
awk -F'\t' '{ n[$1 FS $2]++; w[$1 FS $2] += $4; c[$1 FS $2] += $5; m[$1 FS $2] += $6 }
    END { split("default all", cases, " ");
          for (i = 1; i <= 2; i++) { r = cases[i] FS "regulens"; x = cases[i] FS "anchor";
              if (!n[r] || !n[x]) continue;
              printf "%s: regulens/memelite mean wall %.2f/%.2f s = %.2fx, CPU %.2f/%.2f s = %.2fx, peak RSS %d/%d MB = %.2fx\n",
                  cases[i], w[r]/n[r], w[x]/n[x], (w[r]/n[r])/(w[x]/n[x]), c[r]/n[r], c[x]/n[x], (c[r]/n[r])/(c[x]/n[x]),
                  m[r]/n[r], m[x]/n[x], (m[r]/n[r])/(m[x]/n[x]) } }' "$results"
