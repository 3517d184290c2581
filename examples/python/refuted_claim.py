"""A false claim refuted, and its counterexample plotted.

The claim drops Lemma 2's factor (1 - alpha) and takes the max instead of the min:
L_D(GF) >= eps * max over Sbar of lambda/gamma. `check` finds a shrunk counterexample,
certified refuted on the exact input; the plot shows both runs of that instance.

    python3 examples/python/refuted_claim.py [OUT.png]   (default: refuted_claim.png)
"""
import json
import sys

import matplotlib.pyplot as plt

import annealcheck as ac

out = sys.argv[1] if len(sys.argv) > 1 else "refuted_claim.png"
rec = ac.check(claim="LD_gf >= eps * max(Sbar, lambda/gamma)", given="C1,C2", type="double")
cx = rec["counterexample"]
print("refuted:", not rec["succeeded"] or rec["kind"] == "refuted", "-", cx["summary"])
case = json.loads(cx["case"]) if isinstance(cx["case"], str) else cx["case"]
inst = ac.Instance(gamma=case["gamma"], lam=case["lambda"], delta0=case["delta0"], k=case["k"],
                   alpha=case.get("alpha"), eps=case.get("eps"), K=case.get("K", 10), rho=case.get("rho"))
r = ac.evaluate(inst, type="mpfr256")
tr = r.trajectory(200)
e = inst.exact()
claimed = float(e["eps"] * max(l / g for l, g in zip(e["lambda"][e["k"] - 1:], e["gamma"][e["k"] - 1:])))
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
left.semilogy(tr["gf"]["t"], tr["gf"]["train"], label="train loss L̂")
left.semilogy(tr["gf"]["t"], tr["gf"]["test"], label="test loss L_D")
left.axhline(float(e["eps"]), color="0.5", ls=":", label="eps (the stop)")
left.set_xlabel("gradient-flow time t")
left.legend()
left.set_title(f"the counterexample: {cx['summary']}")
# Near the stop: L_D / (the claim's bound); the claim says >= 1 at T.
tail = tr["gf"]["t"] > 0.9 * tr["gf"]["t"][-1]
right.semilogy(tr["gf"]["t"][tail], tr["gf"]["test"][tail] / claimed, color="tab:orange", label="L_D(delta(t)) / (eps max_Sbar lambda/gamma)")
right.axhline(1, color="0.4", ls="--", label="the claim: >= 1 at the stop T")
right.plot([tr["gf"]["t"][-1]], [tr["gf"]["test"][-1] / claimed], "*", color="tab:red", ms=14,
           label=f"at T: {tr['gf']['test'][-1] / claimed:.4f} < 1 (refuted)")
right.set_xlabel("gradient-flow time t")
right.legend(fontsize=8)
right.set_title("near the stop")
fig.tight_layout()
fig.savefig(out, dpi=120)
print(f"wrote {out}")
