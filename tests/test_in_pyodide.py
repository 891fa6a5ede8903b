"""The model tests pass inside Pyodide, the runtime of the readers' browsers.

``tests/pyodide/run.mjs`` loads Pyodide from node_modules (the same npm
package the site copies), installs our wheel and pure-Python wheels of pytest
and hypothesis with ``unpackArchive`` (as the browser worker does) and runs
every model test file (``tests/test_<module>.py`` and ``tests/test_<module>_*.py``
of each ``simulators/<module>.py``) plus every doctest of the installed
``simulators`` package. Pyodide has no processes: a test that starts one is
marked ``uses_processes`` and left out there, and so is the CLI test file.

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
# Model test files that cannot run inside Pyodide, each with the reason.
CANNOT_RUN_THERE = {
    "tests/test_cli.py": "starts `python -m simulators` in processes; Pyodide has none",
    "tests/test_fees_pages.py": "drives the site's build hooks (sitebuild, mkdocs), which the wheel does not hold",
}
# Single tests that start a process carry the mark ``uses_processes`` and are
# left out there (the CLI's own tests live in tests/test_cli.py, above).
WITHOUT_PROCESSES = ["-m", "not uses_processes"]


def model_test_files() -> list[str]:
    """``tests/test_<module>.py`` and ``tests/test_<module>_*.py`` of every ``simulators/<module>.py``
    (a private module's file may drop its underscore: ``_registry`` → test_registry.py)."""
    found: set[str] = set()
    for module in (ROOT / "simulators").glob("*.py"):
        if module.stem.startswith("__"):
            continue
        for name in {module.stem, module.stem.lstrip("_")}:
            for pattern in (f"test_{name}.py", f"test_{name}_*.py"):
                found.update(path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").glob(pattern))
    return sorted(found - set(CANNOT_RUN_THERE))


MODEL_TESTS = model_test_files()


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
    """How many tests CPython selects from the same files and doctests."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         "--import-mode=importlib", "--doctest-modules", *WITHOUT_PROCESSES, *MODEL_TESTS, "simulators"],
        cwd=ROOT, capture_output=True, text=True,
    )
    # "290 tests collected", or "280/290 tests collected (10 deselected)"
    match = re.search(r"(\d+)(?:/\d+)? tests? collected", done.stdout)
    assert match, done.stdout[-2000:] + done.stderr[-2000:]
    return int(match.group(1))


def test_every_model_file_with_a_test_file_is_run():
    """The old hand-written six are all still there, and what is left out says why."""
    assert {"tests/test_roi.py", "tests/test_cadence.py", "tests/test_omnichannel.py", "tests/test_series.py",
            "tests/test_fees_data.py", "tests/test_fees.py", "tests/test__validate.py", "tests/test__format.py",
            "tests/test_plan.py", "tests/test_campaign.py", "tests/test_runway.py",
            "tests/test_platform_fee.py"} <= set(MODEL_TESTS)
    assert all((ROOT / path).exists() for path in CANNOT_RUN_THERE)
    assert not set(CANNOT_RUN_THERE) & set(MODEL_TESTS)


def test_model_suite_passes_inside_pyodide(tmp_path, simulators_wheel):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for wheel in [*_download_wheels(), simulators_wheel]:
        shutil.copy(wheel, wheels)
    node = shutil.which("node")
    assert node, "node tidak ditemukan"
    done = subprocess.run(
        [node, "tests/pyodide/run.mjs", "--wheels", str(wheels), "--pyodide", "node_modules/pyodide",
         *(f"--pytest-arg={arg}" for arg in WITHOUT_PROCESSES), *MODEL_TESTS],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("PYODIDE-RESULT ")]
    assert lines, "run.mjs gave no result:\n" + done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(lines[-1].removeprefix("PYODIDE-RESULT "))
    assert done.returncode == 0 and result["exit"] == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert result["platform"] == "emscripten" and result["python"].startswith("3.14")
    assert result["simulators_from"].endswith("site-packages/simulators")  # the wheel, not the source tree
    assert result["failed"] == result["error"] == result["skipped"] == 0
    # Every test CPython selects from these files ran and passed in Pyodide too.
    assert result["passed"] == _collected_in_cpython() > 0
