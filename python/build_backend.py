"""PEP 517 backend of `pip install .` (pyproject.toml): the project's own CMake build of
the `_annealcheck` target, packed into a wheel with the package's Python files.

Version: project(annealcheck VERSION ...) in CMakeLists.txt, the CLI's `--version`.
Build tree: $ANNEALCHECK_BUILD_DIR when set (an already configured tree with the
Python module on, e.g. build/release), else build/pip (Release, no tests or benchmarks).
"""
import base64
import hashlib
import os
import pathlib
import re
import subprocess
import sys
import sysconfig
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _version():
    m = re.search(r"project\(annealcheck\s+VERSION\s+([0-9.]+)", (ROOT / "CMakeLists.txt").read_text())
    if not m:
        raise RuntimeError("CMakeLists.txt: no project(annealcheck VERSION x.y.z)")
    return m.group(1)


def _tag():
    py = f"cp{sys.version_info.major}{sys.version_info.minor}"
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{py}-{py}-{plat}"


def _metadata(version):
    return (f"Metadata-Version: 2.1\nName: annealcheck\nVersion: {version}\n"
            "Summary: Lemma 2 and Proposition 1 of Nakkiran 2020, checked by computation\n"
            "Requires-Python: >=3.9\nRequires-Dist: numpy\nRequires-Dist: mpmath\n")


def _build():
    build = pathlib.Path(os.environ.get("ANNEALCHECK_BUILD_DIR") or ROOT / "build" / "pip")
    if not (build / "CMakeCache.txt").exists():
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                        "-DANNEALCHECK_BUILD_PYTHON=ON", "-DANNEALCHECK_BUILD_TESTS=OFF", "-DANNEALCHECK_BUILD_BENCH=OFF",
                        f"-DPython3_EXECUTABLE={sys.executable}"], check=True, stdout=sys.stderr)
    subprocess.run(["cmake", "--build", str(build), "--target", "_annealcheck"], check=True, stdout=sys.stderr)
    package = build / "python" / "annealcheck"
    if not any(package.glob("_annealcheck*.so")):
        raise RuntimeError(f"{package}: no _annealcheck module after the build (is ANNEALCHECK_BUILD_PYTHON on there?)")
    return package


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info = pathlib.Path(metadata_directory) / f"annealcheck-{_version()}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata(_version()))
    return info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version, package = _version(), _build()
    name = f"annealcheck-{version}-{_tag()}.whl"
    info = f"annealcheck-{version}.dist-info"
    files = {f"annealcheck/{p.name}": p.read_bytes() for p in sorted(package.iterdir()) if p.suffix in (".py", ".so")}
    files[f"{info}/METADATA"] = _metadata(version).encode()
    files[f"{info}/WHEEL"] = f"Wheel-Version: 1.0\nGenerator: annealcheck build_backend\nRoot-Is-Purelib: false\nTag: {_tag()}\n".encode()
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    tmp = pathlib.Path(wheel_directory) / (name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            z.writestr(path, data)
    tmp.replace(pathlib.Path(wheel_directory) / name)  # whole or not at all
    return name
