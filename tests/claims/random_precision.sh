#!/usr/bin/env bash
# Random precision (issue 14, ctest label `random-precision`): Lemma 2's true bounds
# (instances/claims/lemma2.claims) and the catalog's true properties built for the
# runtime rung (list: runtime_mpfr) at mpfr:random — the runtime MPFR rung at a
# precision drawn per case in [24, 2048] from the case's hash — must hold on every
# case; the false claims built for the rung (F1-F5) must be refuted with the precision
# shrink in their reports; and the precisions drawn must actually vary. Not in the label:
# dynamics.gf-odeint (no runtime rung: its allowance is the integrator's per-type
# tolerance, not the precision; gf_odeint_prop.cpp).
set -u
exe=$1
claims=$2
work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cases=${ANNEALCHECK_RANDOM_PRECISION_CASES:-12}
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  text=${line%%|*}; text=${text% }
  given=${line#*|}; given=${given# }
  n=$((n + 1))
  "$exe" check --claim "$text" --given "$given" --type mpfr:random --cases "$cases" --seed $((n * 7919)) --report-dir reports \
    --format json > "run$n.json"
  rc=$?
  python3 - "run$n.json" "$text" "$rc" <<'PY' || exit 1
import json, sys
j = json.load(open(sys.argv[1])); rc = int(sys.argv[3])
bits = j["closest"]["verdict"]["bits"] if j.get("closest") else 0
print(f"{'PASS' if rc == 0 else 'FAIL'} {j['cases_run']} cases, closest decided at {bits} bits: {sys.argv[2]}")
if rc != 0:
    print(json.dumps(j.get("counterexample"), indent=1)[:2000]); sys.exit(1)
if not 24 <= bits <= 2048: sys.exit(f"closest case at {bits} bits, outside [24, 2048]")
PY
done < "$claims"
[ $n -ge 9 ] || { echo "FAIL: only $n claims read"; exit 1; }
# the catalog's own true properties built for the runtime rung
ids=$("$exe" list --format json | python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin) if p["runtime_mpfr"] and p["expected"] == "holds"))')
[ -n "$ids" ] || { echo "FAIL: no catalog property is built for the runtime rung"; exit 1; }
for id in $ids; do
  n=$((n + 1))
  "$exe" check "$id" --type mpfr:random --cases $((cases / 2)) --report-dir reports --format json > "run$n.json"
  rc=$?
  python3 - "run$n.json" "$id" "$rc" <<'PY' || exit 1
import json, sys
j = json.load(open(sys.argv[1])); rc = int(sys.argv[3])
bits = j["closest"]["verdict"]["bits"] if j.get("closest") else 0
print(f"{'PASS' if rc == 0 else 'FAIL'} {j['cases_run']} cases, closest decided at {bits} bits: {sys.argv[2]}")
if rc != 0: print(json.dumps(j.get("counterexample"), indent=1)[:2000]); sys.exit(1)
PY
done
# the catalog's false claims built for the rung (F1-F5): refuted at a random precision too,
# and the report records the precision shrink
refuted=$("$exe" list --format json | python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin) if p["runtime_mpfr"] and p["expected"] == "refuted"))')
[ -n "$refuted" ] || { echo "FAIL: no false claim is built for the runtime rung"; exit 1; }
for id in $refuted; do
  "$exe" check "$id" --type mpfr:random --report-dir reports --format json > "refuted-$id.json"
  rc=$?
  python3 - "refuted-$id.json" "$id" "$rc" <<'PY' || exit 1
import json, sys
j = json.load(open(sys.argv[1])); rc = int(sys.argv[3])
if rc != 1 or j["outcome"] != "failed": sys.exit(f"FAIL {sys.argv[2]} not refuted at mpfr:random (exit {rc})")
p = json.load(open(j["report"])).get("precision")
if not p: sys.exit(f"FAIL {sys.argv[2]}: the report records no precision")
print(f"REFUTED {sys.argv[2]} at {j['counterexample']['verdict']['bits']} bits; precision: {p['statement'][:90]}")
PY
done
python3 - run*.json <<'PY' || exit 1
import json, sys
bits = {json.load(open(f))["closest"]["verdict"]["bits"] for f in sys.argv[1:]}
print(f"distinct precisions among the closest cases: {sorted(bits)}")
if len(bits) < 3: sys.exit("the drawn precisions do not vary")
PY
echo PASS
