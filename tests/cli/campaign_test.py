#!/usr/bin/env python3
"""Campaigns in chunks (issue 13), without MPI:
  1. shards 1/3, 2/3, 3/3 run separately and merged print the same verdicts, case
     counts, chunk counts and margins as one `verify --jobs 1` run, and exit 0;
  2. merging two of the three names the missing chunks (the third shard's) and exits 1;
  3. a `kill -9` of a shard process mid-run, then `--resume` of that shard, runs only
     the chunks not recorded (run + already recorded = the shard's chunks); a local
     `verify --resume DIR` then runs the other shard's chunks, and its table (and
     merge's) equals the one run again: no case lost or counted twice;
  4. bad input exits 2 with the field named: --shard 0/3, 4/3, 1/3 without --out,
     and merging partial results of another seed, case count or catalog.
Usage: campaign_test.py ANNEALCHECK SCRATCH_DIR"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

exe, scratch = sys.argv[1], sys.argv[2]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
os.environ["TMPDIR"] = scratch
# A true property in chunks of 100, a false claim (fails in every chunk) and a fast one.
CAMPAIGN = ["--properties", "lemma2.gf-lower-bound,falsify.f1-g-without-c2,prop1.case30-equal-loss", "--types", "double",
            "--cases", "1200", "--chunk-size", "100", "--seed", "7"]
failures = []


def run(args, timeout=120):
    return subprocess.run([exe] + args, capture_output=True, text=True, timeout=timeout)


def rows(stdout):
    """What must not depend on who ran the chunks."""
    doc = json.loads(stdout)
    return [(r["property"], r["type"], r["cases"], r["chunks"], r["verdict"], r["ok"], r["smallest_margin"]) for r in doc["rows"]]


def d(name):
    return os.path.join(scratch, name)


one = run(["verify", "--jobs", "1", "--format", "json", "--report-dir", d("r1")] + CAMPAIGN)
if one.returncode != 0:
    sys.exit(f"one run exited {one.returncode}: {one.stderr[:300]}")
expected = rows(one.stdout)
print("one run:", expected)
if not any(r[3] > 1 for r in expected):
    failures.append("the campaign has no task of several chunks: the test would not test merging")

# 1. three shards, merged
for i in (1, 2, 3):
    s = run(["verify", "--shard", f"{i}/3", "--out", d(f"s{i}")] + CAMPAIGN)
    if s.returncode != 0:
        failures.append(f"shard {i}/3 exited {s.returncode}: {s.stderr[:300]}")
merged = run(["merge", d("s1"), d("s2"), d("s3"), "--format", "json", "--report-dir", d("rm")])
if merged.returncode != 0 or rows(merged.stdout) != expected:
    failures.append(f"merge of 3 shards (exit {merged.returncode}) differs: {merged.stdout[:600]}")

# 2. two of three: the missing chunks are named, exit 1
partial = run(["merge", d("s1"), d("s3"), "--report-dir", d("rp")])
missing = re.findall(r"missing chunk\(s\) ([0-9, ]+) of", partial.stdout)
if partial.returncode != 1 or not missing or "INCOMPLETE" not in partial.stdout:
    failures.append(f"merge of 2 shards: exit {partial.returncode}, output {partial.stdout[:600]}")
print("merge of 2 of 3:", partial.returncode, missing)

# 3. kill -9 of a shard process mid-run, then --resume
k = d("killed")
proc = subprocess.Popen([exe, "verify", "--shard", "1/2", "--out", k, "--jobs", "1"] + CAMPAIGN,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
chunk_dir = os.path.join(k, "chunks")
deadline = time.time() + 60
while time.time() < deadline:  # kill once some chunks, not all, are recorded
    done = sum(len(files) for _, _, files in os.walk(chunk_dir)) if os.path.isdir(chunk_dir) else 0
    if done >= 3:
        break
    time.sleep(0.05)
proc.send_signal(signal.SIGKILL)
proc.wait()
recorded = sum(len([f for f in files if not f.startswith(".")]) for _, _, files in os.walk(chunk_dir))
resumed = run(["verify", "--resume", k, "--shard", "1/2", "--jobs", "2"])
m = re.search(r"(\d+) chunk\(s\) run, (\d+) already recorded, 0 lost", resumed.stdout)
print("killed after", recorded, "chunk files;", resumed.stdout.strip().splitlines()[0] if resumed.stdout else resumed.stderr[:200])
if resumed.returncode != 0 or not m or int(m.group(2)) != recorded or int(m.group(1)) == 0:
    failures.append(f"resume after kill -9 (exit {resumed.returncode}): {resumed.stdout[:300]} {resumed.stderr[:300]}")
# the rest (shard 2/2's chunks) by a local --resume, which prints the whole table; then merge reads the same
again = run(["verify", "--resume", k, "--format", "json", "--report-dir", d("rk")])
merged_k = run(["merge", k, "--format", "json", "--report-dir", d("rk")])
if again.returncode != 0 or rows(again.stdout) != expected or merged_k.returncode != 0 or rows(merged_k.stdout) != expected:
    failures.append(f"killed + resumed campaign (exit {again.returncode}, merge {merged_k.returncode}) differs: {again.stdout[:600]}")

# 4. bad input: exit 2, the field named
other_seed = CAMPAIGN[:-1] + ["8"]
run(["verify", "--shard", "2/3", "--out", d("seed8")] + other_seed)
other_cases = [x if x != "1200" else "1100" for x in CAMPAIGN]
run(["verify", "--shard", "2/3", "--out", d("cases1100")] + other_cases)
shutil.copytree(d("s2"), d("catalog"))
ident = json.load(open(os.path.join(d("catalog"), "campaign.json")))
ident["catalog_hash"] = "0123456789abcdef"  # as recorded by a build with another catalog
json.dump(ident, open(os.path.join(d("catalog"), "campaign.json"), "w"))
bad = [(["verify", "--shard", "0/3", "--out", d("x")] + CAMPAIGN, "--shard"),
       (["verify", "--shard", "4/3", "--out", d("x")] + CAMPAIGN, "--shard"),
       (["verify", "--shard", "1/3"] + CAMPAIGN, "--shard"),
       (["merge", d("s1"), d("seed8"), d("s3")], "seed"),
       (["merge", d("s1"), d("cases1100"), d("s3")], "cases"),
       (["merge", d("s1"), d("catalog"), d("s3")], "catalog_hash"),
       (["merge", d("catalog")], "catalog_hash"),
       (["merge", d("nowhere")], "campaign.json"),
       (["verify", "--out", d("s1"), "--seed", "8"] + CAMPAIGN[:-2], "seed")]
for args, word in bad:
    r = run(args)
    if r.returncode != 2 or word not in r.stderr or r.stdout:
        failures.append(f"{' '.join(args[:4])}...: exit {r.returncode}, stderr {r.stderr[:300]!r}")
    else:
        print("exit 2:", r.stderr.strip())

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("ok")
