#!/usr/bin/env python3
"""verify --junit: the JUnit XML reads back (xml.etree) with the structure JUnit
readers expect (testsuites > testsuite > testcase with classname, name, time; the
counts in the attributes agree), one testcase per property x type of the run, and
refutations of known-false claims count as passing testcases.
Usage: junit_test.py ANNEALCHECK SCRATCH_DIR"""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

exe, scratch = sys.argv[1], sys.argv[2]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
out = os.path.join(scratch, "verify.xml")
run = subprocess.run([exe, "verify", "--types", "double", "--jobs", "2", "--report-dir",
                      os.path.join(scratch, "reports"), "--junit", out], capture_output=True, text=True, timeout=600)
if run.returncode != 0:
    sys.exit(f"verify exited {run.returncode}: {run.stderr[:400]}")

catalog = json.loads(subprocess.run([exe, "list", "--format", "json"], capture_output=True, text=True, check=True).stdout)
expected = {(p["id"], "double") for p in catalog if "double" in p["types"]}
refuted = {p["id"] for p in catalog if p["expected"] == "refuted"}

root = ET.parse(out).getroot()
errors = []
if root.tag != "testsuites":
    errors.append(f"root is <{root.tag}>, not <testsuites>")
suites = root.findall("testsuite")
if len(suites) != 1:
    errors.append(f"{len(suites)} <testsuite> elements")
cases = [c for s in suites for c in s.findall("testcase")]
seen = {(c.get("classname"), c.get("name")) for c in cases}
if seen != expected or len(cases) != len(expected):
    errors.append(f"testcases {sorted(seen ^ expected)} differ from the catalog's double runs ({len(cases)} vs {len(expected)})")
for c in cases:
    try:
        float(c.get("time"))
    except (TypeError, ValueError):
        errors.append(f"{c.get('classname')}: time {c.get('time')!r} is not a number")
    if c.find("failure") is not None:
        errors.append(f"{c.get('classname')}: a failure in a passing run")
    if c.get("classname") in refuted and "refuted as expected" not in (c.findtext("system-out") or ""):
        errors.append(f"{c.get('classname')}: a known-false claim not reported refuted")
for s in suites:
    if int(s.get("tests")) != len(s.findall("testcase")) or int(s.get("failures")) != 0:
        errors.append(f"suite counts tests={s.get('tests')} failures={s.get('failures')} disagree")
if errors:
    sys.exit("junit: " + "; ".join(errors))
print(f"junit: {len(cases)} testcases ({len(refuted)} refutations passing), structure ok")
