#!/usr/bin/env bash
# Benchmark for `regulens encode`: 100,000 narrowPeaks, 1,000-bp windows, one 250 Mb chromosome, GC-matched
# negatives at ratio 1. The goal (issue 2): under one minute and under 2 GB of heap on 2 cores.
# The data are simulated by `regulens simulate` (cached in the work folder); the encode run is capped at -Xmx2g
# (it would fail with an OutOfMemoryError above that) and timed with /usr/bin/time for wall time and peak RSS.
# Usage: bench/encode/run.sh [WORKDIR]   (needs `mvn -B package` first; ~1.5 GB of disk)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-encode}"
mkdir -p "$work"

if [[ ! -f "$work/sim/genome.fa" ]]; then
    echo "simulating a 250 Mb chromosome with 100,000 peaks in $work/sim ..."
    JAVA_OPTS="-Xmx6g" "$root/bin/regulens" simulate --mode genome --out "$work/sim" --seed 1 \
        --chroms 1 --chrom-length 250000000 --peaks 100000 --task bench=MA0139.2 --quiet
fi

rm -f "$work/data.npz" "$work/gc.log"
timer=(/usr/bin/time -v)
[[ -x /usr/bin/time ]] || timer=()
"${timer[@]}" env JAVA_OPTS="-Xmx2g -Xlog:gc:file=$work/gc.log" "$root/bin/regulens" encode \
    --genome "$work/sim/genome.fa" --peaks "$work/sim/bench.narrowPeak.gz" --width 1000 --out "$work/data.npz" \
    2> "$work/encode.log" || { cat "$work/encode.log"; exit 1; }

grep -E "windows of|largest difference|Elapsed|Maximum resident" "$work/encode.log" || true
# The largest heap in use just before any collection, from the GC log ("Pause ... 812M->95M(2048M)").
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | cut -d'M' -f1 | sort -n | tail -1)
echo "peak heap before a collection: ${peak:-unknown} MB (limit 2048 MB)"
ls -l "$work/data.npz"
