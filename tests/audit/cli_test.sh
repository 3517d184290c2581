#!/usr/bin/env bash
# `annealcheck audit` on the command line: exit statuses (0 a sufficient rung is
# named, 1 none, 2 bad input) and that a failed run leaves no file behind.
# usage: cli_test.sh ANNEALCHECK SOURCE_DIR WORK_DIR
set -u
exe="$1"; src="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
fail=0
expect() {  # expect STATUS ARGS...
  local want="$1"; shift
  "$exe" audit "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: annealcheck audit $* exited $got, expected $want"; sed 's/^/  /' "$work/err" | head -5; fail=1
  fi
}
expect 0 --prop1 --alpha 1e-6 --eps 1e-9 --K 5 --types float,double
grep -q "smallest sufficient rung: double" "$work/out" || { echo "FAIL: no smallest sufficient rung named"; fail=1; }
expect 1 --prop1 --alpha 1e-6 --eps 1e-9 --K 5 --types float
expect 2 --prop1 --types double,mpfi:100
expect 2 --prop1 --types double --reference mpfi:60
expect 2 --prop1 --types double --reference double
expect 2 --prop1 --types nosuch
expect 2 --prop1 --min-digits -3
expect 2 "$work/missing.json"
printf '{"gamma": [1, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2' > "$work/truncated.json"
expect 2 "$work/truncated.json"
expect 2 "$src/instances/hazards/near_degenerate_top.json" --closed-form
expect 2 --property no.such.property
expect 2 --prop1 --cases 3
grep -q "field '--cases'" "$work/err" || { echo "FAIL: --cases without --property not named"; fail=1; }
# A plot into a missing directory or with an unknown extension: exit 2, nothing written.
expect 2 --prop1 --types double --plot "$work/nodir/p.png"
expect 2 --prop1 --types double --plot "$work/p.gif"
[ -z "$(ls -A "$work" | grep -v -e '^out$' -e '^err$' -e '^truncated.json$')" ] || { echo "FAIL: files left behind:"; ls -la "$work"; fail=1; }
expect 0 --prop1 --types double --plot "$work/p.svg"
grep -q "<svg" "$work/p.svg" || { echo "FAIL: no SVG written"; fail=1; }
[ "$fail" = 0 ] && echo "all audit CLI checks passed"
exit $fail
