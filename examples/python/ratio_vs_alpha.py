"""Proposition 1: the test-loss ratio L_D(GF)/L_D(annealed) tends to 2 as alpha -> 0.

Each point is `annealcheck eval --prop1` at mpfr256 (eps = 1, K = 10: both runs stop at
train loss 1, far below L̂(delta(0)) = 10^4/alpha), its verdict decided on the exact input.
Left: the ratio with Lemma 2's guarantee 2(1 - alpha) (G over A); right: 2 - ratio.

    python3 examples/python/ratio_vs_alpha.py [OUT.png]   (default: ratio_vs_alpha.png)
"""
import sys
from fractions import Fraction

import matplotlib.pyplot as plt

import annealcheck as ac

out = sys.argv[1] if len(sys.argv) > 1 else "ratio_vs_alpha.png"
alphas = ["1/2", "1/4", "1/10", "1e-2", "1e-3", "1e-4", "1e-6", "1e-9", "1e-12"]
xs, ratios = [], []
for a in alphas:
    r = ac.evaluate(ac.Instance.prop1(alpha=a, eps="1", K=10), type="mpfr256")
    xs.append(float(Fraction(a)))
    ratios.append(r.quantities["ratio"])
    print(f"alpha = {a:>5}  L_D(GF)/L_D(annealed) = {r.quantities['ratio']}  "
          f"2 - ratio = {float(2 - r.quantities['ratio']):.3e}  ({r.verdict['summary'].split(':')[0]})")
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
left.semilogx(xs, [float(v) for v in ratios], "o-", label="L_D(GF) / L_D(annealed)")
left.semilogx(xs, [2 * (1 - x) for x in xs], "s--", color="0.5", label="Lemma 2's guarantee 2(1 - alpha)")
left.axhline(2, color="0.8", lw=0.8)
left.set_xlabel("alpha")
left.set_ylabel("test-loss ratio")
left.legend()
right.loglog(xs, [float(2 - v) for v in ratios], "o-")
right.set_xlabel("alpha")
right.set_ylabel("2 - ratio")
fig.suptitle("Proposition 1, case (2,1): eps = 1, K = 10, mpfr256")
fig.tight_layout()
fig.savefig(out, dpi=120)
print(f"wrote {out}")
