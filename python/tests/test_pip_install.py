"""`pip install .` (pyproject.toml, python/build_backend.py) installs a working module.

Installs with --target into a scratch directory, reusing the build tree under test
(ANNEALCHECK_BUILD_DIR) so it does not compile the library a second time, then imports
the installed copy in a fresh interpreter that does not see the build tree."""
import os
import pathlib
import subprocess
import sys

import pytest

import annealcheck


def test_pip_install_then_import(repo, tmp_path):
    build = pathlib.Path(annealcheck.__file__).resolve().parents[2]  # <build>/python/annealcheck/__init__.py
    env = dict(os.environ, ANNEALCHECK_BUILD_DIR=str(build), PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    p = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(tmp_path / "site"), str(repo)],
                       env=env, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    code = ("import annealcheck; print(annealcheck.__file__); print(annealcheck.__version__); "
            "print(annealcheck.evaluate(annealcheck.Instance.prop1(alpha='1e-6', eps='1e-9', K=10)).quantities['LD_gf_over_eps'])")
    q = subprocess.run([sys.executable, "-c", code], env=dict(env, PYTHONPATH=str(tmp_path / "site")), cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert q.returncode == 0, q.stderr
    where, version, value = q.stdout.splitlines()
    assert where.startswith(str(tmp_path / "site")), where
    assert version == annealcheck.__version__
    assert value.startswith("1.4999999999999999996"), value
