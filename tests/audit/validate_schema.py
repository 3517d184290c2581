#!/usr/bin/env python3
"""The JSON of `annealcheck audit` validates against schemas/audit.schema.json, and
that of `audit --property` against schemas/property-audit.schema.json (issue 5).
Also checks that the schema rejects broken documents, so this test can fail.
Needs python3-jsonschema (scripts/setup-deps installs it).
usage: validate_schema.py ANNEALCHECK SOURCE_DIR WORK_DIR"""
import copy, json, subprocess, sys
import jsonschema

exe, src, work = sys.argv[1], sys.argv[2], sys.argv[3]

def run(args):
    p = subprocess.run([exe, "audit", "--format", "json"] + args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"annealcheck audit {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)

def validator(name):
    schema = json.load(open(f"{src}/schemas/{name}"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)

audit = validator("audit.schema.json")
prop = validator("property-audit.schema.json")
failures = 0
docs = [
    run(["--prop1", "--alpha", "1e-8", "--eps", "1e-30", "--K", "50", "--types", "float,double,mpfr128"]),
    run([f"{src}/instances/hazards/flow_underflow.json", "--types", "float,double,long-double"]),
    run([f"{src}/instances/hazards/closed_form_cancellation.json", "--closed-form", "--types", "double,gmp_float50"]),
]
for d in docs:
    errors = list(audit.iter_errors(d))
    for e in errors[:10]:
        print("audit schema:", list(e.path), e.message[:300])
    failures += len(errors)
p = run(["--property", "lemma2.gf-lower-bound", "--cases", "3", "--types", "float,double", "--report-dir", f"{work}/reports"])
for e in list(prop.iter_errors(p))[:10]:
    print("property schema:", list(e.path), e.message[:300])
    failures += 1

# The schema must reject what is wrong: a misspelt verdict, a missing field, an unknown field.
bad = copy.deepcopy(docs[0]); bad["rungs"][0]["checks"][0]["verdict"] = "PASSED"
bad2 = copy.deepcopy(docs[0]); del bad2["summary"]["smallest_sufficient"]
bad3 = copy.deepcopy(docs[0]); bad3["reference"]["verdicts"][0]["surprise"] = 1
for b in (bad, bad2, bad3):
    if audit.is_valid(b):
        print("schema accepted a broken document")
        failures += 1
print(f"{len(docs)} audits and 1 property audit checked, {failures} problem(s)")
sys.exit(1 if failures else 0)
