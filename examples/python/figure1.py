"""The paper's Figure 1 with matplotlib, from annealcheck.prop1 (SPEC §4).

(a) gradient flow and annealed GD (eta = 1/gamma_1 = 3/2, then flow) over train-loss
contours in beta-space; (b) the ends of both runs near beta* with the stopping ellipse
L̂ = eps; (c) the same window over test-loss contours: the annealed run ends at test loss
0.75 eps, gradient flow at 1.5 eps. The paths and contours are the library's (the data
file `annealcheck prop1 --figure` writes, read by annealcheck.figure1_data).

    python3 examples/python/figure1.py [OUT_DIR]     (default: figure1/)
"""
import pathlib
import sys

import matplotlib.pyplot as plt

import annealcheck as ac

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "figure1")
out.mkdir(parents=True, exist_ok=True)
rec = ac.prop1(alpha="1e-12", eps="1e-20", K=10, figure=str(out / "figure1_gnuplot"))
blocks = ac.figure1_data(out / "figure1_gnuplot.dat")
first = {b["name"]: b for b in reversed(blocks)}  # the first block of each name
markers = first["markers"]
ellipse = first["stopping_ellipse"]
W = 1.25 * max(abs(ellipse["r1"]).max(), abs(ellipse["r2"]).max())  # the zoom window around beta*

fig, (a, b, c) = plt.subplots(1, 3, figsize=(16, 5.2))
for blk in blocks:
    if blk["name"] == "train_contour":
        a.plot(blk["beta1"], blk["beta2"], color="0.8", lw=0.7)
a.plot(first["gf_path"]["beta1"], first["gf_path"]["beta2"], color="tab:blue", lw=2, label="GF")
a.plot(first["annealed_gd"]["beta1"], first["annealed_gd"]["beta2"], "o-", color="tab:red", ms=3, lw=1, label="GD, eta = 1/gamma_1")
a.plot(first["annealed_flow"]["beta1"], first["annealed_flow"]["beta2"], color="tab:orange", lw=2, label="GF after GD")
a.plot(markers["beta1"][:2], markers["beta2"][:2], "ks", label="beta_0 and beta*")
a.set_title("(a) train-loss contours: GF vs GD then GF")
a.set_xlabel("beta_1")
a.set_ylabel("beta_2")
a.legend(fontsize=8, loc="upper left")
for ax, contour, title in ((b, "zoom_train_contour", "(b) near beta*: train loss, stop at L̂ = eps"),
                           (c, "test_contour", "(c) near beta*: test-loss contours")):
    for blk in blocks:
        if blk["name"] == contour:
            ax.plot(blk["r1"], blk["r2"], color="0.75" if contour.startswith("zoom") else "tab:green", lw=0.8)
    ax.plot(ellipse["r1"], ellipse["r2"], "k--" if ax is c else "k-", lw=1.5, label="L̂ = eps")
    if ax is b:
        ax.plot(first["gf_path"]["r1"], first["gf_path"]["r2"], color="tab:blue", lw=2, label="GF")
        ax.plot(first["annealed_flow"]["r1"], first["annealed_flow"]["r2"], color="tab:orange", lw=2, label="GF after GD")
    ax.plot(markers["r1"][2], markers["r2"][2], "o", color="tab:blue", ms=9, label="GF end")
    ax.plot(markers["r1"][3], markers["r2"][3], "o", color="tab:orange", ms=9, label="annealed end")
    ax.set_xlim(-W, W)
    ax.set_ylim(-W, W)
    ax.set_aspect("equal")
    ax.set_title(title)
    ax.set_xlabel("beta_1 - beta*_1")
    ax.set_ylabel("beta_2 - beta*_2")
    ax.legend(fontsize=8, loc="upper left")
a.set_aspect("equal")
fig.suptitle(f"Figure 1 (Nakkiran 2020): alpha = 1e-12, eps = 1e-20, K = 10; "
             f"L_D(GF)/L_D(annealed) = {float(rec['ratio']):.6f}, claims hold: {rec['claims_hold']}")
fig.tight_layout()
fig.savefig(out / "figure1.png", dpi=110)
print(f"wrote {out / 'figure1.png'} (matplotlib) and {out / 'figure1_gnuplot.png'} (gnuplot)")
