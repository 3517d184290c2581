#!/usr/bin/env python3
"""Targeted search against plain random generation (issue 14): evaluations until the
first counterexample of F2 and F5, over 10 seeds, the medians, and whether the search
needs at most a tenth of each baseline's.

  bench/search_vs_random.py build/release/src/annealcheck [--seeds 10] [--budget 2000]
      [--search "--screen 3 --optimizer bobyqa"] [--box 2] [--json out.json]

Two baselines, both reported:
  rapidcheck  `check ID --seed S`: the catalog's own generator (RapidCheck, sizes growing
              from small/edge instances) -> cases_run at the first failure.
  uniform     `search ID --strategy uniform --box B --seed S`: uniform draws over exactly the
              parametrisation the search optimises (log γ, log λ, log |δ(0)|, logit α, log ε, K,
              the same --fix) in the box of half-width B the optimiser is given around a generated
              case (whose structure d, k, signs it keeps) -> evaluations at the first failure.
              Reported for B = the optimiser's initial step (2) and its bounds (40).
Search: `search ID --seed S` with the flags given -> evaluations (every check, the screened
draws included; points outside the premises are skipped by both search and uniform and counted
apart). A run that spends its budget without a counterexample counts as the budget.
"""
import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile

PROPS = ("falsify.f2-g-without-one-minus-alpha", "falsify.f5-a-short-step")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr[:300]}")
    return json.loads(p.stdout)


def evaluations(exe, pid, seed, budget, flags, reports):
    q = run([exe, "search", pid, "--seed", str(seed), "--budget", str(budget), "--format", "json", "--report-dir", reports] + flags)
    return (q["evaluations"] if q["counterexample"] else budget), q["infeasible"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("annealcheck")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--budget", type=int, default=2000)
    ap.add_argument("--search", default="", help="flags of the search measured (default: its defaults)")
    ap.add_argument("--boxes", default="2,40", help="half-widths of the uniform baseline's box")
    ap.add_argument("--json", help="write the measurements here")
    a = ap.parse_args()
    out = {"budget": a.budget, "seeds": a.seeds, "search_flags": a.search, "properties": {}}
    with tempfile.TemporaryDirectory() as reports:
        for pid in PROPS:
            seeds = range(1, a.seeds + 1)
            rows = {}
            rc = []
            for s in seeds:
                r = run([a.annealcheck, "check", pid, "--seed", str(s), "--cases", str(a.budget), "--format", "json", "--report-dir", reports])
                rc.append(r["cases_run"] if r["outcome"] == "failed" else a.budget)
            rows["random: rapidcheck generator"] = (rc, None)
            for b in a.boxes.split(","):
                u = [evaluations(a.annealcheck, pid, s, a.budget, ["--strategy", "uniform", "--box", b], reports) for s in seeds]
                rows[f"random: uniform in the search box (half-width {b})"] = ([x for x, _ in u], [y for _, y in u])
            sr = [evaluations(a.annealcheck, pid, s, a.budget, shlex.split(a.search), reports) for s in seeds]
            search = [x for x, _ in sr]
            ms = statistics.median(search)
            print(f"{pid}  (search flags: {a.search or 'defaults'}; budget {a.budget}; {a.seeds} seeds)")
            print(f"  search: {search} median {ms} (infeasible skipped: {[y for _, y in sr]})")
            out["properties"][pid] = {"search": search, "search_median": ms, "baselines": {}}
            for name, (xs, infeasible) in rows.items():
                m = statistics.median(xs)
                censored = m >= a.budget  # the baseline found nothing within the budget on most seeds
                met = ms <= m / 10
                print(f"  {name}: {xs} median {'>= ' if censored else ''}{m}" + (f" (infeasible skipped: {infeasible})" if infeasible else ""))
                why = ""
                if not met and m < 10:
                    why = f" (a tenth of {m} is below one evaluation)"
                elif censored:
                    why = " (censored: the baseline's median is only known to be >= the budget, so the ratio is an upper bound)"
                print(f"    search/baseline {'<= ' if censored else '= '}{ms / m:.3g}: target <= 0.1 {'MET' if met else 'NOT met'}{why}")
                out["properties"][pid]["baselines"][name] = {"evaluations": xs, "median": m, "censored": censored, "ratio": ms / m, "target_met": met}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
