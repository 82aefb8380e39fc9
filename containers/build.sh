#!/usr/bin/env bash
# Builds (and with --push, pushes) the regulens images under the names in containers/images.config.
# Usage: containers/build.sh [--push]     (run anywhere; needs docker and access to Docker Hub and Maven Central)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
image() { sed -n "s/^ *$1 *= *'\\([^']*\\)'.*/\\1/p" "$root/containers/images.config"; }
cpu="$(image container)"
gpu="$(image container_gpu)"
docker build -f "$root/containers/Dockerfile" -t "$cpu" "$root"
docker build -f "$root/containers/Dockerfile.gpu" -t "$gpu" "$root"
docker run --rm "$cpu" | grep -q '^regulens ' && echo "$cpu: $(docker run --rm "$cpu" | head -n 1)"
if [[ "${1:-}" == "--push" ]]; then
    docker push "$cpu"
    docker push "$gpu"
fi
