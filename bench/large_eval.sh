#!/usr/bin/env bash
# Issue 11's large case: `eval` at d = 10⁵, K = 1000, mpfr256, 64 checkpoints, on both
# cores and on one (ANNEALCHECK_THREADS=1), with wall time and peak RSS from
# /usr/bin/time -v; the two reports must agree check for check (the blocked loops give
# the same bits on any number of threads).
#   bench/large_eval.sh [ANNEALCHECK_BINARY] [D] [K]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/release/src/annealcheck}
d=${2:-100000}
K=${3:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_instance.py "$d" 6 "$K" > "$work/instance.json"
echo "instance: d=$d, gamma over 6 decades, K=$K (bench/make_instance.py); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {  # label, then env assignments
  local label=$1
  shift
  env "$@" /usr/bin/time -v "$exe" eval "$work/instance.json" --type mpfr256 --checkpoints 64 --format json \
    > "$work/$label.json" 2> "$work/$label.time"
  local wall rss user
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$label.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$label.time")
  user=$(sed -n 's/.*User time (seconds): //p' "$work/$label.time")
  printf '  %-12s wall %8s   user %6s s   peak RSS %4d MB\n' "$label" "$wall" "$user" $((rss / 1024))
}
measure "two threads"
measure "one thread" ANNEALCHECK_THREADS=1
python3 - "$work/two threads.json" "$work/one thread.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
same = a["checks"] == b["checks"] and a["quantities"] == b["quantities"]
print(f"  reports identical: {same} ({len(a['checks'])} checks)")
sys.exit(0 if same else 1)
PY
