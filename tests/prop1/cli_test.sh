#!/usr/bin/env bash
# `annealcheck prop1` from the command line: output and exit codes
# (0 claims hold, 1 a checked claim failed, 2 bad input). Usage: cli_test.sh ANNEALCHECK
set -u
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" prop1 --type mpfr256 --require-digits 30 > "$tmp/out.txt"; rc=$?
[ $rc -eq 0 ] || fail "prop1 --type mpfr256 --require-digits 30 exited $rc"
grep -q "P\[S_X = diag(2/3, 1/3) up to order\] = 3/4" "$tmp/out.txt" || fail "no exact 3/4 in the output"
grep -q "good (annealed) test loss     0.75 eps" "$tmp/out.txt" || fail "no good row"
grep -q "bad (GF) test loss            1.5 eps" "$tmp/out.txt" || fail "no bad row"

"$bin" prop1 --type double --require-digits 30 > /dev/null; rc=$?
[ $rc -eq 1 ] || fail "double cannot match 30 digits, yet exit was $rc (want 1)"

for bad in "--alpha 2" "--eps 0" "--K -1" "--type mpq" "--type nonsense" "--flow euler"; do
  # shellcheck disable=SC2086
  "$bin" prop1 $bad > /dev/null 2> "$tmp/err.txt"; rc=$?
  [ $rc -eq 2 ] || fail "prop1 $bad exited $rc (want 2)"
  grep -q "error" "$tmp/err.txt" || fail "prop1 $bad printed no error"
done
"$bin" prop1 general --p 1/2,1/2,1/4 > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "probabilities not summing to 1 exited $rc (want 2)"

"$bin" prop1 general --d 3 --n 4 --type double --format json > "$tmp/general.json"; rc=$?
[ $rc -eq 0 ] || fail "prop1 general exited $rc"
grep -q '"total": "1"' "$tmp/general.json" || fail "enumerated probabilities do not sum to 1 in the JSON"
grep -q '"P_holds": "4/9"' "$tmp/general.json" || fail "P[ratio >= 3/2] is not 4/9 for d = 3, n = 4"

"$bin" prop1 --type double --alpha 1e-4 --eps 1e-2 --figure "$tmp/fig" > /dev/null; rc=$?
[ $rc -eq 0 ] || fail "prop1 --figure exited $rc"
for f in fig.png fig.svg fig.dat fig.gp; do [ -s "$tmp/$f" ] || fail "missing $f"; done
"$bin" prop1 --figure /nonexistent-annealcheck-dir/fig > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "unwritable figure path exited $rc (want 2)"
echo "prop1 CLI: all checks passed"
