#!/usr/bin/env python3
"""The tightness table (issue 14): for every true bound of instances/claims/lemma2.claims,
the smallest ratio of its two sides (lhs/rhs for >=, rhs/lhs for <=; 1 = tight) that
`annealcheck search` finds within a stated budget, at alpha free and at alpha = 1/2,
with the instance. Writes Markdown to stdout and JSON to --json.

  bench/tightness_table.py build/release/src/annealcheck --json results/tightness.json [--budget 5000] [--seeds 4]

Each row runs `search` with seeds seed .. seed + N - 1 (--seeds N) at the budget each and keeps
the smallest ratio (the JSON has every seed's): one Subplex run's result moves with
last-bit changes of its objective, so a single seed says little about the infimum.
"""
import argparse
import json
import subprocess
import sys
from fractions import Fraction


def claims(path):
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            text, _, given = line.partition("|")
            yield text.strip(), given.strip()


def ratio(text, lhs, rhs):
    l, r = Fraction(lhs), Fraction(rhs)  # the decimal strings, exactly
    return float(l / r) if ">" in text else float(r / l)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("annealcheck")
    ap.add_argument("--claims", default="instances/claims/lemma2.claims")
    ap.add_argument("--json", required=True)
    ap.add_argument("--budget", type=int, default=5000)
    ap.add_argument("--per-restart", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", type=int, default=1, help="seeds seed .. seed + N - 1 per row; the smallest ratio is kept")
    a = ap.parse_args()
    rows = []
    for text, given in claims(a.claims):
        for alpha in (None, "1/2"):
            runs = []
            for seed in range(a.seed, a.seed + a.seeds):
                cmd = [a.annealcheck, "search", "--claim", text, "--given", given, "--budget", str(a.budget),
                       "--per-restart", str(a.per_restart), "--seed", str(seed), "--format", "json", "--report-dir", "/tmp/tightness-reports"]
                if alpha:
                    cmd += ["--fix", f"alpha={alpha}"]
                p = subprocess.run(cmd, capture_output=True, text=True)
                if p.returncode not in (0, 1):
                    sys.exit(f"{text}: exit {p.returncode}: {p.stderr[:300]}")
                j = json.loads(p.stdout)
                t = j["tightest"]
                runs.append((seed, j, None if j["counterexample"] else ratio(text, t["lhs"], t["rhs"])))
            # a counterexample wins; else the smallest ratio
            seed, j, r = min(runs, key=lambda x: (x[2] is not None, x[2] or 0))
            t = j["tightest"]
            rows.append({"claim": text, "given": given, "alpha": alpha or "free", "budget": a.budget, "seed": seed,
                         "ratios_by_seed": {str(s): x for s, _, x in runs}, "evaluations": j["evaluations"],
                         "restarts": j["restarts"], "counterexample": j["counterexample"], "min_ratio": r,
                         "relative_margin": t["relative_margin"], "instance": t["case"], "where": t["where"]})
    with open(a.json + ".tmp", "w") as f:
        json.dump({"command": " ".join(sys.argv), "rows": rows}, f, indent=1)
    import os
    os.replace(a.json + ".tmp", a.json)
    print(f"| claim (given) | alpha | min ratio found | meaning | d, K of that instance |\n|---|---|---|---|---|")
    for r in rows:
        if r["counterexample"]:
            meaning = "REFUTED"
        elif r["min_ratio"] - 1 < 1e-6:
            meaning = "ratio -> 1: the constant cannot be improved"
        else:
            meaning = f"ratio >= {r['min_ratio']:.4g} on every instance tried"
        ratio_s = "-" if r["min_ratio"] is None else f"{r['min_ratio']:.10g}"
        print(f"| `{r['claim']}` ({r['given']}) | {r['alpha']} | {ratio_s} | {meaning} | d={len(r['instance']['gamma'])}, K={r['instance']['K']} |")


if __name__ == "__main__":
    main()
