#!/usr/bin/env python3
"""`audit --property ID --cases 20` for every id of `list`: the ids whose cases
carry a Lemma 2 instance audit 20 instances drawn from their own catalog
generator (exit 0, 20 cases per rung, valid instances in any report); the others
exit 2 with one line naming --property and the id.

usage: property_audit_cli_test.py ANNEALCHECK WORK_DIR"""
import json
import shutil
import subprocess
import sys

exe, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=600)


listing = json.loads(run("list", "--format", "json").stdout)
with_instance = [p["id"] for p in listing if p["lemma2_instance"]]
failures = []
if len(with_instance) < 10:  # lemma2.* (6), dynamics.gd-closed-form, dynamics.beta-space-losses, F1-F3, F5
    failures.append(f"only {len(with_instance)} properties offer Lemma 2 instances: {with_instance}")
for p in listing:
    pid = p["id"]
    r = run("audit", "--property", pid, "--cases", "20", "--types", "double,mpfr128", "--format", "json",
            "--report-dir", f"{work}/{pid}")
    if not p["lemma2_instance"]:
        lines = r.stderr.strip().splitlines()
        if r.returncode != 2 or len(lines) != 1 or "--property" not in lines[0] or pid not in lines[0]:
            failures.append(f"{pid}: exit {r.returncode}, stderr {r.stderr!r}; expected exit 2 and one line naming --property")
        continue
    if r.returncode != 0:
        failures.append(f"{pid}: exit {r.returncode}: {r.stderr.strip()[:300]}")
        continue
    doc = json.loads(r.stdout)
    cases = [rung["cases"] for rung in doc["rungs"]]
    if doc["cases"] != 20 or cases != [20, 20]:
        failures.append(f"{pid}: {doc['cases']} cases, per rung {cases}; expected 20")
    if doc["property"] != pid:
        failures.append(f"{pid}: report names property {doc['property']}")
# Deterministic in the seed, different for another seed.
a = run("audit", "--property", "lemma2.gf-lower-bound", "--cases", "3", "--types", "double", "--format", "json", "--seed", "5")
b = run("audit", "--property", "lemma2.gf-lower-bound", "--cases", "3", "--types", "double", "--format", "json", "--seed", "5")
strip = lambda t: {k: v for k, v in json.loads(t).items() if k != "seconds"}
if strip(a.stdout) != strip(b.stdout):
    failures.append("the same seed drew different instances")
for f in failures:
    print("FAIL:", f)
print(f"{len(listing)} properties, {len(with_instance)} audited; {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
