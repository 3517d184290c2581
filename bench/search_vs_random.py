#!/usr/bin/env python3
"""Targeted search against plain random generation (issue 14): evaluations until the
first counterexample of F2 and F5, over 10 seeds, and the ratio of the medians.

  bench/search_vs_random.py build/release/src/annealcheck [--seeds 10] [--budget 5000]

Random: `check ID --seed S` (RapidCheck, the property's generator) -> cases_run.
Search: `search ID --seed S --budget B` (NLopt Subplex with restarts) -> evaluations.
A search that spends its budget without a counterexample counts as the budget.
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr[:300]}")
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("annealcheck")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--budget", type=int, default=5000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as reports:
        for pid in ("falsify.f2-g-without-one-minus-alpha", "falsify.f5-a-short-step"):
            rnd, srch = [], []
            for s in range(1, a.seeds + 1):
                r = run([a.annealcheck, "check", pid, "--seed", str(s), "--cases", str(a.budget), "--format", "json", "--report-dir", reports])
                rnd.append(r["cases_run"] if r["outcome"] == "failed" else a.budget)
                q = run([a.annealcheck, "search", pid, "--seed", str(s), "--budget", str(a.budget), "--format", "json", "--report-dir", reports])
                srch.append(q["evaluations"] if q["counterexample"] else a.budget)
            mr, ms = statistics.median(rnd), statistics.median(srch)
            print(f"{pid}\n  random: {rnd} median {mr}\n  search: {srch} median {ms}\n  ratio search/random = {ms / mr:.3g} (target <= 0.1)")


if __name__ == "__main__":
    main()
