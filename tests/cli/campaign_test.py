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
     and merging partial results of another seed, case count or catalog;
  5. chunk seeds hash (seed, property, type, chunk): a false claim at two types in
     chunks leaves reports with distinct seeds, and each report replays — `replay`,
     its RC_PARAMS command, and `check --seed <its seed> --cases <its chunk's>` from
     scratch — to the same counterexample;
  6. text claims (--claims FILE) are recorded in campaign.json: shards run with the
     file merge without it into the table of one run, `--resume DIR` needs no file,
     and a file that disagrees with the recorded claims is exit 2.
Usage: campaign_test.py ANNEALCHECK SCRATCH_DIR"""
import glob
import json
import os
import re
import shlex
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
shutil.copytree(d("s2"), d("format1"))
ident["catalog_hash"], ident["format"] = json.load(open(os.path.join(d("s2"), "campaign.json")))["catalog_hash"], "annealcheck campaign 1"
json.dump(ident, open(os.path.join(d("format1"), "campaign.json"), "w"))  # a campaign of the rules before chunk seeds hashed the type
bad = [(["verify", "--shard", "0/3", "--out", d("x")] + CAMPAIGN, "--shard"),
       (["merge", d("format1")], "format"),
       (["verify", "--resume", d("format1")], "format"),
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

# 5. reports of a multi-chunk, multi-type campaign replay
F1 = "falsify.f1-g-without-c2"
rd, cd = d("replay-reports"), d("replay-campaign")
v = run(["verify", "--properties", F1, "--types", "double,mpfr256", "--cases", "30", "--chunk-size", "10", "--seed", "7",
         "--jobs", "2", "--report-dir", rd, "--out", cd, "--format", "json"])
reports = sorted(glob.glob(os.path.join(rd, "*.json")))
chunk_of_seed = {}
for f in glob.glob(os.path.join(cd, "chunks", "*", "*.json")):
    c = json.load(open(f))
    chunk_of_seed[c["seed"]] = c
print(f"replay: verify exit {v.returncode}, {len(reports)} reports, {len(chunk_of_seed)} chunks")
if v.returncode not in (0, 1) or len(reports) < 4 or len(chunk_of_seed) != 6:
    failures.append(f"multi-type verify of {F1}: exit {v.returncode}, {len(reports)} reports, chunks {len(chunk_of_seed)}: {v.stderr[:300]}")
seeds = set()
for f in reports:
    rep = json.load(open(f))
    seed, typ, want = rep["rapidcheck"]["seed"], rep["type"]["id"], rep["violation"]
    seeds.add((typ, seed))
    rp = run(["replay", f])
    if rp.returncode != 0 or "reproduced" not in rp.stdout:
        failures.append(f"replay {f}: exit {rp.returncode}: {rp.stdout[-300:]}")
    # the report's own RapidCheck command, as printed (annealcheck -> this executable)
    cmd = rep["replay"]["rapidcheck"].replace(" annealcheck ", f" {shlex.quote(exe)} ", 1)
    sh = subprocess.run(cmd + f" --format json --report-dir {shlex.quote(d('replay-rc'))}", shell=True, capture_output=True, text=True, timeout=120)
    # and from its seed alone, with the case count of the chunk that seed belongs to
    chunk = chunk_of_seed.get(seed)
    fresh = run(["check", F1, "--type", typ, "--seed", str(seed), "--cases", str(chunk["cases_requested"] if chunk else 0),
                 "--format", "json", "--report-dir", d("replay-fresh")])
    for how, r in (("RC_PARAMS command", sh), ("check --seed", fresh)):
        try:
            got = json.loads(r.stdout)["counterexample"]["verdict"]
        except (ValueError, KeyError):
            failures.append(f"{how} of {f}: exit {r.returncode}, no counterexample: {r.stdout[:200]} {r.stderr[:200]}")
            continue
        if (got["label"], got["lhs"], got["rhs"], got["where"]) != (want["label"], want["lhs"], want["rhs"], want["where"]):
            failures.append(f"{how} of {f}: {got['lhs']} {got['rhs']} vs the report's {want['lhs']} {want['rhs']}")
print("report seeds:", sorted(seeds))
if len({s for _, s in seeds}) != len(seeds) or 7 in {s for _, s in seeds} or len({t for t, _ in seeds}) != 2:
    failures.append(f"report seeds are not distinct per type and chunk: {sorted(seeds)}")

# 6. text claims recorded with the campaign
claims = d("claims.txt")
with open(claims, "w") as f:
    f.write("# a true claim and a false one (factor 2), docs/claims.md\n"
            "LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma) | C1,C2\n"
            "LD_gf >= 2*(1-alpha)*eps*min(Sbar, lambda/gamma) | C1,C2\n")
other = d("other-claims.txt")
with open(other, "w") as f:
    f.write("LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma) | C1\n")
CLAIMED = ["--types", "long-double", "--cases", "60", "--chunk-size", "20", "--seed", "7"]  # only claims run at long-double
one_c = run(["verify", "--jobs", "1", "--claims", claims, "--format", "json", "--report-dir", d("rc1")] + CLAIMED)
expected_c = rows(one_c.stdout) if one_c.stdout.startswith("{") else []
print("claims, one run:", one_c.returncode, expected_c)
if len(expected_c) != 2 or not any(r[3] > 1 for r in expected_c):
    failures.append(f"claims campaign: exit {one_c.returncode}, rows {expected_c}: {one_c.stderr[:300]}")
with_filter = run(["verify", "--claims", claims, "--properties", "prop1.case30-equal-loss", "--types", "double", "--cases", "10",
                   "--format", "json", "--report-dir", d("rcf")])
ids = [r[0] for r in rows(with_filter.stdout)] if with_filter.stdout.startswith("{") else []
if ids != ["prop1.case30-equal-loss"] + [r[0] for r in expected_c]:  # --properties filters the catalog; claims always run
    failures.append(f"--claims with --properties ran {ids}: {with_filter.stderr[:300]}")
for i in (1, 2, 3):
    run(["verify", "--shard", f"{i}/3", "--out", d(f"c{i}"), "--claims", claims] + CLAIMED)
recorded = json.load(open(os.path.join(d("c1"), "campaign.json"))).get("claims")
if [c["given"] for c in recorded or []] != ["C1,C2", "C1,C2"]:
    failures.append(f"campaign.json records the claims as {recorded}")
merged_c = run(["merge", d("c1"), d("c2"), d("c3"), "--format", "json", "--report-dir", d("rcm")])
if merged_c.returncode != one_c.returncode or not merged_c.stdout.startswith("{") or rows(merged_c.stdout) != expected_c:
    failures.append(f"merge of claim shards without the file (exit {merged_c.returncode}): {merged_c.stdout[:400]} {merged_c.stderr[:300]}")
resumed_c = run(["verify", "--resume", d("c2"), "--format", "json", "--report-dir", d("rcr")])
if resumed_c.returncode != one_c.returncode or not resumed_c.stdout.startswith("{") or rows(resumed_c.stdout) != expected_c:
    failures.append(f"--resume of a claims campaign without the file (exit {resumed_c.returncode}): {resumed_c.stderr[:300]}")
for args in (["verify", "--resume", d("c3"), "--claims", other], ["verify", "--shard", "1/3", "--out", d("c1"), "--claims", other] + CLAIMED):
    r = run(args)
    if r.returncode != 2 or not ("--claims" in r.stderr or "claims:" in r.stderr):
        failures.append(f"{' '.join(args[:4])}: exit {r.returncode}, stderr {r.stderr[:300]!r}")
    else:
        print("exit 2:", r.stderr.strip())

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("ok")
