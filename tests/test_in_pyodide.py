"""The model tests pass inside Pyodide, the runtime of the readers' browsers.

``tests/pyodide/run.mjs`` loads Pyodide from node_modules (the same npm
package the site copies), installs our wheel and pure-Python wheels of pytest
and hypothesis with ``unpackArchive`` (as the browser worker does) and runs
the model test files plus every doctest of the installed ``simulators``
package. The test files that start ``python -m simulators`` in a subprocess
(the CLI tests) cannot run there: Pyodide has no processes.

The pytest/hypothesis wheels are fetched once into ``.cache/pyodide-wheels``
with the pins of ``tests/pyodide/requirements.txt``.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "pyodide-wheels"
REQUIREMENTS = ROOT / "tests" / "pyodide" / "requirements.txt"
MODEL_TESTS = [
    "tests/test_roi.py", "tests/test_cadence.py", "tests/test_omnichannel.py", "tests/test_series.py",
    # reads the fee schedule from the installed wheel (simulators/_data/)
    "tests/test_fees_data.py", "tests/test_fees.py",
]


def _pins() -> dict[str, str]:
    """``{"pytest": "9.2.0", …}`` from tests/pyodide/requirements.txt (wheel-name spelling)."""
    lines = [line.strip() for line in REQUIREMENTS.read_text().splitlines()]
    return {
        name.lower().replace("-", "_"): version
        for name, version in (line.split("==") for line in lines if line and not line.startswith("#"))
    }


def _download_wheels() -> list[pathlib.Path]:
    CACHE.mkdir(parents=True, exist_ok=True)
    base = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
            "--only-binary=:all:", "--python-version", "3.14", "--implementation", "py", "--abi", "none",
            "--platform", "any", "-r", str(REQUIREMENTS), "-d", str(CACHE)]
    # Offline first: a cached set needs no network.
    done = subprocess.run([*base, "--no-index", "--find-links", str(CACHE)], capture_output=True, text=True)
    if done.returncode != 0:
        done = subprocess.run(base, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail("roda pytest/hypothesis untuk Pyodide tidak bisa diunduh:\n" + done.stderr[-3000:])
    pins = _pins()
    chosen = [w for w in CACHE.glob("*.whl") if pins.get(w.name.split("-")[0].lower()) == w.name.split("-")[1]]
    assert sorted(w.name.split("-")[0].lower() for w in chosen) == sorted(pins)
    return chosen


def _collected_in_cpython() -> int:
    """How many tests CPython collects from the same files and doctests."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         "--import-mode=importlib", "--doctest-modules", *MODEL_TESTS, "simulators"],
        cwd=ROOT, capture_output=True, text=True,
    )
    match = re.search(r"(\d+) tests? collected", done.stdout)
    assert match, done.stdout[-2000:] + done.stderr[-2000:]
    return int(match.group(1))


def test_model_suite_passes_inside_pyodide(tmp_path):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for wheel in _download_wheels():
        shutil.copy(wheel, wheels)
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels), str(ROOT)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    node = shutil.which("node")
    assert node, "node tidak ditemukan"
    done = subprocess.run(
        [node, "tests/pyodide/run.mjs", "--wheels", str(wheels), "--pyodide", "node_modules/pyodide", *MODEL_TESTS],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("PYODIDE-RESULT ")]
    assert lines, "run.mjs gave no result:\n" + done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(lines[-1].removeprefix("PYODIDE-RESULT "))
    assert done.returncode == 0 and result["exit"] == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert result["platform"] == "emscripten" and result["python"].startswith("3.14")
    assert result["simulators_from"].endswith("site-packages/simulators")  # the wheel, not the source tree
    assert result["failed"] == result["error"] == result["skipped"] == 0
    # Every test CPython collects from these files ran and passed in Pyodide too.
    assert result["passed"] == _collected_in_cpython() > 0
