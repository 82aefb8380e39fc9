#!/usr/bin/env bash
# Training cost of `regulens train` against the same layers in PyTorch (bench/train/pytorch_train.py), run
# interleaved (regulens, PyTorch, regulens, PyTorch) on the same simulated data, the same epochs, batch 128, 2 threads
# each (OMP_NUM_THREADS=2, torch.set_num_threads(2)). Both train on split 0, score the validation split after every
# epoch, and reverse-complement half the rows; regulens runs with --patience/--lr-patience above the epoch count so
# that neither stops early nor cuts the learning rate. Reports per tool the mean whole-process CPU time (user + sys)
# and wall time over the repetitions and the peak RSS (/usr/bin/time), the parameter counts of both models
# (deeplearning4j's count, which includes batch norm's running mean and variance; the PyTorch script counts the same),
# test auROC (split 2; regulens through `regulens evaluate`, which is not timed), and the ratio of CPU times.
# Usage: bench/train/cpu_ratio.sh WORKDIR ARCH:LENGTH:SEQUENCES:EPOCHS [...]
#   e.g. bench/train/cpu_ratio.sh /tmp/bench-train deepbind:200:4000:3 cnn-local:1000:2000:2
# Environment: REPS (default 2), REGULENS_JAR (default: the checkout's target/regulens.jar), REGULENS_ENV (extra
# VAR=value settings for the regulens runs only, e.g. "OMP_WAIT_POLICY=PASSIVE"; printed with the results).
# Data: `regulens simulate --mode sequences --task bound=MA0139.2+MA0035.5+MA0079.5 --seed 1` (CTCF with GATA1 and
# SP1 partners) and `regulens encode --seed 1` (random split 70/10/20).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:?usage: cpu_ratio.sh WORKDIR ARCH:LENGTH:SEQUENCES:EPOCHS ...}"
shift
R="$root/bin/regulens"
reps="${REPS:-2}"
extra="${REGULENS_ENV:-}"
export OMP_NUM_THREADS=2
mkdir -p "$work"

data_for() { # length count -> data file
    local d="$work/data-$1-$2.npz"
    if [[ ! -f "$d" ]]; then
        "$R" simulate --mode sequences --out "$work/sim-$1-$2" --count "$2" --length "$1" --seed 1 \
            --task bound=MA0139.2+MA0035.5+MA0079.5 -q
        "$R" encode --sequences "$work/sim-$1-$2/sequences.tsv" --out "$d" --seed 1 -q
    fi
    printf '%s\n' "$d"
}

echo -e "arch\tlength\tsequences\tepochs\tregulens_params\tpytorch_params\tregulens_cpu_s\tpytorch_cpu_s\tcpu_ratio\tregulens_wall_s\tpytorch_wall_s\tregulens_rss_mb\tpytorch_rss_mb\tregulens_test_auroc\tpytorch_test_auroc\tregulens_env\tload_before\tload_after"
for config in "$@"; do
    IFS=: read -r arch length count epochs <<< "$config"
    data="$(data_for "$length" "$count")"
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    ours=(); theirs=()
    for ((rep = 1; rep <= reps; rep++)); do
        m="$work/$arch-$length-$count.zip"
        env $extra /usr/bin/time -f '%e %U %S %M' -o "$work/time.ours" "$R" train --data "$data" --arch "$arch" \
            --out "$m" --epochs "$epochs" --patience 1000 --lr-patience 1000 --seed 1 2> "$work/train.log" >/dev/null
        ours+=("$(cat "$work/time.ours")")
        /usr/bin/time -f '%e %U %S %M' -o "$work/time.theirs" /usr/bin/python3 "$root/bench/train/pytorch_train.py" \
            "$data" "$arch" "$epochs" 2 1 > "$work/pytorch.out" 2> "$work/pytorch.log"
        theirs+=("$(cat "$work/time.theirs")")
    done
    load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
    params_ours="$(grep -o '[0-9,]* parameters' "$work/train.log" | head -1 | tr -d ', ' | sed 's/parameters//')"
    IFS=$'\t' read -r _ params_theirs auroc_theirs _ < "$work/pytorch.out"
    "$R" evaluate --model "$m" --data "$data" --out "$work/eval.tsv" -q
    auroc_ours="$(awk -F'\t' 'NR==2{printf "%.4f", $2}' "$work/eval.tsv")"
    stats() { # "wall user sys rss" lines -> mean cpu, mean wall, max rss (MB)
        printf '%s\n' "$@" | awk '{cpu+=$2+$3; wall+=$1; if ($4>rss) rss=$4} END{printf "%.2f\t%.2f\t%.0f", cpu/NR, wall/NR, rss/1024}'
    }
    IFS=$'\t' read -r cpu_ours wall_ours rss_ours <<< "$(stats "${ours[@]}")"
    IFS=$'\t' read -r cpu_theirs wall_theirs rss_theirs <<< "$(stats "${theirs[@]}")"
    ratio="$(awk -v a="$cpu_ours" -v b="$cpu_theirs" 'BEGIN{printf "%.2f", a/b}')"
    echo -e "$arch\t$length\t$count\t$epochs\t$params_ours\t$params_theirs\t$cpu_ours\t$cpu_theirs\t$ratio\t$wall_ours\t$wall_theirs\t$rss_ours\t$rss_theirs\t$auroc_ours\t$auroc_theirs\t${extra:-default}\t$load_before\t$load_after"
done
