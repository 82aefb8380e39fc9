#!/usr/bin/env bash
# Attribution speed at 1,000 bp: `regulens attribute` against plain PyTorch (pytorch_attribution.py, Debian
# python3-torch) for saliency, ig (50 steps) and deepshap (20 references; PyTorch: only its gradient cost), and
# fast ISM against naive ISM (--naive-ism), on cnn-local and basset models trained one epoch on simulated data
# (speed does not depend on how well a model is trained), the same rows for both tools.
# Each pair runs interleaved A, B, A, B (ROUNDS rounds), 2 threads each (ND4J's OpenMP and torch.set_num_threads),
# under /usr/bin/time: in-process seconds (regulens' "N sequences in X s" log line, which includes reading rows and
# writing the npz; PyTorch's timed run after a 4-row warm-up) and whole-process CPU seconds (user + sys, JVM or
# interpreter start-up included), wall seconds and peak RSS. Prints speed ratios (other's time / regulens' time for
# the PyTorch pairs, i.e. > 1 means regulens is faster; naive / fast for ISM).
# Usage: bench/attribute/speed.sh [WORKDIR]      env: ARCHS, METHODS, ROUNDS, N_SALIENCY, N_IG, N_DEEPSHAP, N_ISM
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/regulens-bench-attr-speed}"
R="$root/bin/regulens"
PY=/usr/bin/python3
rounds="${ROUNDS:-2}"
length=1000
export OMP_NUM_THREADS=2
mkdir -p "$work"
archs="${ARCHS:-cnn-local basset}"
runs="$work/runs-${archs// /+}.tsv"
echo -e "arch\tmethod\tn\tround\ttool\tinprocess_s\twall_s\tuser_s\tsys_s\tmaxrss_kb" > "$runs"
if [[ ! -f "$work/data$length.npz" ]]; then
    "$R" simulate --mode sequences --out "$work/sim$length" --count 1000 --length "$length" --seed 1 \
        --task "bound=MA0139.2+MA0035.5" -q
    "$R" encode --sequences "$work/sim$length/sequences.tsv" --out "$work/data$length.npz" --seed 1 -q
fi
data="$work/data$length.npz"

# one timed run: tool name, then the command; appends a row to runs.tsv
timed() {
    local arch=$1 method=$2 n=$3 round=$4 tool=$5
    shift 5
    local log="$work/last.log"
    /usr/bin/time -f 'TIME %e %U %S %M' "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
    local t inproc
    t=$(grep '^TIME ' "$log" | tail -1 | cut -d' ' -f2-)
    if [[ "$tool" == pytorch ]]; then
        inproc=$(grep -o '[0-9.]* s	' "$log" | head -1 | cut -d' ' -f1)
    else
        inproc=$(sed -n 's/.*sequences in \([0-9.]*\) s .*/\1/p' "$log" | tail -1)
    fi
    echo -e "$arch\t$method\t$n\t$round\t$tool\t$inproc\t${t// /	}" | tee -a "$runs"
}

for arch in $archs; do
    m="$work/$arch-$length.zip"
    [[ -f "$m" ]] || "$R" train --data "$data" --arch "$arch" --out "$m" --epochs 1 --seed 1 -q
    for method in ${METHODS:-saliency ig deepshap ism}; do
        case "$arch/$method" in
            cnn-local/saliency) n=${N_SALIENCY:-1000} ;;
            basset/saliency) n=$(( ${N_SALIENCY:-1000} / 5 )) ;;
            cnn-local/ig) n=${N_IG:-100} ;;
            basset/ig) n=$(( ${N_IG:-100} / 10 )) ;;
            cnn-local/deepshap) n=${N_DEEPSHAP:-120} ;;
            basset/deepshap) n=$(( ${N_DEEPSHAP:-120} / 10 )) ;;
            */ism) n=${N_ISM:-2} ;;
        esac
        ours=("$R" attribute --model "$m" --data "$data" --method "$method" --max-sequences "$n" --out "$work/attr.npz")
        for round in $(seq "$rounds"); do
            if [[ "$method" == ism ]]; then
                timed "$arch" ism "$n" "$round" regulens-fast "${ours[@]}"
                timed "$arch" ism "$n" "$round" regulens-naive "${ours[@]}" --naive-ism
            else
                timed "$arch" "$method" "$n" "$round" regulens "${ours[@]}"
                py=$method
                [[ "$method" == deepshap ]] && py=deepshap_cost
                timed "$arch" "$method" "$n" "$round" pytorch $PY "$root/bench/attribute/pytorch_attribution.py" \
                    "$arch" "$length" "$py" "$n" 2 "$data"
            fi
        done
    done
done

# ratios: mean over rounds of in-process and CPU (user + sys) seconds; other tool's time / regulens' time
echo
echo -e "arch\tmethod\tn\tpair\tin-process s (regulens / other)\tCPU s (regulens / other)\tspeed ratio in-process\tspeed ratio CPU"
awk -F'\t' 'NR > 1 {
        key = $1 "\t" $2 "\t" $3; keys[key] = 1
        tool = ($5 == "pytorch" || $5 == "regulens-naive") ? "other" : "ours"
        if ($5 ~ /naive/) pair[key] = "fast vs naive ISM"; else if ($5 == "pytorch") pair[key] = "regulens vs PyTorch"
        inp[key, tool] += $6; cpu[key, tool] += $8 + $9; cnt[key, tool]++
    }
    END {
        for (k in keys) {
            a = inp[k, "ours"] / cnt[k, "ours"]; b = inp[k, "other"] / cnt[k, "other"]
            c = cpu[k, "ours"] / cnt[k, "ours"]; d = cpu[k, "other"] / cnt[k, "other"]
            printf "%s\t%s\t%.2f / %.2f\t%.2f / %.2f\t%.2f\t%.2f\n", k, pair[k], a, b, c, d, b / a, d / c
        }
    }' "$runs" | sort
