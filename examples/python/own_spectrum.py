"""A user's own d = 5 spectrum: every check of Lemma 2 with its verdict on the exact input.

    python3 examples/python/own_spectrum.py
"""
from fractions import Fraction

import annealcheck as ac

inst = ac.Instance(gamma=[3, Fraction(3, 2), "0.25", "1e-3", "1e-7"],  # train spectrum, descending
                   lam=[1, 2, "0.5", 3, "0.7"],                        # population spectrum
                   delta0=[1, -2, "0.5", 3, -7], k=3,                  # S = {1, 2}, Sbar = {3, 4, 5}
                   alpha="1e-3", eps="1e-4", K=25)
r = ac.evaluate(inst, type="mpfr256")
print(f"T = {float(r.quantities['T']):.6g}, L_D(GF)/eps = {float(r.quantities['LD_gf_over_eps']):.6g}, "
      f"L_D(annealed)/eps = {float(r.quantities['LD_annealed_over_eps']):.6g}")
for c in r.checks:
    decided = c.decision["decision"] if c.decision else ("by the point filter" if c.verdict == "PASS" else c.verdict)
    print(f"  {c.label:<8} {c.verdict:<9} {decided:<20} {c.statement}")
print("verdict:", r.verdict["summary"])
