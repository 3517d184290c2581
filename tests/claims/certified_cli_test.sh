#!/usr/bin/env bash
# Certified text claims end to end (issue 14, `--certified`; claims/claim_certified.hpp):
# the published (G) as a claim is proved on generated instances; the example claim's
# counterexample is certified refuted and its report replays --certified; an equality the
# intervals cannot prove is never proved; `verify --claims F --certified` and
# `search --certified` decide claims too.
set -u
exe=$1
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
field() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); exec("print(" + sys.argv[2] + ")")' "$1" "$2"; }
g="LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)"
x="LD_gf >= 2*(1-alpha)*eps*min(Sbar, lambda/gamma)"

# 1. (G): every generated case proved (a tie would be allowed, a refutation never)
"$exe" check --claim "$g" --given C1,C2 --certified --cases 8 --format json > g.json || fail "(G) --certified exit $?"
echo "(G): $(field g.json 'j["certified"]["summary"]')"
[ "$(field g.json 'j["certified"]["counts"].get("proved", 0)')" -ge 6 ] || fail "(G) proved on fewer than 6 of 8 cases"
[ "$(field g.json 'j["certified"]["counts"].get("refuted", 0)')" -eq 0 ] || fail "(G) certified refuted"

# 2. The example claim: its shrunk counterexample certified refuted; the report replays so
"$exe" check --claim "$x" --given C1,C2 --certified --report-dir reports --format json > x.json
[ $? -eq 1 ] || fail "the example claim was not refuted"
[ "$(field x.json 'j["counterexample"]["certified"]["decision"]')" = refuted ] || fail "the counterexample is not certified refuted"
report=$(field x.json 'j["report"]')
"$exe" replay "$report" --certified > replay.txt || { cat replay.txt; fail "replay --certified exit $?"; }
grep -q "violation certified (MPFI" replay.txt || { cat replay.txt; fail "replay --certified does not certify the violation"; }
grep "certified:" replay.txt

# 3. An equality the intervals cannot prove (L̂ over S plus over S̄ is ε at the exact stop): never proved
"$exe" check --claim "LS_gf + LSbar_gf >= eps" --given C1,C2 --certified --cases 3 --format json > tie.json
echo "tie: $(field tie.json 'j["certified"]["summary"]')"
[ "$(field tie.json 'j["certified"]["counts"].get("proved", 0)')" -eq 0 ] || fail "an interval equality was proved"
[ "$(field tie.json 'j["certified"]["counts"].get("undecided tie", 0)')" -ge 1 ] || fail "no undecided tie"

# 4. verify --claims F --certified: the claims are decided, not "not certifiable"
printf '%s | C1,C2\n%s | C1,C2\n' "$g" "LS_gf <= alpha*eps" > two.claims
ids="$(field g.json 'j["property"]'),$("$exe" check --claim "LS_gf <= alpha*eps" --given C1,C2 --cases 1 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["property"])')"
"$exe" verify --claims two.claims --certified --cases 4 --types double --properties "$ids" --jobs 1 > verify.txt 2>&1 || { cat verify.txt; fail "verify --claims --certified exit $?"; }
grep "claim\." verify.txt
if grep "claim\." verify.txt | grep -q "not certifiable"; then fail "verify --certified: a claim is not certifiable"; fi
[ "$(grep -c '^claim\.' verify.txt)" -eq 2 ] || fail "verify --claims: not the two claims"
[ "$(grep -c 'certified: proved 4$' verify.txt)" -eq 2 ] || fail "verify --certified: the two claims are not both proved on every case"

# 5. search --certified prints the tightest case's certified margin
"$exe" search --claim "$g" --given C1,C2 --budget 30 --certified > search.txt || { cat search.txt; fail "search --certified exit $?"; }
grep "certified:" search.txt || fail "search --certified printed no certified margin"
grep "certified:" search.txt | grep -q "proved.*margin \[" || fail "search's tightest (G) case not proved with a margin enclosure"
echo PASS
