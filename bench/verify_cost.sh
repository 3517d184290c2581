#!/usr/bin/env bash
# The cost of deciding every case on the exact input by default (issue 21): `verify`
# (filtered decisions) against `verify --fast` (point verdicts only), run in turn
# ROUNDS times each in one session, with the ratio of the median wall times (target
# <= 1.5). Usage: bench/verify_cost.sh [ANNEALCHECK] [ROUNDS] [VERIFY ARGS...]
set -euo pipefail
bin="${1:-build/release/src/annealcheck}"; rounds="${2:-3}"; shift $(( $# > 2 ? 2 : $# )) || true
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
wall() {  # seconds of one run; the run must succeed
  local t0 t1; t0=$(date +%s.%N)
  "$bin" verify --report-dir "$work/reports" "$@" >"$work/out.txt" 2>/dev/null || { echo "verify $* failed:" >&2; tail -5 "$work/out.txt" >&2; exit 1; }
  t1=$(date +%s.%N); python3 -c "print(f'{$t1 - $t0:.2f}')"
}
fast=(); filtered=()
for ((i = 0; i < rounds; ++i)); do
  fast+=("$(wall --fast "$@")")
  filtered+=("$(wall "$@")")
done
python3 - "${fast[*]}" "${filtered[*]}" "$(cat /proc/loadavg)" <<'PY'
import statistics, sys
fast = [float(x) for x in sys.argv[1].split()]
filt = [float(x) for x in sys.argv[2].split()]
mf, mv = statistics.median(fast), statistics.median(filt)
print(f"verify --fast      wall {' '.join(f'{x:.2f}' for x in fast)} s  (median {mf:.2f})")
print(f"verify (filtered)  wall {' '.join(f'{x:.2f}' for x in filt)} s  (median {mv:.2f})")
print(f"ratio filtered / fast: {mv / mf:.2f}  (target <= 1.5); load average {sys.argv[3].split()[0]}")
PY
