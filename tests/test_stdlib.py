"""The trimmed standard library of the calculators (sitebuild/stdlib.py).

Both tests boot the real Pyodide from node_modules under node: the committed
file list must be what the calculators import now, and the trimmed,
precompiled zip (with the trimmed lock file) must answer every probe exactly
as the full standard library does.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from sitebuild import stdlib


@pytest.fixture(scope="module")
def full(simulators_wheel):
    """The probe with Pyodide's own 2,5 MB standard library and lock file."""
    return stdlib.probe(simulators_wheel)


class TestModuleList:
    def test_committed_list_is_what_the_calculators_import(self, full):
        committed = stdlib.read_list()
        missing = sorted(set(full["files"]) - set(committed))
        unused = sorted(set(committed) - set(full["files"]))
        assert not missing and not unused, (
            f"sitebuild/stdlib-modules.txt sudah usang (kurang: {missing}, tak terpakai: {unused}); "
            "jalankan `.venv/bin/python -m sitebuild.stdlib --write` lalu commit daftarnya"
        )

    def test_frozen_modules_are_the_known_ones_and_never_listed(self, full):
        assert set(full["frozen"]) <= stdlib.FROZEN
        assert not stdlib.FROZEN & set(stdlib.read_list())

    def test_quick_check_names_a_new_import_missing_from_the_list(self, tmp_path):
        (tmp_path / "model.py").write_text("import csv\nimport io\nimport math\nfrom json import decoder\n")
        (tmp_path / "cli.py").write_text("import argparse\n")  # the CLI never reaches the browser
        listed = ["json/__init__.py", "json/decoder.py"]
        # csv.py is a file of the zip and unlisted; io is frozen, math built in, json listed
        assert stdlib.uncovered(listed, tmp_path) == ["csv (model.py)"]
        assert stdlib.uncovered([*listed, "csv.py"], tmp_path) == []

    def test_probe_reached_every_simulator(self, full):
        import simulators

        for name in simulators.SIMULATORS:
            assert full["answers"][f"{name}:defaults"]["ok"] is True
            assert full["answers"][f"{name}:broken"]["ok"] is False


class TestTrimmedZip:
    def test_answers_exactly_like_the_full_stdlib(self, simulators_wheel, full, tmp_path):
        """What the site ships: trimmed stdlib, package-less lock file, precompiled wheel."""
        trimmed = stdlib.build(tmp_path / "python_stdlib.zip")
        lock = tmp_path / "pyodide-lock.json"
        lock.write_bytes(stdlib.lockfile())
        compiled = stdlib.precompile_wheel(simulators_wheel, tmp_path / "wheel")
        small = stdlib.probe(compiled, trimmed, lock)
        assert small["answers"] == full["answers"]
        # The models ran from the wheel's bytecode, not from source.
        assert small["package_files"] and all(name.endswith(".pyc") for name in small["package_files"])
        assert all(name.endswith(".py") for name in full["package_files"])
        # Every module came from the trimmed zip, as bytecode.
        assert sorted(name.removesuffix("c") for name in small["files"]) == full["files"]
        assert all(name.endswith(".pyc") for name in small["files"] if name.endswith(("py", "pyc")))

    def test_holds_only_the_listed_files_as_bytecode(self, tmp_path):
        trimmed = stdlib.build(tmp_path / "python_stdlib.zip")
        names = zipfile.ZipFile(trimmed).namelist()
        assert sorted(n.removesuffix("c") for n in names) == sorted(stdlib.read_list())
        # Fewer files, fewer bytes: about 1,25 MB of bytecode against 2,5 MB of source.
        assert trimmed.stat().st_size < 0.6 * (stdlib.PYODIDE / "python_stdlib.zip").stat().st_size

    def test_lock_file_keeps_info_and_lists_no_package(self):
        full_lock = json.loads((stdlib.PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
        small = json.loads(stdlib.lockfile())
        assert small == {"info": full_lock["info"], "packages": {}}
