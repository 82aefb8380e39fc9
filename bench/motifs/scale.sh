#!/usr/bin/env bash
# `regulens motifs` against tfmodisco-lite at about 10k, 50k and 200k seqlets (one metacluster), on the same
# synthetic scores (make_contributions.py: 200-bp examples, 2 planted instances each of 8 random PWMs, noise 0.01),
# interleaved (regulens, tfmodisco-lite, next size), 2 threads each; whole-process wall and CPU (user+sys) seconds
# and peak RSS from GNU time; each run holds the machine's benchmark lock exclusively (flock -x /tmp/bench.lock)
# and records the load average before and after. The stability check (same sequences twice) is stability.sh.
#
# Usage: bench/motifs/scale.sh [WORKDIR]
# Environment: SIZES (default "10000 50000 200000"), ANCHOR_SIZES (sizes at which tfmodisco-lite runs; default
# "10000": at 50k and 200k its all-pairs coarse step is beyond a 10-minute slot on 2 cores), TFMODISCO_LITE (its
# source tree, default /work/anchors/tfmodisco-lite; needs numpy, scipy, scikit-learn, numba, igraph, leidenalg),
# REGULENS_JAR (another jar to time), JAVA_OPTS (passed to the JVM by bin/regulens; unset here).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-motifs-scale}"
R="$root/bin/regulens"
PY=/usr/bin/python3
export NUMBA_NUM_THREADS=2 OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2
mkdir -p "$work"

make_input() { # DIR ARGS...
    local dir="$1"
    shift
    mkdir -p "$dir"
    [[ -f "$dir/hyp.npz" ]] || "$PY" "$root/bench/motifs/make_contributions.py" "$@" --out "$dir"
}

# measure NAME DIR COMMAND...: one exclusive-lock run; prints wall cpu rss load_before load_after
measure() {
    local name="$1" dir="$2"
    shift 2
    flock -x /tmp/bench.lock bash -c '
        load() { cut -d" " -f1 /proc/loadavg; }
        before=$(load)
        /usr/bin/time -f "%e %U %S %M" -o "$1/$2.time" "${@:3}" > "$1/$2.log" 2>&1 || echo "exit $?" >> "$1/$2.log"
        read -r wall user sys rss < "$1/$2.time"
        printf "%s %.1f %d %s %s\n" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$before" "$(load)"
    ' _ "$dir" "$name" "$@"
}

regulens_run() { # DIR MAX_SEQLETS -> "seqlets patterns"
    local dir="$1" max="$2" seqlets
    seqlets=$(grep -o 'pos metacluster: [0-9,]* seqlets' "$dir/regulens.log" | grep -o '[0-9,]*' | tr -d , || true)
    echo "${seqlets:-?} $(($(wc -l < "$dir/regulens_out/patterns.tsv") - 1))"
}

lite_counts() { # DIR -> "seqlets patterns"
    local dir="$1" seqlets patterns
    seqlets=$(grep -o 'Using [0-9]* positive seqlets' "$dir/lite.log" | grep -o '[0-9]*' | head -1 || true)
    patterns=$(grep '^patterns ' "$dir/lite.log" | awk '{print $2 + $3}' || true)
    echo "${seqlets:-?} ${patterns:-?}"
}

echo "# uptime at start: $(uptime)"
echo -e "tool\ttarget_seqlets\tseqlets_pos\tpatterns\twall_s\tcpu_s\tpeak_rss_mb\tload_before\tload_after"
declare -A cpu wall rss
for target in ${SIZES:-10000 50000 200000}; do
    dir="$work/n$target"
    make_input "$dir" --examples $((target / 2 + target / 20))
    rm -rf "$dir/regulens_out"
    read -r w c m lb la < <(measure regulens "$dir" "$R" motifs --attributions "$dir/hyp.npz" --sequences "$dir/ohe.npz" \
        --out "$dir/regulens_out" --max-seqlets "$target" --threads 2)
    read -r s p < <(regulens_run "$dir" "$target")
    echo -e "regulens\t$target\t$s\t$p\t$w\t$c\t$m\t$lb\t$la"
    cpu[r$target]=$c wall[r$target]=$w rss[r$target]=$m
    if [[ " ${ANCHOR_SIZES:-10000} " == *" $target "* ]]; then
        read -r w c m lb la < <(measure lite "$dir" "$PY" "$root/bench/motifs/run_tfmodisco_lite.py" "$dir" "$target")
        read -r s p < <(lite_counts "$dir")
        echo -e "tfmodisco-lite\t$target\t$s\t$p\t$w\t$c\t$m\t$lb\t$la"
        cpu[l$target]=$c wall[l$target]=$w rss[l$target]=$m
    fi
done
for target in ${SIZES:-10000 50000 200000}; do
    if [[ -n "${cpu[l$target]:-}" ]]; then
        echo "ratio tfmodisco-lite / regulens at $target: CPU $(echo "scale=2; ${cpu[l$target]} / ${cpu[r$target]}" | bc)x," \
            "wall $(echo "scale=2; ${wall[l$target]} / ${wall[r$target]}" | bc)x," \
            "peak RSS $(echo "scale=2; ${rss[l$target]} / ${rss[r$target]}" | bc)x"
    fi
done

echo "# uptime at end: $(uptime)"
