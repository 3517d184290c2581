#!/usr/bin/env python3
"""Call overhead of the Python module (issue 25): `annealcheck.evaluate` on the d = 8,
K = 100 property case (bench/make_instance.py 8 3 100, mpfr256, 64 checkpoints) against
the same request in C++ (annealcheck_eval_request_bench: certified::run_eval + the JSON
record). Rounds alternate C++ and Python in one run (these machines are noisy); the
medians and their ratio are printed. Exit 1 when the ratio is above --limit (1.2).

    PYTHONPATH=build/release/python bench/python_overhead.py build/release [--rounds 5] [--limit 1.2]
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", type=pathlib.Path)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--limit", type=float, default=1.2)
    args = ap.parse_args()
    import annealcheck as ac

    here = pathlib.Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "d8_K100.json"
        path.write_text(subprocess.run([sys.executable, str(here / "make_instance.py"), "8", "3", "100"],
                                       check=True, capture_output=True, text=True).stdout)
        inst = ac.Instance.from_json(path)
        cpp, py = [], []
        for _ in range(args.rounds):
            out = subprocess.run([str(args.build / "bench" / "annealcheck_eval_request_bench"), str(path), "mpfr256", "64",
                                  "--benchmark_format=json", "--benchmark_min_time=1"], check=True, capture_output=True, text=True).stdout
            b = json.loads(out)["benchmarks"][0]
            cpp.append(b["real_time"] * {"us": 1e-6, "ms": 1e-3, "ns": 1e-9, "s": 1.0}[b["time_unit"]])
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < 1.0:
                ac.evaluate(inst, type="mpfr256", checkpoints=64)
                n += 1
            py.append((time.perf_counter() - start) / n)
    c, p = statistics.median(cpp), statistics.median(py)
    print(f"evaluate, d = 8, K = 100, mpfr256, 64 checkpoints: C++ {c * 1e6:.1f} us, Python {p * 1e6:.1f} us per call "
          f"(medians of {args.rounds} alternated rounds); Python/C++ = {p / c:.3f} (limit {args.limit})")
    return 0 if p / c <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
