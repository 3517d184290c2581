#!/usr/bin/env bash
# Text claims end to end (issue 14): `check --claim` refutes the example claim with
# a shrunk d <= 3 counterexample whose report replays; the published (G) as a
# claim holds and its run replays from the seed; bad claims exit 2 naming the column.
set -u
exe=$1
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
field() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); exec("print(" + sys.argv[2] + ")")' "$1" "$2"; }

# 1. The example claim: refuted, shrunk, reported, replayed.
"$exe" check --claim "LD_gf >= 2*(1-alpha)*eps*min(Sbar, lambda/gamma)" --given C1,C2 --report-dir reports --format json > refuted.json
rc=$?
[ $rc -eq 1 ] || fail "the example claim: exit $rc, expected 1 (refuted)"
report=$(field refuted.json 'j["report"]')
dim=$(field refuted.json 'j["counterexample"]["dim"]')
[ "$dim" -le 3 ] || fail "shrunk counterexample has d = $dim > 3"
[ "$(field "$report" 'j["property"]["claim"]["text"]')" = "LD_gf >= 2*(1-alpha)*eps*min(Sbar, lambda/gamma)" ] || fail "the report does not record the claim"
[ "$(field "$report" 'j["violation"]["outcome"]')" = "fails" ] || fail "the violation is not a failure beyond rounding"
echo "refuted: d = $dim, report $report"
"$exe" replay "$report" > replay.txt
rc=$?
cat replay.txt
[ $rc -eq 0 ] || fail "replay exit $rc"
grep -q "^reproduced" replay.txt || fail "replay did not reproduce"
"$exe" replay "$report" --type mpfr256 > replay256.txt
grep -q "fails at mpfr256 too" replay256.txt || { cat replay256.txt; fail "the counterexample is not a failure at mpfr256"; }

# 2. The published (G) as a claim holds; the same seed replays the same run.
g="LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)"
"$exe" check --claim "$g" --given C1,C2 --cases 150 --format json > g1.json || fail "(G) as a claim did not hold (exit $?)"
"$exe" check --claim "$g" --given C1,C2 --cases 150 --format json > g2.json || fail "(G) second run"
[ "$(field g1.json 'j["closest"]["case"], j["closest"]["verdict"]["margin"]')" = "$(field g2.json 'j["closest"]["case"], j["closest"]["verdict"]["margin"]')" ] ||
  fail "(G): the same seed gave another closest case"
echo "(G) holds: $(field g1.json 'j["cases_run"]') cases, closest relative margin $(field g1.json 'j["closest"]["verdict"]["relative_margin"]')"

# 3. Bad claims: exit 2, the column, a caret.
bad() {  # claim, expected column, expected words
  "$exe" check --claim "$1" 2> err.txt > /dev/null
  rc=$?
  [ $rc -eq 2 ] || fail "\"$1\": exit $rc, expected 2"
  grep -q "column $2:" err.txt || { cat err.txt; fail "\"$1\": no column $2"; }
  grep -q "$3" err.txt || { cat err.txt; fail "\"$1\": no \"$3\""; }
  grep -q '\^' err.txt || fail "\"$1\": no caret"
}
bad "LD_gf >= 2*(1-alpha" 20 "expected ')'"
bad "LD_gf >= 2*epsilon" 12 "unknown name \"epsilon\".*LD_gf"
bad "LD_gf >= lambda" 10 "lambda is a vector"
bad "Sbar*eps <= T" 1 "index set"
"$exe" check --claim "T >= 0" --given C3 2> err.txt > /dev/null
[ $? -eq 2 ] && grep -q "given" err.txt || fail "--given C3 accepted"
echo "PASS"
