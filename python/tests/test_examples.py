"""The examples a researcher runs first (examples/python/) run headless and write their figures."""
import os
import subprocess
import sys

import pathlib

import annealcheck


def run_example(repo, tmp_path, name, *args):
    # The module under test, whatever the working directory (the examples run in tmp_path).
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(pathlib.Path(annealcheck.__file__).resolve().parents[1]))
    p = subprocess.run([sys.executable, str(repo / "examples/python" / name), *args], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout


def assert_png(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, path


def test_figure1(repo, tmp_path):
    run_example(repo, tmp_path, "figure1.py", "out")
    assert_png(tmp_path / "out/figure1.png")


def test_ratio_vs_alpha_tends_to_two(repo, tmp_path):
    out = run_example(repo, tmp_path, "ratio_vs_alpha.py", "ratio.png")
    assert_png(tmp_path / "ratio.png")
    last = [line for line in out.splitlines() if line.startswith("alpha =")][-1]
    assert abs(float(last.split("=")[2].split()[0]) - 2) < 1e-6, last


def test_own_spectrum(repo, tmp_path):
    out = run_example(repo, tmp_path, "own_spectrum.py")
    assert "verdict: every conclusion proved" in out, out


def test_refuted_claim(repo, tmp_path):
    out = run_example(repo, tmp_path, "refuted_claim.py", "cx.png")
    assert "refuted: True" in out, out
    assert_png(tmp_path / "cx.png")
