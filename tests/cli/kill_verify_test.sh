#!/usr/bin/env bash
# `kill -9` of verify at 5 moments leaves nothing a later run keeps: the next
# verify removes the work directories and report temporaries of the killed runs.
# Usage: kill_verify_test.sh ANNEALCHECK SCRATCH_DIR
set -uo pipefail
exe="$1"; scratch="$2"
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$scratch"; mkdir -p "$scratch/tmp"
export TMPDIR="$scratch/tmp"   # verify's work directories go here, apart from other runs
reports="$scratch/reports"
for delay in 0.05 0.2 0.4 0.7 1.0; do
  "$exe" verify --types mpfr256 --jobs 2 --report-dir "$reports" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
sleep 0.5  # workers die with their parent (PR_SET_PDEATHSIG)
# a stale temporary as a killed writer leaves it (a pid that no longer runs)
( exit 0 ) & dead=$!; wait "$dead"
touch "$reports/.lemma2.x-1.json.tmp-$dead-AbC123"
echo "before the next run: $(ls "$TMPDIR" | wc -l) work dir(s), $(ls -a "$reports" | grep -c '\.tmp-') temporaries"
"$exe" verify --types mpfr256 --cases 1 --jobs 2 --report-dir "$reports" >/dev/null 2>"$scratch/err"
rc=$?
[ $rc -le 1 ] || fail "the next verify exited $rc: $(head -c 300 "$scratch/err")"
left=$(ls "$TMPDIR")
[ -z "$left" ] || fail "work directories left after the next run: $left"
tmps=$(ls -a "$reports" | grep '\.tmp-' || true)
[ -z "$tmps" ] || fail "temporaries left in the report dir: $tmps"
echo "ok: nothing left behind"
