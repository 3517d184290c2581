#!/usr/bin/env python3
"""Writes a Lemma 2 instance for benchmarks: d coordinates, γ geometric over DECADES
decades (γ_1 = 1), the top quarter as S with γ_iδ_i(0)² = 1/10, the rest S̄ with
γ_jδ_j(0)² = 1, so (C1) and (C2) hold (ρ is the largest valid gap; M = |S̄|).

    bench/make_instance.py D DECADES K > instance.json
"""
import json
import sys
from decimal import Decimal, getcontext


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: make_instance.py D DECADES K")
    d, decades, K = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    if d < 2 or decades <= 0 or K < 0:
        sys.exit("need D >= 2, DECADES > 0, K >= 0")
    getcontext().prec = 30
    k = max(2, d // 4 + 1)  # S = {1..k-1}
    gamma, delta = [], []
    for i in range(d):
        g = Decimal(10) ** (Decimal(-decades) * i / (d - 1))
        w = Decimal("0.1") if i < k - 1 else Decimal(1)
        gamma.append(f"{g:.20e}")
        delta.append(f"{(w / Decimal(gamma[-1])).sqrt() * (1 if i % 2 == 0 else -1):.20e}")
    lam = [str(1 + (i % 7)) + "/7" for i in range(d)]
    json.dump({"name": f"benchmark: d={d}, gamma over {decades:g} decades", "gamma": gamma, "lambda": lam,
               "delta0": delta, "k": k, "alpha": "1/2", "eps": "1e-3", "K": K}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
