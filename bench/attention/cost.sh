#!/usr/bin/env bash
# Training cost of cnn-attention against basset: CPU seconds (user + system, JVM start-up included) and wall
# seconds of `regulens train` for the same epochs on the same rows (the first N rows of plant.py's table,
# 200 bp), one run each, as /usr/bin/time reports them. CPU seconds move less with the machine's load than wall
# seconds; run under `flock -x /tmp/bench.lock` and record `uptime` for figures you report.
# Usage: bench/attention/cost.sh WORKDIR [N] [EPOCHS]   (WORKDIR: where run.sh put seqs.tsv)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$1"
n="${2:-1000}"
epochs="${3:-1}"
R="$root/bin/regulens"
head -n $((n + 1)) "$work/seqs.tsv" > "$work/cost.tsv"
"$R" encode --sequences "$work/cost.tsv" --out "$work/cost.npz" -q
echo -e "arch\trows\tepochs\tcpu_s\twall_s\tload_before"
for arch in ${ARCHS:-cnn-attention basset}; do
    load=$(uptime | sed 's/.*average: //' | cut -d, -f1)
    /usr/bin/time -f "%U %S %e" -o "$work/cost-$arch.time" "$R" train --data "$work/cost.npz" --arch "$arch" \
        --epochs "$epochs" --patience "$epochs" --seed 1 --out "$work/cost-$arch.zip" -q > /dev/null 2>&1
    read -r user sys wall < "$work/cost-$arch.time"
    echo -e "$arch\t$n\t$epochs\t$(echo "$user + $sys" | bc)\t$wall\t$load"
done
