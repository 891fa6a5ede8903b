"""Notebooks are committed without outputs: the build executes them (see mkdocs.yml)."""

from __future__ import annotations

import json
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent


def committed_notebooks() -> list[pathlib.Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.ipynb"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    return [ROOT / name for name in listed]


def test_there_are_notebooks():
    names = {p.name for p in committed_notebooks()}
    assert {"roi-cpm-konversi.ipynb", "risiko-kanal.ipynb"} <= names


def test_no_notebook_carries_outputs():
    dirty = []
    for path in committed_notebooks():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells, 1):
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
                dirty.append(f"{path.relative_to(ROOT)} sel {number}")
    assert not dirty, (
        "notebook disimpan dengan keluaran (hapus dengan "
        "`jupyter nbconvert --clear-output --inplace FILE`): " + ", ".join(dirty)
    )


def test_notebooks_use_the_build_kernel():
    # mkdocs.yml executes with kernel_name python3, the venv's own ipykernel.
    for path in committed_notebooks():
        kernelspec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
        assert kernelspec["name"] == "python3", path
