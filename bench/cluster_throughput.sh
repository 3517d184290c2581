#!/usr/bin/env bash
# The measured table of docs/cluster.md: cases per second of one
# campaign with `mpirun -np 1` and `-np 2`, and the cost of a chunk (a worker
# process + its RapidCheck run set-up + recording it), from the same campaign
# cut into 1 chunk and into 80 chunks. Prints wall and CPU (user+sys of every
# process) seconds and the load average, since a shared machine moves wall times.
# Usage: bench/cluster_throughput.sh [ANNEALCHECK] (default build/release/src/annealcheck)
set -euo pipefail
exe="${1:-build/release/src/annealcheck}"
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cases=8000
campaign=(--properties lemma2.gf-lower-bound --types double --cases "$cases" --seed 7)
measure() {  # label, command...: "label wall cpu cases/s(wall) cases/s(cpu)"
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S" -o t "$@" >/dev/null
  read -r wall user sys < t
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v n="$cases" \
    'BEGIN { printf "%-34s wall %6.2f s  cpu %6.2f s  %7.0f cases/s (wall)  %7.0f cases/s per cpu-s\n", l, w, u + s, n / w, n / (u + s) }'
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $cases cases of lemma2.gf-lower-bound @ double"
measure "mpirun -np 1 (20 chunks of 400)" mpirun --oversubscribe -np 1 "$exe" verify --chunk-size 400 "${campaign[@]}"
measure "mpirun -np 2 (20 chunks of 400)" mpirun --oversubscribe -np 2 "$exe" verify --chunk-size 400 "${campaign[@]}"
measure "--jobs 1, 1 chunk of 8000" "$exe" verify --jobs 1 --chunk-size 8000 "${campaign[@]}"
measure "--jobs 1, 80 chunks of 100" "$exe" verify --jobs 1 --chunk-size 100 "${campaign[@]}"
measure "--jobs 1, 80 chunks of 100, --out" "$exe" verify --jobs 1 --chunk-size 100 --out dir "${campaign[@]}"
/usr/bin/time -f "%e %U %S" -o t "$exe" check lemma2.gf-lower-bound --cases 1 --format json >/dev/null
echo "one worker process alone (check --cases 1): $(awk '{ printf "wall %.3f s, cpu %.3f s", $1, $2 + $3 }' t)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
