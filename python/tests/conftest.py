"""pytest options of the Python module's tests (ctest label `python`, python/CMakeLists.txt)."""
import pathlib
import shutil

import pytest


def pytest_addoption(parser):
    parser.addoption("--annealcheck-binary", default=shutil.which("annealcheck"), help="the CLI, for agreement tests")
    parser.addoption("--repo", default=str(pathlib.Path(__file__).resolve().parents[2]), help="the repository root")


@pytest.fixture(scope="session")
def cli(request):
    path = request.config.getoption("--annealcheck-binary")
    if not path:
        pytest.fail("no annealcheck binary: pass --annealcheck-binary (ctest does)")
    return path


@pytest.fixture(scope="session")
def repo(request):
    return pathlib.Path(request.config.getoption("--repo")).resolve()
