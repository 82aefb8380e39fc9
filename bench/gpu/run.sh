#!/usr/bin/env bash
# The GPU path in one short run, for a GPU node with Java 17 and the GPU jar (mvn -B package -Pgpu -DskipTests,
# then REGULENS_JAR=target/regulens.jar): what the launcher decides for this GPU, which backend train and attribute
# really ran on (their log lines), and their throughput on the GPU against the CPU backend on the same data.
# Usage: bench/gpu/run.sh [WORKDIR]       (about 5 minutes on a GPU of compute capability <= 8.x)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-gpu}"
R="$root/bin/regulens"
mkdir -p "$work"
nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv,noheader || echo "no nvidia-smi"
"$R" backend 2>&1
if [[ ! -f "$work/data.npz" ]]; then
    REGULENS_DEVICE=cpu "$R" simulate --mode sequences --out "$work/sim" --count 20000 --length 1000 --seed 1 \
        --task bound=MA0139.2+MA0035.5 -q
    REGULENS_DEVICE=cpu "$R" encode --sequences "$work/sim/sequences.tsv" --out "$work/data.npz" --seed 1 -q
fi
echo -e "device\tarch\tstep\tbackend\trate"
for device in auto cpu; do
    for arch in basset deepbind; do
        model="$work/$arch-$device.zip"
        log="$work/$arch-$device.train.log"
        REGULENS_DEVICE=$device "$R" train --data "$work/data.npz" --arch "$arch" --out "$model" --epochs 2 \
            --seed 1 > "$log" 2>&1 || { echo "train failed: $log"; tail -5 "$log"; continue; }
        backend=$(grep -m1 -o 'backend [A-Za-z0-9]* ([^)]*)' "$log" || echo '?')
        rate=$(awk -F'\t' 'NR > 2 { print $8 }' "$work/$arch-$device.training.tsv" | tail -n 1)
        echo -e "$device\t$arch\ttrain\t$backend\t$rate sequences/s"
        for method in saliency ig deepshap; do
            alog="$work/$arch-$device-$method.log"
            REGULENS_DEVICE=$device "$R" attribute --model "$model" --data "$work/data.npz" --method "$method" \
                --max-sequences 1000 --out "$work/attr-$device.npz" > "$alog" 2>&1 \
                || { echo "attribute failed: $alog"; tail -5 "$alog"; continue; }
            backend=$(grep -m1 -o 'backend [A-Za-z0-9]* ([^)]*)' "$alog" || echo '?')
            rate=$(sed -n 's/.*(\([0-9.,]*\) sequences\/s).*/\1/p' "$alog" | tail -n 1)
            echo -e "$device\t$arch\t$method\t$backend\t$rate sequences/s"
        done
    done
done
