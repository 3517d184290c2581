#!/usr/bin/env python3
"""The chunk cost model of `verify` (issue 13; campaign/chunk_cost.hpp).

  calibrate_chunks.py [--exe EXE] [--write FILE] [--only REGEX]
      measures CPU seconds per case (user + sys of the worker, so that a loaded
      machine moves the figures little) of every catalog property at each of its
      types with `annealcheck check ID --type T --cases n --format json`, n grown
      until a run takes at least --min-seconds; a text claim at double, long double,
      mpfr256 and the runtime rungs mpfr:128 / mpfr:1024 (for the mpfr multipliers);
      --certified over plain on a few true properties. Writes the table (default
      campaign/chunk_costs.json), which the build embeds.
  calibrate_chunks.py --check [--exe EXE] [--only REGEX]
      runs one default chunk of every property x type as `verify` plans it (the
      chunk size read back from campaign.json, not recomputed here) and prints its
      CPU and wall seconds, their median and how many lie in [0.3, 3] s.
A false claim's run ends at its first counterexample (its timing would measure
shrinking, not cases): it is not measured, chunk_cost.cpp prices it as a claim."""
import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

CLAIM = ["--claim", "LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)", "--given", "C1,C2"]  # docs/claims.md; holds
CLAIM_TYPES = {"double": "double", "long-double": "long-double", "mpfr256": "mpfr256", "mpfr:128": "mpfr128", "mpfr:1024": "mpfr1024"}
CERTIFIED_ON = ["lemma2.gf-lower-bound", "lemma2.p3-top-sign-flip", "prop1.case30-equal-loss"]
SEED = "2005073600"


def timed(cmd):
    """(CPU seconds of the child and its children, wall seconds, completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall, p


def per_case(exe, what, type_, scratch, min_seconds, extra=()):
    """CPU seconds per case of `check WHAT --type T`, n grown until a run lasts min_seconds."""
    n = 5
    while True:
        cpu, _, p = timed([exe, "check", *what, "--type", type_, "--cases", str(n), "--seed", SEED, "--format", "json",
                           "--report-dir", scratch, *extra])
        if p.returncode not in (0, 1):
            sys.exit(f"check {' '.join(what)} --type {type_} exited {p.returncode}: {p.stderr[:300]}")
        run = json.loads(p.stdout)
        ran = max(1, run["cases_run"])
        if cpu >= min_seconds or ran < n or n >= 1_000_000:  # long enough, or a false claim that stopped early
            return cpu / ran, ran, cpu
        n = min(1_000_000, int(n * min(20.0, 1.3 * min_seconds / max(cpu, 0.01))) + 1)


def calibrate(a, catalog, scratch):
    table = {"format": "annealcheck chunk costs 1",
             "measured": f"{time.strftime('%Y-%m-%d', time.gmtime())} by bench/calibrate_chunks.py on {os.uname().nodename} "
                         f"({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}); CPU seconds per case",
             "seconds_per_case": {}, "claim": {}, "type_multiplier": {"double": 1.0}, "certified_multiplier": 1.0}
    for p in catalog:
        if not re.search(a.only, p["id"]) or p["expected"] != "holds":  # false claims are priced as a claim (chunk_cost.hpp)
            continue
        for t in p["types"]:
            s, ran, cpu = per_case(a.exe, [p["id"]], t, scratch, a.min_seconds)
            table["seconds_per_case"].setdefault(p["id"], {})[t] = float(f"{s:.4g}")
            print(f"{p['id']:<42} {t:<8} {s * 1e3:9.3f} ms/case  ({ran} cases, {cpu:.2f} s CPU)", flush=True)
    claim_costs = {}
    for rung, name in CLAIM_TYPES.items():
        s, ran, cpu = per_case(a.exe, CLAIM, rung, scratch, a.min_seconds)
        claim_costs[name] = s
        print(f"{'claim (' + rung + ')':<42} {'':<8} {s * 1e3:9.3f} ms/case  ({ran} cases, {cpu:.2f} s CPU)", flush=True)
    for name in ("double", "long-double", "mpfr256"):
        table["claim"][name] = float(f"{claim_costs[name]:.4g}")
    # Type multipliers: the catalog median of cost(T) / cost(double); the claim's where the catalog has no T.
    for t in sorted({t for p in table["seconds_per_case"].values() for t in p} - {"double"}):
        ratios = [c[t] / c["double"] for c in table["seconds_per_case"].values() if t in c and "double" in c]
        table["type_multiplier"][t] = float(f"{statistics.median(ratios):.4g}")
    for name in ("long-double", "mpfr128", "mpfr1024"):
        table["type_multiplier"].setdefault(name, float(f"{claim_costs[name] / claim_costs['double']:.4g}"))
    ratios = []
    for pid in CERTIFIED_ON:
        if pid in table["seconds_per_case"]:
            s, ran, cpu = per_case(a.exe, [pid], "double", scratch, a.min_seconds, ["--certified"])
            ratios.append(s / table["seconds_per_case"][pid]["double"])
            print(f"{pid + ' --certified':<42} {'double':<8} {s * 1e3:9.3f} ms/case  ({ran} cases, {cpu:.2f} s CPU)", flush=True)
    if ratios:
        table["certified_multiplier"] = float(f"{statistics.median(ratios):.4g}")
    with open(a.write + ".tmp", "w") as f:
        json.dump(table, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(a.write + ".tmp", a.write)
    print(f"wrote {a.write}: multipliers {table['type_multiplier']}, certified x{table['certified_multiplier']}")


def check(a, catalog, scratch):
    """One default chunk per property x type, as verify plans it."""
    rows = []
    for p in catalog:
        if not re.search(a.only, p["id"]):
            continue
        for t in p["types"]:
            d = tempfile.mkdtemp(dir=scratch)
            # a campaign of two default chunks; shard 1/2 runs chunk 0
            base = ["verify", "--properties", p["id"], "--types", t, "--jobs", "1", "--seed", SEED, "--report-dir", d + "/r"]
            cpu, wall, v = timed([a.exe, *base, "--out", d + "/c", "--shard", "1/2", "--cases", str(2 * chunk_size(a.exe, p, t, d))])
            if v.returncode not in (0, 1):
                sys.exit(f"verify {p['id']} {t}: exit {v.returncode} {v.stderr[:300]}")
            ident = json.load(open(d + "/c/campaign.json"))
            size = ident["chunk_sizes"][f"{p['id']}@{t}"]
            chunk = json.load(open(f"{d}/c/chunks/{p['id']}@{t}/0.json"))
            rows.append((p["id"], t, p["expected"], size, cpu, chunk["seconds"]))
            print(f"{p['id']:<42} {t:<8} chunk of {size:>7} cases: {cpu:6.2f} s CPU (verify + worker), {chunk['seconds']:6.2f} s wall in the worker",
                  flush=True)
    cpus = [r[4] for r in rows]
    inside = sum(0.3 <= c <= 3 for c in cpus)
    print(f"\n{len(rows)} default chunks: CPU seconds median {statistics.median(cpus):.2f}, min {min(cpus):.2f}, max {max(cpus):.2f}; "
          f"{inside} of {len(rows)} in [0.3, 3] s; load average {os.getloadavg()[0]:.1f}")
    true_cpus = [r[4] for r in rows if r[2] == "holds"]
    if true_cpus:
        print(f"true properties only: median {statistics.median(true_cpus):.2f} s, "
              f"{sum(0.3 <= c <= 3 for c in true_cpus)} of {len(true_cpus)} in [0.3, 3] s")


def chunk_size(exe, p, t, d):
    """The default chunk size verify plans for p@t on a huge campaign (read from its campaign.json)."""
    out = f"{d}/size"
    subprocess.run([exe, "verify", "--properties", p["id"], "--types", t, "--cases", "1000000", "--shard", "100000/100000",
                    "--out", out, "--jobs", "1"], capture_output=True, text=True)
    return json.load(open(out + "/campaign.json"))["chunk_sizes"][f"{p['id']}@{t}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exe", default="build/release/src/annealcheck")
    ap.add_argument("--write", default="campaign/chunk_costs.json")
    ap.add_argument("--only", default=".", help="only property ids matching this regex")
    ap.add_argument("--min-seconds", type=float, default=0.5, help="grow a measuring run to at least this much CPU")
    ap.add_argument("--check", action="store_true", help="measure one default chunk per property x type instead")
    a = ap.parse_args()
    a.exe = os.path.abspath(a.exe)
    catalog = json.loads(subprocess.run([a.exe, "list", "--format", "json"], capture_output=True, text=True, check=True).stdout)
    with tempfile.TemporaryDirectory() as scratch:
        (check if a.check else calibrate)(a, catalog, scratch)


if __name__ == "__main__":
    main()
