#!/usr/bin/env bash
# --certified through the real binary (label `certified`):
#   eval --certified on every example instance and on Proposition 1 (A proved by the
#   reference's equality form, P3 decided exactly), exit 1 on a certified-refuted
#   conclusion; check --certified on a true property (proved on every case) and on
#   F1 (the counterexample certified refuted, said so in its report); replay --certified.
# usage: cli_test.sh ANNEALCHECK SOURCE_DIR WORK_DIR
set -u
exe="$1"; src="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
fail=0
run() {  # run WANT_STATUS ARGS...: output in $work/out
  local want="$1"; shift
  "$exe" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: annealcheck $* exited $got, expected $want"; sed 's/^/  /' "$work/err" | head -5; tail -5 "$work/out"; fail=1
  fi
}
has() {  # has PATTERN WHAT: $work/out must match the extended regex
  grep -Eq -- "$1" "$work/out" || { echo "FAIL: $2 (no line matching '$1')"; fail=1; }
}
hasnt() {
  ! grep -Eq -- "$1" "$work/out" || { echo "FAIL: $2 (a line matches '$1')"; fail=1; }
}

for f in "$src"/instances/examples/*.json; do
  run 0 eval --certified "$f"
  has '^certified \(MPFI from the exact rational instance' "eval --certified $f prints the certified section"
  has '^  proved +G ' "eval --certified $f proves G"
  has ' 0 undecided, .*no conclusion certified refuted' "eval --certified $f: nothing undecided, no conclusion refuted"
done

run 0 eval --certified --prop1 --alpha 1e-6 --eps 1e-9 --K 10
has '^  proved +A +[0-9]+  margin .*\[structural' "Prop. 1's A (attained with equality) proved by the structural margin"
has '^  proved +P3 +exact ' "P3 decided exactly"
hasnt '^  proved +.*undecided tie' "no tie reported as proved"

run 0 eval --certified --prop1 --alpha 1e-6 --eps 1e-9 --K 10 --format json
python3 - "$work/out" <<'PY' || fail=1
import json, sys
j = json.load(open(sys.argv[1]))
c = {x["label"]: x for x in j["certified"]["checks"]}
assert c["A"]["decision"] == "proved", c["A"]
assert c["P3"]["decision"] == "proved" and c["P3"]["how"] == "exact rational", c["P3"]
assert j["certified"]["counts"]["refuted"] == 0 and not j["certified"]["conclusion_refuted"]
assert len(c["A"]["margin"]) == 2
PY

# F1's shrunk counterexample: (C2) fails and (G) with it, certified. Lemma 2 does not
# cover (G) there (neither (C2) nor (C2') holds): exit 3, never the code of a refuted lemma.
printf '%s' '{"K":0,"alpha":"1/10000","checkpoints":1,"delta0":["1","1"],"eps":"1/2","gamma":["1","1/2"],"k":2,"lambda":["1","1"]}' > "$work/f1.json"
run 3 eval --certified "$work/f1.json"
has '^  refuted +G ' "G certified refuted without (C2)"
has 'a conclusion is certified refuted' "the summary says the violation is certified"
has "^verdict: Lemma 2 applies only in part; \(G\), \(P2.S\), \(P2.Sbar\) not covered: \(C2\), \(C2'\) fails on the exact input" "F1's instance: (G) outside the lemma"
run 3 eval "$work/f1.json"
has "^verdict: Lemma 2 applies only in part" "the default (filtered) eval says the same"
run 2 eval --certified --prop1 --certified-bits 256 --certified-cap 128
# delta(0) = 0: no premise holds, the lemma does not apply (exit 3, docs/eval.md's exit-code table),
# by default and with --certified; --fast keeps the point verdicts (conclusions FAIL: exit 1).
printf '%s' '{"gamma":["1","1/2"],"lambda":["1","1"],"delta0":["0","0"],"k":2,"alpha":"1/2","eps":"1/1000","K":3}' > "$work/zero.json"
run 3 eval "$work/zero.json"
has "^verdict: Lemma 2 does not apply; .*\(G\).* not covered: \(C1\), \(C1'\), \(C2\), \(C2'\) fails on the exact input" "delta(0) = 0: the lemma does not apply"
run 3 eval --certified "$work/zero.json"
run 3 eval --format json "$work/zero.json"
python3 - "$work/out" <<'PY' || fail=1
import json, sys
j = json.load(open(sys.argv[1]))
v = j["verdict"]
assert v["exit_status"] == 3 and "G" in v["not_covered"] and "A" in v["not_covered"], v
PY
# five_dim: (C2) fails, (C2') covers (G): every conclusion proved, exit 0
run 0 eval "$src/instances/examples/five_dim.json"
has "^verdict: every conclusion proved; \(C2\) fails on the exact input, the other premise of each pair holds" "(C2') covers (G) where (C2) fails"


run 0 check lemma2.gf-lower-bound --certified --cases 5 --type double
has 'certified verdict: proved 5$' "a true property proved on every case"
# An equality intervals cannot prove ((P1) attained: S-block empty, one S-bar coordinate)
# is an undecided tie, never proved; it is not a certified refutation either.
printf '%s' '{"gamma":["1","1/2"],"lambda":["1","1"],"delta0":["0","1"],"k":2,"alpha":"1/2","eps":"1/1000","K":3}' > "$work/p1tie.json"
run 3 eval --certified --certified-cap 512 "$work/p1tie.json"
has '^  undecided tie P1 +513 ' "P1 attained with equality is an undecided tie at the cap"
run 0 check dynamics.gd-closed-form --certified --cases 5 --type mpq
has 'certified verdict: proved' "gd closed form decided exactly"

run 1 check falsify.f1-g-without-c2 --certified --type double --report-dir "$work/reports"
has 'violation certified \(MPFI, [0-9]+ bits\)' "F1's counterexample certified refuted"
has 'certified verdict: certified refuted' "F1 run summary"
has '^refuted as expected' "F1 refuted as expected"
report=$(ls "$work"/reports/*.json | head -1)
python3 - "$report" <<'PY' || fail=1
import json, sys
j = json.load(open(sys.argv[1]))
assert j["certified"]["decision"] == "refuted", j.get("certified")
assert j["certified"]["statement"].startswith("violation certified (MPFI, "), j["certified"]
PY
grep -q 'violation certified (MPFI, ' "${report%.json}.md" || { echo "FAIL: the markdown report does not state the certified violation"; fail=1; }
run 0 replay --certified "$report"
has '^  violation certified \(MPFI' "replay --certified states the certified violation"

[ "$fail" = 0 ] && echo "certified CLI: all checks passed"
exit "$fail"
