#!/usr/bin/env bash
# Attribution speed: basset and cnn-local at 200 and 1,000 bp (weights from one training epoch on simulated data;
# speed does not depend on how well a model is trained), each method on N sequences, sequences/s as logged by
# `regulens attribute` (the attribution loop only, no JVM start-up); next to the same computations in PyTorch when
# /usr/bin/python3 has torch (Debian's python3-torch). Fast vs naive ISM is the ism / ism-naive ratio.
# Usage: bench/attribute/speed.sh [WORKDIR] [N]   (N sequences per method, N·25/L for ISM; default 128)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-attr-speed}"
n="${2:-128}"
R="$root/bin/regulens"
mkdir -p "$work"
results="$work/speed.tsv"
echo -e "arch\tlength\tmethod\tregulens_seq_per_s\tpytorch_seq_per_s" > "$results"
for length in ${LENGTHS:-200 1000}; do
    if [[ ! -f "$work/data$length.npz" ]]; then
        "$R" simulate --mode sequences --out "$work/sim$length" --count 1000 --length "$length" --seed 1 \
            --task "bound=MA0139.2+MA0035.5" -q
        "$R" encode --sequences "$work/sim$length/sequences.tsv" --out "$work/data$length.npz" --seed 1 -q
    fi
    for arch in ${ARCHS:-cnn-local basset}; do
        m="$work/$arch-$length.zip"
        [[ -f "$m" ]] || "$R" train --data "$work/data$length.npz" --arch "$arch" --out "$m" --epochs 1 --seed 1 -q
        for method in ${METHODS:-saliency ig deepshap ism ism-naive}; do
            count=$n
            [[ "$method" == ism* ]] && count=$(( n * 25 / length > 2 ? n * 25 / length : 2 ))   # ~3L forward passes each
            args=(--method "${method%-naive}")
            [[ "$method" == ism-naive ]] && args+=(--naive-ism)
            ours=$("$R" attribute --model "$m" --data "$work/data$length.npz" "${args[@]}" --max-sequences "$count" \
                --out "$work/attr.npz" 2>&1 | sed -n 's/.*sequences in .* (\([0-9.]*\) sequences\/s).*/\1/p')
            torch=""
            case "$method" in
                saliency|ig|ism) py="$method" ;;
                deepshap) py="deepshap_cost" ;;
                *) py="" ;;
            esac
            if [[ -n "$py" ]] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then
                torch=$(/usr/bin/python3 "$root/bench/attribute/pytorch_attribution.py" "$arch" "$length" "$py" "$count" 2 \
                    | awk -F'\t' '{print $6}' | cut -d' ' -f1)
            fi
            echo -e "$arch\t$length\t$method\t$ours\t$torch" | tee -a "$results"
        done
    done
done
